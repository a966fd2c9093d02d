import { sql } from 'kysely';
import type { Scoped } from '../../../db/tenant-scope.ts';
import { AMSTERDAM, memberOf } from './measures.repository.ts';
import type { ReportScope } from './report-sets.ts';

// The satisfaction figures' rows (issue 26, docs/measures.md "Tevredenheid"): one per complaint of the set
// `answered` (so counted where the complaint was handled, as every report figure), with the groups it falls in.

export type SatisfactionRow = Readonly<{
  category: string | null;
  channel: string;
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
}>;

export async function satisfactionRows(trx: Scoped, scope: ReportScope): Promise<SatisfactionRow[]> {
  const { rows } = await sql<SatisfactionRow>`
    select c.category, c.channel, c.department_id::text as department,
           (select d.name from department d where d.id = c.department_id) as "departmentName",
           h.department_id::text as team,
           (select d.name from department d where d.id = h.department_id) as "teamName",
           c.outcome as verdict,
           to_char(c.answered_at at time zone ${AMSTERDAM}, 'YYYY"-Q"Q') as quarter,
           exists (select 1 from complaint_event e
                   where e.complaint_id = c.id and e.type = 'satisfaction_requested') as requested,
           s.handling, s.outcome,
           c.committee is not null as "toCommittee"
    from complaint c
    left join complaint_satisfaction s on s.complaint_id = c.id
    left join staff_user h on h.id = c.handler_id
    where ${memberOf('answered', scope)}`.execute(trx);
  return rows;
}
