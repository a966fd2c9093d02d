import { sql } from 'kysely';
import { REPORT_TRIAGE_OUTCOMES, type ThemeComplaint, type ThemeResult } from '../../../domain/index.ts';
import type { Database } from '../../db/database.ts';
import type { Scoped } from '../../db/tenant-scope.ts';

// All SQL of the quarter's themes (issue 26, decision 049). The job reads under the organisation's row-level
// security (inOrganization on the owner's connection); only `runsToCompute` looks across organisations.

const AMSTERDAM = 'Europe/Amsterdam';
const startOf = (day: string) => sql`(${day}::date)::timestamp at time zone ${AMSTERDAM}`;

/**
 * The quarter's complaints (received in it, not merged into another, not triaged as "not a complaint") with
 * their words as PostgreSQL's Dutch dictionary sees them: each word's lexeme and the word itself; stop words have
 * no lexeme and drop out. The first `limit` by id, as the finder would keep them.
 */
export async function quarterComplaintWords(
  trx: Scoped,
  period: { from: string; until: string },
  limit: number,
): Promise<{ complaints: ThemeComplaint[]; total: number }> {
  const where = sql`c.received_at >= ${startOf(period.from)} and c.received_at < ${startOf(period.until)}
    and c.merged_into_id is null
    and c.triage_outcome is distinct from ${REPORT_TRIAGE_OUTCOMES.not_a_complaint}`;
  const { rows } = await sql<{
    id: string;
    reference: string;
    department_id: string | null;
    housing_complex_id: string | null;
    tokens: [string, string][];
  }>`
    select c.id, c.reference, c.department_id, c.housing_complex_id,
      coalesce((select json_agg(json_build_array(d.lexemes[1], lower(d.token)))
        from ts_debug('dutch', c.description) d
        where d.alias in ('asciiword', 'word', 'hword_asciipart', 'hword_part')
          and cardinality(d.lexemes) > 0 and length(d.lexemes[1]) >= 3), '[]'::json) as tokens
    from complaint c where ${where}
    order by c.id limit ${limit}`.execute(trx);
  const { rows: count } = await sql<{ n: number }>`
    select count(*)::int as n from complaint c where ${where}`.execute(trx);
  return {
    total: count[0]?.n ?? 0,
    complaints: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      departmentId: r.department_id,
      housingComplexId: r.housing_complex_id,
      tokens: r.tokens.map(([lexeme, word]) => ({ lexeme, word })),
    })),
  };
}

/**
 * Which organisation's quarters the job computes now: those the MT asked for, then the current and previous
 * quarter of every organisation that has none yet, then current quarters computed before `staleBefore`.
 */
export async function runsToCompute(
  owner: Database,
  quarters: { current: string; previous: string },
  staleBefore: Date,
  limit: number,
) {
  const { rows } = await sql<{ organization_id: string; quarter: string; requested_at: Date | null }>`
    select organization_id, quarter, case when priority = 0 then at end as requested_at from (
      select r.organization_id, r.quarter, 0 as priority, r.requested_at as at
        from complaint_theme_run r where r.requested_at is not null
      union all
      select o.id, q.quarter, 1, null
        from organization o cross join (values (${quarters.current}), (${quarters.previous})) as q (quarter)
        where not exists (select 1 from complaint_theme_run r where r.organization_id = o.id and r.quarter = q.quarter)
      union all
      select r.organization_id, r.quarter, 2, r.computed_at
        from complaint_theme_run r
        where r.quarter = ${quarters.current} and r.requested_at is null and r.computed_at < ${staleBefore}
    ) due
    order by priority, at nulls first, organization_id, quarter
    limit ${limit}`.execute(owner);
  return rows;
}

export async function saveRun(
  trx: Scoped,
  run: {
    organizationId: string;
    quarter: string;
    computedAt: Date;
    result: ThemeResult;
    /** The request this run answers; a request made while it was computing stays standing. */
    answersRequestOf: Date | null;
  },
) {
  await sql`
    insert into complaint_theme_run (organization_id, quarter, computed_at, complaints, left_out, themes)
    values (${run.organizationId}, ${run.quarter}, ${run.computedAt}, ${run.result.complaints},
      ${run.result.leftOut}, ${JSON.stringify(run.result.themes)}::jsonb)
    on conflict (organization_id, quarter) do update set
      computed_at = excluded.computed_at, complaints = excluded.complaints, left_out = excluded.left_out,
      themes = excluded.themes,
      requested_at = case when complaint_theme_run.requested_at <= ${run.answersRequestOf}::timestamptz
        then null else complaint_theme_run.requested_at end,
      requested_by = case when complaint_theme_run.requested_at <= ${run.answersRequestOf}::timestamptz
        then null else complaint_theme_run.requested_by end`.execute(trx);
}

export async function requestRun(
  trx: Scoped,
  run: { organizationId: string; quarter: string; requestedAt: Date; requestedBy: string },
) {
  await trx
    .insertInto('complaint_theme_run')
    .values({
      organization_id: run.organizationId,
      quarter: run.quarter,
      requested_at: run.requestedAt,
      requested_by: run.requestedBy,
    })
    .onConflict((oc) =>
      oc.columns(['organization_id', 'quarter']).doUpdateSet({
        requested_at: sql`coalesce(complaint_theme_run.requested_at, excluded.requested_at)`,
        requested_by: sql`coalesce(complaint_theme_run.requested_by, excluded.requested_by)`,
      }),
    )
    .execute();
}

export type StoredTheme = ThemeResult['themes'][number];

export async function findRuns(trx: Scoped, quarters: readonly string[]) {
  const rows = await trx
    .selectFrom('complaint_theme_run')
    .select(['quarter', 'requested_at', 'computed_at', 'complaints', 'left_out', 'themes'])
    .where('quarter', 'in', quarters)
    .execute();
  return rows.map((r) => ({ ...r, themes: r.themes as StoredTheme[] }));
}

/** Improvement actions made from a theme, with what they recorded of it. */
export async function actionsFromThemes(trx: Scoped) {
  const rows = await trx
    .selectFrom('improvement_action')
    .select(['id', 'title', 'status', 'source_theme', 'created_at'])
    .where('source_theme', 'is not', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    ...r,
    source_theme: r.source_theme as {
      quarter: string;
      key: string;
      name: string;
      size: number;
      terms: { lexeme: string; weight: number }[];
    },
  }));
}

export async function complaintReferences(trx: Scoped, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await trx.selectFrom('complaint').select(['id', 'reference']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.reference]));
}

export async function departmentAndComplexNames(trx: Scoped, departmentIds: string[], complexIds: string[]) {
  const [departments, complexes] = await Promise.all([
    departmentIds.length === 0
      ? []
      : trx.selectFrom('department').select(['id', 'name']).where('id', 'in', departmentIds).execute(),
    complexIds.length === 0
      ? []
      : trx
          .selectFrom('housing_complex')
          .select(['id', 'name', 'complex_number'])
          .where('id', 'in', complexIds)
          .execute(),
  ]);
  return {
    departments: new Map(departments.map((d) => [d.id, d.name])),
    complexes: new Map(complexes.map((c) => [c.id, `${c.complex_number} ${c.name}`])),
  };
}

/** The stored runs with the complaint among a theme's members, locked: the erasure rewrites them. */
export async function runsWithMember(trx: Scoped, complaintId: string) {
  const { rows } = await sql<{ quarter: string; themes: StoredTheme[] }>`
    select quarter, themes from complaint_theme_run
    where themes @> ${JSON.stringify([{ complaintIds: [complaintId] }])}::jsonb
    for update`.execute(trx);
  return rows;
}

/** Where the complaint is counted in a theme: its department and complex. */
export async function memberPlace(trx: Scoped, complaintId: string) {
  return trx
    .selectFrom('complaint')
    .select(['department_id', 'housing_complex_id'])
    .where('id', '=', complaintId)
    .executeTakeFirst();
}

export async function replaceRunThemes(trx: Scoped, quarter: string, themes: readonly StoredTheme[]) {
  await sql`
    update complaint_theme_run set themes = ${JSON.stringify(themes)}::jsonb
    where quarter = ${quarter}`.execute(trx);
}
