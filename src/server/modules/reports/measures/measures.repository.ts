import { type RawBuilder, sql } from 'kysely';
import type { AnsweredComplaint, ReportPeriod } from '../../../../domain/report-measures.ts';
import {
  BOARD_TRACK_LEAVING_DECISIONS,
  LAST_RESPONSE_RUNG,
  REPORT_TRIAGE_OUTCOMES,
} from '../../../../domain/report-status-sets.ts';
import type { Scoped } from '../../../db/tenant-scope.ts';
import type { ComplaintSet, Dimension, ReportScope } from './report-sets.ts';

// The SQL half of the report measures (docs/measures.md): which complaints each measure counts. Every
// figure in every report format and every drill-down list is built from these sets, so the number and
// the list behind it always agree. The codes the sets select on (triage outcomes, board decisions, rungs) are
// parameters taken from the domain (src/domain/report-status-sets.ts, where the same sets are predicates);
// test/reports/measures-agree.test.ts checks on generated complaints that SQL and domain count alike.

export const AMSTERDAM = 'Europe/Amsterdam';
/** A local date as the instant its day starts in Amsterdam. */
const startOf = (day: string) => sql`(${day}::date)::timestamp at time zone ${AMSTERDAM}`;

type SetDefinition = Readonly<{
  /** The instant that places a complaint of this set in a period. */
  dated: RawBuilder<unknown>;
  where?: RawBuilder<boolean>;
}>;

const received = sql`c.received_at`;
const answered = sql`c.answered_at`;
// policy 2.5: on the board's track and not sent back into the procedure (isCountedOnBoardTrack in the domain)
const leftBoardTrack = sql.join(
  BOARD_TRACK_LEAVING_DECISIONS.map(
    (kind) => sql<boolean>`(c.board_track -> 'decisions') @> ${JSON.stringify([{ kind }])}::jsonb`,
  ),
  sql` or `,
);
const onBoardTrack = sql<boolean>`(c.board_track is not null and not (${leftBoardTrack}))`;
const triagedAs = (outcome: string) => sql<boolean>`c.triage_outcome = ${outcome}`;
const boardTrackStarted = sql`(c.board_track->>'startedAt')::timestamptz`;

export const COMPLAINT_SETS = {
  received: { dated: received },
  // A complaint with the board is not handled in the complaints procedure (policy 2.5): counted apart
  taken_into_handling: {
    dated: received,
    where: sql<boolean>`(${triagedAs(REPORT_TRIAGE_OUTCOMES.taken_into_handling)} and not ${onBoardTrack})`,
  },
  board_track: { dated: boardTrackStarted, where: onBoardTrack },
  board_track_explained_on_time: {
    dated: boardTrackStarted,
    where: sql<boolean>`(${onBoardTrack} and (c.board_track->'explanation'->>'sentAt')::timestamptz
      <= (c.board_track->'stoppedTerm'->>'originalDueAt')::timestamptz)`,
  },
  outside_procedure: { dated: received, where: triagedAs(REPORT_TRIAGE_OUTCOMES.outside_procedure) },
  not_a_complaint: { dated: received, where: triagedAs(REPORT_TRIAGE_OUTCOMES.not_a_complaint) },
  repeats: { dated: received, where: sql<boolean>`c.repeat_of_id is not null` },
  last_response: { dated: received, where: sql<boolean>`c.repeat_rung = ${LAST_RESPONSE_RUNG}` },
  linked_to_action: {
    dated: received,
    where: sql<boolean>`exists (select 1 from improvement_action_complaint l where l.complaint_id = c.id)`,
  },
  answered: { dated: answered },
  answered_on_time_original: { dated: answered, where: sql<boolean>`c.answered_at <= c.original_due_at` },
  answered_on_time_extended: { dated: answered, where: sql<boolean>`c.answered_at <= c.due_at` },
  answered_late_original: { dated: answered, where: sql<boolean>`c.answered_at > c.original_due_at` },
  extended: { dated: answered, where: sql<boolean>`jsonb_array_length(c.term_extensions) > 0` },
  satisfaction_responded: {
    dated: answered,
    where: sql<boolean>`exists (select 1 from complaint_satisfaction s where s.complaint_id = c.id)`,
  },
  closed: { dated: sql`c.closed_at` },
  // The `where` of the last three changes no result (no committee, no date); it lets the partial indexes of
  // migration 054 find the few complaints that have such a step.
  committee_referred: {
    dated: sql`(c.committee->>'referredAt')::timestamptz`,
    where: sql<boolean>`c.committee is not null`,
  },
  committee_ruled: {
    dated: sql`(c.committee->'ruling'->>'at')::timestamptz`,
    where: sql<boolean>`c.committee is not null`,
  },
  compensation_paid: {
    dated: sql`(c.assessment->'compensation'->>'paidAt')::timestamptz`,
    where: sql<boolean>`(c.assessment -> 'compensation') is not null`,
  },
} as const satisfies Record<ComplaintSet, SetDefinition>;

/**
 * What a set can be broken down by. `label` names a group from reference data, looked up once per group
 * (`g.key` is the group's key as text) rather than once per complaint.
 */
export const DIMENSIONS = {
  channel: { key: sql<string | null>`c.channel`, label: null },
  category: { key: sql<string | null>`c.category`, label: null },
  subject_kind: { key: sql<string | null>`c.subject_kind`, label: null },
  department: {
    key: sql<string | null>`c.department_id::text`,
    label: sql<string | null>`(select d.name from department d where d.id = g.key::uuid)`,
  },
  concerned_department: {
    key: sql<string | null>`c.concerned_department_id::text`,
    label: sql<string | null>`(select d.name from department d where d.id = g.key::uuid)`,
  },
  complex: {
    key: sql<string | null>`c.housing_complex_id::text`,
    label: sql<
      string | null
    >`(select h.complex_number || ' ' || h.name from housing_complex h where h.id = g.key::uuid)`,
  },
  contractor: {
    key: sql<string | null>`c.subject_contractor_id::text`,
    label: sql<string | null>`(select k.name from contractor k where k.id = g.key::uuid)`,
  },
  ground: { key: sql<string | null>`c.triage->>'ground'`, label: null },
  referral_kind: { key: sql<string | null>`c.triage->>'kind'`, label: null },
  outcome: { key: sql<string | null>`c.outcome`, label: null },
  verdict: { key: sql<string | null>`c.committee->'ruling'->>'verdict'`, label: null },
  rung: { key: sql<string | null>`c.repeat_rung`, label: null },
  // The board's latest decision on a suspected offence (policy 2.5); none yet → null
  board_decision: { key: sql<string | null>`c.board_track->'decisions'->-1->>'kind'`, label: null },
} as const satisfies Record<Exclude<Dimension, 'month'>, { key: RawBuilder<string | null>; label: unknown }>;

function keyOf(set: ComplaintSet, dimension: Dimension): RawBuilder<string | null> {
  if (dimension === 'month') {
    return sql<string>`to_char(${COMPLAINT_SETS[set].dated} at time zone ${AMSTERDAM}, 'YYYY-MM')`;
  }
  return DIMENSIONS[dimension].key;
}

function labelOf(dimension: Dimension): RawBuilder<string | null> {
  if (dimension === 'month') return sql<null>`null`;
  return DIMENSIONS[dimension].label ?? sql<null>`null`;
}

function inPeriod(instant: RawBuilder<unknown>, period: ReportPeriod): RawBuilder<boolean> {
  return sql<boolean>`(${instant} >= ${startOf(period.from)} and ${instant} < ${startOf(period.until)})`;
}

export function memberOf(set: ComplaintSet, scope: ReportScope): RawBuilder<boolean> {
  const definition: SetDefinition = COMPLAINT_SETS[set];
  const parts = [inPeriod(definition.dated, scope.period)];
  // issue 22: a complaint received twice counts once, as the complaint it was merged into (isInReportSet)
  parts.push(sql<boolean>`c.merged_into_id is null`);
  if (definition.where) parts.push(definition.where);
  if (scope.departmentId !== null) parts.push(sql<boolean>`c.department_id = ${scope.departmentId}::uuid`);
  if (scope.category) parts.push(sql<boolean>`c.category = ${scope.category}`);
  return sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

/** The size of several sets in one pass over the complaints. */
export async function countSets<S extends ComplaintSet>(
  trx: Scoped,
  scope: ReportScope,
  sets: readonly S[],
): Promise<Record<S, number>> {
  const columns = sets.map(
    (set) => sql`count(*) filter (where ${memberOf(set, scope)})::int as ${sql.ref(set)}`,
  );
  const any = sets.map((set) => memberOf(set, scope));
  const { rows } = await sql<Record<S, number>>`
    select ${sql.join(columns)} from complaint c where ${sql.join(any, sql` or `)}`.execute(trx);
  return rows[0] as Record<S, number>;
}

export type Breakdown = { key: string | null; label: string | null; n: number }[];

/** One set broken down by one dimension, largest group first. */
export async function countBy(
  trx: Scoped,
  scope: ReportScope,
  set: ComplaintSet,
  dimension: Dimension,
): Promise<Breakdown> {
  const key = keyOf(set, dimension);
  const { rows } = await sql<{ key: string | null; label: string | null; n: number }>`
    select g.key, ${labelOf(dimension)} as label, g.n
    from (select ${key} as key, count(*)::int as n from complaint c where ${memberOf(set, scope)} group by 1) g
    order by g.n desc, g.key nulls last`.execute(trx);
  return rows;
}

/**
 * The complaints behind one figure (drill-down). `total` counts every member of the figure; only members for
 * which `shown` holds (the reader's visibility, the SQL mirror of canSeeComplaint) are returned, up to `limit`,
 * with `shownTotal` counting them all (issue 20: a hidden complaint is counted, never listed).
 */
export async function listSetComplaints(
  trx: Scoped,
  scope: ReportScope,
  set: ComplaintSet,
  filter: { dimension: Dimension; key: string | null } | null,
  limit: number,
  shown: RawBuilder<boolean>,
) {
  const parts = [memberOf(set, scope)];
  if (filter !== null) {
    const key = keyOf(set, filter.dimension);
    parts.push(filter.key === null ? sql<boolean>`${key} is null` : sql<boolean>`${key} = ${filter.key}`);
  }
  const { rows } = await sql<{
    id: string;
    reference: string;
    status: string;
    category: string | null;
    channel: string;
    confidential: boolean;
    receivedAt: Date;
    answeredAt: Date | null;
    handler_id: string | null;
    responsible_manager_id: string | null;
    department_id: string | null;
    confidential_reason_code: string | null;
    subject_employee_id: string | null;
    subject_employee_department_id: string | null;
    total: number;
    shownTotal: number;
  }>`
    select m.* from (
      select c.id, c.reference, c.status, c.category, c.channel, c.confidential,
             c.received_at as "receivedAt", c.answered_at as "answeredAt",
             c.handler_id, c.responsible_manager_id, c.department_id, c.confidential_reason_code,
             c.subject_employee_id,
             (select s.department_id from staff_user s where s.id = c.subject_employee_id) as subject_employee_department_id,
             ${shown} as shown,
             count(*) over ()::int as total,
             (count(*) filter (where ${shown}) over ())::int as "shownTotal"
      from complaint c where ${sql.join(parts, sql` and `)}
    ) m
    where m.shown
    order by m."receivedAt", m.reference limit ${limit}`.execute(trx);
  if (rows.length > 0) return { total: rows[0]?.total ?? 0, shownTotal: rows[0]?.shownTotal ?? 0, rows };
  // Nothing listed: the figure may still count complaints the reader may not see
  const counted = await sql<{ total: number }>`
    select count(*)::int as total from complaint c where ${sql.join(parts, sql` and `)}`.execute(trx);
  return { total: counted.rows[0]?.total ?? 0, shownTotal: 0, rows };
}

/** Answered complaints with what timeliness and handling time need. */
export async function answeredComplaints(trx: Scoped, scope: ReportScope): Promise<AnsweredComplaint[]> {
  const { rows } = await sql<AnsweredComplaint>`
    select c.received_at as "receivedAt", c.answered_at as "answeredAt",
           c.original_due_at as "originalDueAt", c.due_at as "dueAt",
           jsonb_array_length(c.term_extensions) > 0 as extended
    from complaint c where ${memberOf('answered', scope)}`.execute(trx);
  return rows;
}

/** Satisfaction scores of the complaints answered in the period. */
export async function satisfactionScores(trx: Scoped, scope: ReportScope) {
  const { rows } = await sql<{ handling: number; outcome: number }>`
    select s.handling, s.outcome from complaint_satisfaction s join complaint c on c.id = s.complaint_id
    where ${memberOf('answered', scope)}`.execute(trx);
  return rows;
}

export async function compensationPaid(trx: Scoped, scope: ReportScope) {
  const { rows } = await sql<{ count: number; cents: string }>`
    select count(*)::int as count,
           coalesce(sum((c.assessment->'compensation'->>'amountCents')::bigint), 0)::bigint as cents
    from complaint c where ${memberOf('compensation_paid', scope)}`.execute(trx);
  const row = rows[0] ?? { count: 0, cents: '0' };
  return { count: row.count, cents: Number(row.cents) };
}

/** Units (verhuureenheden) per complex as they are registered now, and in total. */
export async function unitCounts(trx: Scoped) {
  const { rows } = await sql<{ key: string | null; label: string | null; units: number }>`
    select g.key, (select h.complex_number || ' ' || h.name from housing_complex h where h.id = g.key::uuid) as label,
           g.units
    from (select u.housing_complex_id::text as key, count(*)::int as units from unit u group by 1) g`.execute(
    trx,
  );
  return { total: rows.reduce((sum, r) => sum + r.units, 0), byComplex: rows };
}

/** Every complex with its unit count, also those without units or complaints (the complex overview). */
export async function complexes(trx: Scoped) {
  const { rows } = await sql<{ key: string; label: string }>`
    select h.id::text as key, h.complex_number || ' ' || h.name as label from housing_complex h
    order by h.complex_number`.execute(trx);
  return rows;
}

/** One improvement action of the period as the report lists it. */
export type ReportAction = Readonly<{
  id: string;
  title: string;
  status: string;
  dueOn: string | null;
  createdOn: string;
  completedOn: string | null;
  linked: number;
}>;

/** Improvement actions relevant to the period: opened in it, or still open at its start. */
export async function improvementActions(trx: Scoped, scope: ReportScope) {
  const department =
    scope.departmentId === null
      ? sql<boolean>`true`
      : sql<boolean>`a.department_id = ${scope.departmentId}::uuid`;
  const { rows } = await sql<ReportAction>`
    select a.id, a.title, a.status, a.due_on::text as "dueOn",
           (a.created_at at time zone ${AMSTERDAM})::date::text as "createdOn",
           (a.completed_at at time zone ${AMSTERDAM})::date::text as "completedOn",
           (select count(*)::int from improvement_action_complaint l where l.improvement_action_id = a.id) as linked
    from improvement_action a
    where ${department}
      and a.created_at < ${startOf(scope.period.until)}
      and (a.created_at >= ${startOf(scope.period.from)}
           or a.completed_at is null or a.completed_at >= ${startOf(scope.period.from)})
    order by a.created_at, a.title`.execute(trx);
  return rows;
}

export async function organizationName(trx: Scoped): Promise<string> {
  const { rows } = await sql<{ name: string }>`
    select name from organization where id = current_organization_id()`.execute(trx);
  return rows[0]?.name ?? '';
}

export async function departmentName(trx: Scoped, id: string): Promise<string | null> {
  const { rows } = await sql<{ name: string }>`select name from department where id = ${id}::uuid`.execute(
    trx,
  );
  return rows[0]?.name ?? null;
}
