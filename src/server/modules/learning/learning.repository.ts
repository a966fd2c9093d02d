import { sql } from 'kysely';
import type { Scoped } from '../../db/tenant-scope.ts';

// All SQL of the MT review and improvement actions; runs inside inOrganization (row-level security).

const AMSTERDAM = 'Europe/Amsterdam';
/** A local date as the instant its day starts in Amsterdam. */
const startOf = (day: string) => sql`(${day}::date)::timestamp at time zone ${AMSTERDAM}`;

/** Timeline events that put something on the MT's list and have not become an item yet (policy 2.4, 3.1). */
export async function findUnlistedIssueEvents(trx: Scoped) {
  return trx
    .selectFrom('complaint_event as e')
    .innerJoin('complaint as c', 'c.id', 'e.complaint_id')
    .leftJoin('policy_issue as p', 'p.source_event_id', 'e.id')
    .select([
      'e.id as eventId',
      'e.type',
      'e.payload',
      'e.summary',
      'e.actor_user_id',
      'c.id as complaintId',
      'c.reference',
      'c.description',
      'c.responsible_manager_id',
      'c.improvement_suggestions',
    ])
    .where('p.id', 'is', null)
    .where((eb) =>
      eb.or([
        eb('e.type', '=', 'put_on_management_team_agenda'),
        eb.and([
          eb('e.type', '=', 'approval_given'),
          sql<boolean>`e.payload->>'subject' = 'manager_decision'`,
        ]),
        eb.and([
          eb('e.type', '=', 'assessment_recorded'),
          sql<boolean>`(e.payload->>'improvementSuggestions')::boolean`,
        ]),
      ]),
    )
    .orderBy('e.id')
    .execute();
}

export async function complaintHasIssueOfSource(trx: Scoped, complaintId: string, source: string) {
  const row = await trx
    .selectFrom('policy_issue_complaint as pc')
    .innerJoin('policy_issue as p', 'p.id', 'pc.policy_issue_id')
    .select('p.id')
    .where('pc.complaint_id', '=', complaintId)
    .where('p.source', '=', source as never)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertIssue(
  trx: Scoped,
  issue: {
    organizationId: string;
    source: 'policy_wrong' | 'policy_missing' | 'exception' | 'improvement_suggestion' | 'proposed';
    title: string;
    description: string | null;
    raisedBy: string | null;
    sourceEventId: number | null;
    complaintIds: string[];
  },
) {
  const row = await trx
    .insertInto('policy_issue')
    .values({
      organization_id: issue.organizationId,
      source: issue.source,
      title: issue.title,
      description: issue.description,
      raised_by: issue.raisedBy,
      source_event_id: issue.sourceEventId,
    })
    .onConflict((oc) => oc.column('source_event_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (row === undefined) return null;
  if (issue.complaintIds.length > 0) {
    await trx
      .insertInto('policy_issue_complaint')
      .values(
        issue.complaintIds.map((complaintId) => ({
          organization_id: issue.organizationId,
          policy_issue_id: row.id,
          complaint_id: complaintId,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  return row.id;
}

export async function listIssues(trx: Scoped, filter: { status?: string; ids?: string[]; source?: string }) {
  let query = trx
    .selectFrom('policy_issue as p')
    .leftJoin('staff_user as u', 'u.id', 'p.raised_by')
    .select([
      'p.id',
      'p.source',
      'p.title',
      'p.description',
      'p.raised_by',
      'u.name as raisedByName',
      'p.status',
      'p.merged_into_id',
      'p.created_at',
      sql<{ id: string; reference: string }[]>`coalesce((
        select json_agg(json_build_object('id', c.id, 'reference', c.reference) order by c.reference)
        from policy_issue_complaint pc join complaint c on c.id = pc.complaint_id
        where pc.policy_issue_id = p.id), '[]'::json)`.as('complaints'),
    ]);
  if (filter.status) query = query.where('p.status', '=', filter.status as never);
  if (filter.source) query = query.where('p.source', '=', filter.source as never);
  if (filter.ids)
    query = query.where(
      'p.id',
      'in',
      filter.ids.length > 0 ? filter.ids : ['00000000-0000-0000-0000-000000000000'],
    );
  return query.orderBy('p.created_at').execute();
}

export async function setIssueStatus(
  trx: Scoped,
  ids: string[],
  status: 'open' | 'decided' | 'merged',
  mergedIntoId: string | null = null,
) {
  if (ids.length === 0) return;
  await trx
    .updateTable('policy_issue')
    .set({ status, merged_into_id: mergedIntoId })
    .where('id', 'in', ids)
    .execute();
}

export async function moveIssueComplaints(
  trx: Scoped,
  fromIds: string[],
  intoId: string,
  organizationId: string,
) {
  await sql`
    insert into policy_issue_complaint (organization_id, policy_issue_id, complaint_id)
    select ${organizationId}, ${intoId}, complaint_id from policy_issue_complaint where policy_issue_id = any(${fromIds}::uuid[])
    on conflict do nothing`.execute(trx);
}

export async function issueComplaintIds(trx: Scoped, issueIds: string[]): Promise<string[]> {
  if (issueIds.length === 0) return [];
  const rows = await trx
    .selectFrom('policy_issue_complaint')
    .select('complaint_id')
    .distinct()
    .where('policy_issue_id', 'in', issueIds)
    .execute();
  return rows.map((r) => r.complaint_id);
}

export async function listRepeatComplaints(trx: Scoped, from: string, until: string) {
  return trx
    .selectFrom('complaint as c')
    .select(['c.id', 'c.reference', 'c.repeat_rung'])
    .where(sql<boolean>`c.received_at >= ${startOf(from)} and c.received_at < ${startOf(until)}`)
    .where('c.repeat_of_id', 'is not', null)
    .orderBy('c.received_at')
    .execute();
}

/** Complaints "of the same kind" per quarter: same category, complex or contractor (for an action's effect). */
export async function countComplaintsPerQuarter(
  trx: Scoped,
  scope: { category: string | null; housingComplexId: string | null; contractorId: string | null },
  from: string,
) {
  let query = trx
    .selectFrom('complaint as c')
    .select([
      sql<string>`to_char(c.received_at at time zone ${AMSTERDAM}, 'YYYY-"Q"Q')`.as('quarter'),
      sql<number>`count(*)::int`.as('n'),
    ])
    .where('c.received_at', '>=', sql<Date>`${startOf(from)}`);
  if (scope.category) query = query.where('c.category', '=', scope.category);
  if (scope.housingComplexId) query = query.where('c.housing_complex_id', '=', scope.housingComplexId);
  if (scope.contractorId) query = query.where('c.subject_contractor_id', '=', scope.contractorId);
  return query.groupBy(sql`1`).orderBy(sql`1`).execute();
}

// Improvement actions

export async function insertAction(
  trx: Scoped,
  action: {
    organizationId: string;
    title: string;
    description: string | null;
    ownerId: string | null;
    departmentId: string | null;
    dueOn: string | null;
    status: 'proposed' | 'agreed';
    scope: { category: string | null; housingComplexId: string | null; contractorId: string | null };
    createdBy: string;
    sourceTheme: object | null;
    complaintIds: string[];
    policyIssueIds: string[];
  },
) {
  const row = await trx
    .insertInto('improvement_action')
    .values({
      organization_id: action.organizationId,
      title: action.title,
      description: action.description,
      owner_id: action.ownerId,
      department_id: action.departmentId,
      due_on: action.dueOn,
      status: action.status,
      scope_category: action.scope.category,
      scope_housing_complex_id: action.scope.housingComplexId,
      scope_contractor_id: action.scope.contractorId,
      created_by: action.createdBy,
      source_theme: action.sourceTheme === null ? null : JSON.stringify(action.sourceTheme),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (action.complaintIds.length > 0) {
    await trx
      .insertInto('improvement_action_complaint')
      .values(
        action.complaintIds.map((complaintId) => ({
          organization_id: action.organizationId,
          improvement_action_id: row.id,
          complaint_id: complaintId,
        })),
      )
      .execute();
  }
  if (action.policyIssueIds.length > 0) {
    await trx
      .insertInto('improvement_action_issue')
      .values(
        action.policyIssueIds.map((policyIssueId) => ({
          organization_id: action.organizationId,
          improvement_action_id: row.id,
          policy_issue_id: policyIssueId,
        })),
      )
      .execute();
  }
  return row.id;
}

export async function listActions(
  trx: Scoped,
  filter: { status?: string; ownerId?: string; departmentId?: string; ids?: string[]; openOnly?: boolean },
) {
  let query = trx
    .selectFrom('improvement_action as a')
    .leftJoin('staff_user as o', 'o.id', 'a.owner_id')
    .leftJoin('department as d', 'd.id', 'a.department_id')
    .selectAll('a')
    .select([
      'o.name as ownerName',
      'd.name as departmentName',
      sql<{ id: string; reference: string }[]>`coalesce((
        select json_agg(json_build_object('id', c.id, 'reference', c.reference) order by c.reference)
        from improvement_action_complaint ac join complaint c on c.id = ac.complaint_id
        where ac.improvement_action_id = a.id), '[]'::json)`.as('complaints'),
      sql<string[]>`coalesce((select array_agg(ai.policy_issue_id) from improvement_action_issue ai
        where ai.improvement_action_id = a.id), '{}')`.as('policyIssueIds'),
    ]);
  if (filter.status) query = query.where('a.status', '=', filter.status as never);
  if (filter.ownerId) query = query.where('a.owner_id', '=', filter.ownerId);
  if (filter.departmentId) query = query.where('a.department_id', '=', filter.departmentId);
  if (filter.openOnly) query = query.where('a.status', 'not in', ['done', 'dropped']);
  if (filter.ids)
    query = query.where(
      'a.id',
      'in',
      filter.ids.length > 0 ? filter.ids : ['00000000-0000-0000-0000-000000000000'],
    );
  return query
    .orderBy('a.due_on', (ob) => ob.asc().nullsLast())
    .orderBy('a.created_at')
    .execute();
}

export async function findActionForUpdate(trx: Scoped, id: string) {
  return trx.selectFrom('improvement_action').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateAction(trx: Scoped, id: string, values: Record<string, unknown>) {
  await trx
    .updateTable('improvement_action')
    .set({ ...(values as object), updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function insertActionNote(
  trx: Scoped,
  note: {
    organizationId: string;
    actionId: string;
    authorId: string;
    kind: 'note' | 'status_change';
    text: string;
  },
) {
  await trx
    .insertInto('improvement_action_note')
    .values({
      organization_id: note.organizationId,
      improvement_action_id: note.actionId,
      author_id: note.authorId,
      kind: note.kind,
      text: note.text,
    })
    .execute();
}

export async function listActionNotes(trx: Scoped, actionId: string) {
  return trx
    .selectFrom('improvement_action_note as n')
    .innerJoin('staff_user as u', 'u.id', 'n.author_id')
    .select(['n.kind', 'n.text', 'u.name as author', 'n.created_at'])
    .where('n.improvement_action_id', '=', actionId)
    .orderBy('n.id')
    .execute();
}

// MT meetings

export async function insertMeeting(
  trx: Scoped,
  meeting: {
    organizationId: string;
    quarter: string;
    heldOn: string;
    attendeeIds: string[];
    otherAttendees: string | null;
    minutes: string;
    createdBy: string;
  },
) {
  const row = await trx
    .insertInto('mt_meeting')
    .values({
      organization_id: meeting.organizationId,
      quarter: meeting.quarter,
      held_on: meeting.heldOn,
      attendee_ids: meeting.attendeeIds,
      other_attendees: meeting.otherAttendees,
      minutes: meeting.minutes,
      created_by: meeting.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findMeeting(trx: Scoped, id: string, options: { forUpdate?: boolean } = {}) {
  const query = trx
    .selectFrom('mt_meeting as m')
    .leftJoin('staff_user as a', 'a.id', 'm.approved_by')
    .selectAll('m')
    .select('a.name as approvedByName')
    .where('m.id', '=', id);
  return (options.forUpdate ? query.forUpdate('m') : query).executeTakeFirst();
}

export async function listMeetings(trx: Scoped, quarter: string) {
  return trx
    .selectFrom('mt_meeting')
    .select(['id', 'held_on', 'status'])
    .where('quarter', '=', quarter)
    .orderBy('held_on')
    .execute();
}

export async function updateMeeting(trx: Scoped, id: string, values: Record<string, unknown>) {
  await trx
    .updateTable('mt_meeting')
    .set({ ...(values as object), updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function insertDecision(
  trx: Scoped,
  decision: {
    organizationId: string;
    meetingId: string;
    policyIssueId: string | null;
    subject: string;
    decision: 'adjust_policy' | 'new_action' | 'no_action';
    reason: string | null;
    improvementActionId: string | null;
    decidedBy: string;
  },
) {
  await trx
    .insertInto('mt_decision')
    .values({
      organization_id: decision.organizationId,
      meeting_id: decision.meetingId,
      policy_issue_id: decision.policyIssueId,
      subject: decision.subject,
      decision: decision.decision,
      reason: decision.reason,
      improvement_action_id: decision.improvementActionId,
      decided_by: decision.decidedBy,
    })
    .execute();
}

export async function listDecisions(trx: Scoped, meetingId: string) {
  return trx
    .selectFrom('mt_decision as d')
    .innerJoin('staff_user as u', 'u.id', 'd.decided_by')
    .select([
      'd.id',
      'd.policy_issue_id',
      'd.subject',
      'd.decision',
      'd.reason',
      'd.improvement_action_id',
      'u.name as decidedBy',
      'd.created_at',
    ])
    .where('d.meeting_id', '=', meetingId)
    .orderBy('d.created_at')
    .execute();
}

export async function staffNames(trx: Scoped, ids: string[]) {
  if (ids.length === 0) return [];
  return trx.selectFrom('staff_user').select(['id', 'name']).where('id', 'in', ids).execute();
}

/** Category, complex and contractor of the complaints that led to an improvement action (its derived scope). */
export async function findComplaintScopeFacts(trx: Scoped, complaintIds: string[]) {
  return trx
    .selectFrom('complaint')
    .select(['category', 'housing_complex_id', 'subject_contractor_id'])
    .where('id', 'in', complaintIds)
    .execute();
}
