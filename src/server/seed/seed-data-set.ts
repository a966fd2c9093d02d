import { DEFAULT_CALENDAR_SETTINGS, type StaffRole } from '../../domain/index.ts';
import { generateComplaints } from './complaint-generator.ts';
import { loadCorporation } from './load-corporation.ts';
import { generateOrganization } from './organization-generator.ts';
import { Random } from './random.ts';
import { SCALES, type ScaleName } from './scales.ts';
import type { Executor } from './seed-loader.ts';
import { SeedProgress } from './seed-progress.ts';

// `npm run seed` and `npm run bench` both come here: generate one corporation at a time (so the national
// set never has to fit in memory), load it in its own transaction, and report what was made.

export type SeedOptions = {
  scale: ScaleName;
  seed: number;
  /** The reference date: complaints lie in the years before it; open ones are the recent ones. */
  now: Date;
  /** One argon2 hash for every staff account: hashing per account would take minutes. */
  passwordHash: string;
  progress?: boolean;
};

export type SeededOrganization = {
  id: string;
  slug: string;
  name: string;
  hostname: string;
  homes: number;
  complaints: number;
};

/** Raised whenever the generator's output changes, so a kept benchmark data set is not reused by mistake. */
export const GENERATOR_VERSION = 2;

export type SeedSummary = {
  generatorVersion: number;
  scale: ScaleName;
  seed: number;
  now: string;
  organizations: SeededOrganization[];
  /** Staff of the first organisation, to sign in with. */
  staff: { email: string; name: string; roles: StaffRole[]; department: string | null }[];
  counts: Record<string, number>;
  firstReference: string | null;
  firstDescription: string | null;
  seconds: number;
};

const CALENDAR = DEFAULT_CALENDAR_SETTINGS; // what every new organisation gets (migration 013)

export async function seedDataSet(client: Executor, options: SeedOptions): Promise<SeedSummary> {
  const startedAt = Date.now();
  const scale = SCALES[options.scale];
  const root = new Random(options.seed);
  const plans = scale.plan(root.fork('plan'));
  const progress = options.progress
    ? new SeedProgress(
        plans.length,
        plans.reduce((sum, p) => sum + p.complaints, 0),
      )
    : null;
  const summary: SeedSummary = {
    generatorVersion: GENERATOR_VERSION,
    scale: options.scale,
    seed: options.seed,
    now: options.now.toISOString(),
    organizations: [],
    staff: [],
    counts: {},
    firstReference: null,
    firstDescription: null,
    seconds: 0,
  };
  const count = (table: string, rows: number) => {
    summary.counts[table] = (summary.counts[table] ?? 0) + rows;
  };
  // Organisations exist a little before their first complaint.
  const createdAt = new Date(options.now.getTime() - (scale.years * 365 + 30) * 86_400_000);
  for (const plan of plans) {
    progress?.phase('genereren / generating');
    const org = generateOrganization(root.fork(`organization-${plan.index}`), plan, createdAt);
    const taken = await client.query('select slug from organization where slug = $1 or id = $2', [
      org.slug,
      org.id,
    ]);
    if (taken.rows.length > 0)
      throw new Error(
        `Organisatie ${org.slug} bestaat al: deze proefdata (seed ${options.seed}) is eerder geladen. / ` +
          `Organisation ${org.slug} already exists: this data set (seed ${options.seed}) was loaded before.`,
      );
    const complaints = generateComplaints(
      root.fork(`complaints-${plan.index}`),
      org,
      plan.complaints,
      scale.years,
      options.now,
      CALENDAR,
    );
    progress?.phase('laden / loading');
    const loaded = await loadCorporation(client, org, complaints, options.passwordHash, progress);
    for (const [table, rows] of Object.entries(loaded)) count(table, rows);
    progress?.organizationDone();
    summary.organizations.push({
      id: org.id,
      slug: org.slug,
      name: org.name,
      hostname: org.hostname,
      homes: plan.homes,
      complaints: complaints.complaint.length,
    });
    if (plan.index === 0) {
      const departmentName = new Map(org.departments.map((d) => [d.id, d.name]));
      summary.staff = org.staff.map((s) => ({
        email: s.email,
        name: s.name,
        roles: s.roles,
        department: s.departmentId === null ? null : (departmentName.get(s.departmentId) ?? null),
      }));
      const first = complaints.complaint[0];
      summary.firstReference = (first?.reference as string | undefined) ?? null;
      summary.firstDescription = (first?.description as string | undefined) ?? null;
    }
  }
  // Fresh statistics, so the planner sees the real table sizes at once (benchmarks run right after).
  progress?.phase('analyze');
  await client.query('analyze');
  progress?.finish();
  summary.seconds = (Date.now() - startedAt) / 1000;
  return summary;
}
