import { sql } from 'kysely';
import type { Scoped } from '../../../db/tenant-scope.ts';
import { AMSTERDAM, memberOf } from './measures.repository.ts';
import type { ReportScope } from './report-sets.ts';

// The satisfaction figures' rows (issue 26, docs/measures.md "Tevredenheid"): one per complaint of the set
// `answered` (so counted where the complaint was handled, as every report figure), with the groups it falls in.
// Issue 24 ("Run D regressions" in docs/performance.md): the report's period and its four-quarter trend are read
// in one statement, each row saying which of the two it belongs to, and the request is looked up in the small
// partial index of `satisfaction_requested` events (migration 099) instead of the whole event table.

export type SatisfactionRow = Readonly<{
  category: string | null;
  /** Null only on a trend-only row (see `n`). */
  channel: string | null;
  /** The handling department (department_id): where the complaint was handled. */
  department: string | null;
  departmentName: string | null;
  /** The handler's team: the department the handling employee belongs to. */
  team: string | null;
  teamName: string | null;
  /** The verdict of the assessment (gegrond / deels / ongegrond), null before one. */
  verdict: string | null;
  /** 'YYYY-Qn' of the answer, Amsterdam calendar. */
  quarter: string;
  requested: boolean;
  handling: number | null;
  outcome: number | null;
  toCommittee: boolean;
  /** The complaint is in the set `answered` of the scope asked for. */
  inScope: boolean;
  /** The complaint is in the set `answered` of the trend's scope (false without one). */
  inTrend: boolean;
  /**
   * How many complaints the row stands for: 1 for a row of the scope; a row only in the trend counts the trend's
   * complaints of one quarter with the same request, scores and committee (its groups are null), so a year of
   * complaints does not travel for four quarters' figures.
   */
  n: number;
}>;

/**
 * The rows of `scope`, and with `trend` also those of the trend's scope, in one pass: each row once, flagged
 * with the scope(s) it belongs to.
 */
export async function satisfactionRows(
  trx: Scoped,
  scope: ReportScope,
  trend: ReportScope | null = null,
): Promise<SatisfactionRow[]> {
  const inScope = memberOf('answered', scope);
  const inTrend = trend === null ? sql<boolean>`false` : memberOf('answered', trend);
  const where = trend === null ? inScope : sql<boolean>`(${inScope} or ${inTrend})`;
  const { rows } = await sql<SatisfactionRow>`
    with r as (
      select c.category, c.channel, c.department_id::text as department, d.name as "departmentName",
             h.department_id::text as team, t.name as "teamName",
             c.outcome as verdict,
             to_char(c.answered_at at time zone ${AMSTERDAM}, 'YYYY"-Q"Q') as quarter,
             exists (select 1 from complaint_event e
                     where e.complaint_id = c.id and e.type = 'satisfaction_requested') as requested,
             s.handling, s.outcome,
             c.committee is not null as "toCommittee",
             ${inScope} as "inScope", ${inTrend} as "inTrend"
      from complaint c
      left join complaint_satisfaction s on s.complaint_id = c.id
      left join staff_user h on h.id = c.handler_id
      left join department d on d.id = c.department_id
      left join department t on t.id = h.department_id
      where ${where}
    )
    select r.*, 1 as n from r where r."inScope"
    union all
    select null, null, null, null, null, null, null, r.quarter, r.requested, r.handling, r.outcome, r."toCommittee",
           false, true, count(*)::int
    from r where not r."inScope"
    group by r.quarter, r.requested, r.handling, r.outcome, r."toCommittee"`.execute(trx);
  return rows;
}
