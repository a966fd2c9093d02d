import { availableParallelism } from 'node:os';
import type { StaffRole } from '../../domain/index.ts';
import { inProcess, inWorkerThread } from './corporation-source.ts';
import {
  BULK_TABLES,
  type Deferred,
  deferSearchRows,
  dropIndexesAndForeignKeys,
  restoreIndexesAndForeignKeys,
  restoreSearchRows,
} from './deferred-maintenance.ts';
import { truncateWhenEmpty } from './fresh-tables.ts';
import { LoadPhases, type LoadRecord, localBackendPid } from './load-phases.ts';
import type { GenerationInput } from './prepared-corporation.ts';
import { Random } from './random.ts';
import { SCALES, type ScaleName } from './scales.ts';
import { type Executor, insertCorporation, readColumnKinds } from './seed-loader.ts';
import { SeedProgress } from './seed-progress.ts';

// `npm run seed` and `npm run bench` both come here: generate one corporation at a time (so the national
// set never has to fit in memory; a worker thread prepares the next one while this one loads), load the
// whole data set in one transaction, and report what was made.

export type SeedOptions = {
  scale: ScaleName;
  seed: number;
  /** The reference date: complaints lie in the years before it; open ones are the recent ones. */
  now: Date;
  /** One argon2 hash for every staff account: hashing per account would take minutes. */
  passwordHash: string;
  progress?: boolean;
  /** Only the first N corporations of the scale (to measure a part of the national set). */
  limit?: number;
  /**
   * Complaints per corporation instead of the scale's own number (tests that need a fuller quarter, such as the
   * theme finder's precision and recall). Unset, the generator's output is unchanged (no GENERATOR_VERSION bump).
   */
  complaintsPerOrganization?: number;
  /** Generate in a worker thread; default: when there is more than one corporation. */
  workerThread?: boolean;
  /** Drop the secondary indexes and foreign keys, restore them after loading; default: from 20,000 complaints on. */
  deferMaintenance?: boolean;
};

/** From this many complaints on, building indexes and checking references once beats doing it row by row. */
const DEFER_MAINTENANCE_FROM = 20_000;

export type SeededOrganization = {
  id: string;
  slug: string;
  name: string;
  hostname: string;
  homes: number;
  complaints: number;
};

/** Raised whenever the generator's output changes, so a kept benchmark data set is not reused by mistake. */
export const GENERATOR_VERSION = 3;

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
  /** Wall time and CPU per phase of this load (see load-phases.ts). */
  load?: LoadRecord;
};

export async function seedDataSet(client: Executor, options: SeedOptions): Promise<SeedSummary> {
  const startedAt = Date.now();
  const phases = new LoadPhases(await localBackendPid(client), availableParallelism());
  phases.enter('prepare');
  const scale = SCALES[options.scale];
  const plans = scale
    .plan(new Random(options.seed).fork('plan'))
    .slice(0, options.limit)
    .map((plan) =>
      options.complaintsPerOrganization === undefined
        ? plan
        : { ...plan, complaints: options.complaintsPerOrganization },
    );
  const totalComplaints = plans.reduce((sum, p) => sum + p.complaints, 0);
  const progress = options.progress ? new SeedProgress(plans.length, totalComplaints) : null;
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
  const input: GenerationInput = {
    seed: options.seed,
    years: scale.years,
    now: options.now,
    // Organisations exist a little before their first complaint.
    createdAt: new Date(options.now.getTime() - (scale.years * 365 + 30) * 86_400_000),
    passwordHash: options.passwordHash,
    columnKinds: await readColumnKinds(client),
  };
  const source = (options.workerThread ?? plans.length > 1) ? inWorkerThread : inProcess;
  const deferMaintenance = options.deferMaintenance ?? totalComplaints >= DEFER_MAINTENANCE_FROM;
  progress?.phase('genereren / generating');
  const enter = (name: string, label: string) => {
    phases.enter(name);
    progress?.phase(label);
  };
  // One transaction for the whole data set: a crash or a refused row leaves the database as it was (indexes
  // included), and the next run simply starts again.
  await client.query('begin');
  let fresh = false;
  try {
    // A crash right after commit may lose the whole data set, never a part of it: it is then loaded again.
    await client.query('set local synchronous_commit = off');
    const deferred: Deferred = deferMaintenance
      ? await dropIndexesAndForeignKeys(client)
      : { indexes: [], foreignKeys: [] };
    const searchRows = deferMaintenance ? await deferSearchRows(client) : null;
    fresh = deferMaintenance && (await truncateWhenEmpty(client));
    const frozen = new Set<string>(fresh ? BULK_TABLES : []);
    phases.enter('generating');
    for await (const prepared of source(input, plans)) {
      const org = prepared.organization;
      const taken = await client.query('select slug from organization where slug = $1 or id = $2', [
        org.slug,
        org.id,
      ]);
      if (taken.rows.length > 0)
        throw new Error(
          `Organisatie ${org.slug} bestaat al: deze proefdata (seed ${options.seed}) is eerder geladen. / ` +
            `Organisation ${org.slug} already exists: this data set (seed ${options.seed}) was loaded before.`,
        );
      enter('loading', 'laden / loading');
      const loaded = await insertCorporation(client, prepared, progress, frozen);
      for (const [table, rows] of Object.entries(loaded)) count(table, rows);
      progress?.organizationDone();
      // Shown until the next corporation arrives: the load is waiting for the generator.
      enter('generating', 'genereren / generating');
      summary.organizations.push({
        ...org,
        homes: plans[prepared.index]?.homes ?? 0,
        complaints: prepared.complaints,
      });
      if (prepared.index === 0) {
        summary.staff = prepared.staff;
        summary.firstReference = prepared.firstReference;
        summary.firstDescription = prepared.firstDescription;
      }
    }
    await restoreIndexesAndForeignKeys(client, deferred, (label, kind) => enter(kind, label));
    if (searchRows) {
      enter('indexes', 'zoekregels / search rows');
      await restoreSearchRows(client, searchRows);
    }
    enter('commit', 'vastleggen / committing');
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  }
  // Fresh statistics, so the planner sees the real table sizes at once (benchmarks run right after).
  enter('analyze', 'analyze');
  await client.query('analyze');
  progress?.finish();
  summary.load = { ...phases.finish(), freshTables: fresh };
  summary.seconds = (Date.now() - startedAt) / 1000;
  return summary;
}
