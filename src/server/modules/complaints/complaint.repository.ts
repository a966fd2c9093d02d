import { type Insertable, type RawBuilder, type Selectable, sql } from 'kysely';
import type { ContactKind, ContactRecord, TimelineEventType } from '../../../domain/index.ts';
import { serverNow } from '../../clock.ts';
import { executeKept } from '../../db/kept-statements.ts';
import type {
  ComplaintTable,
  ContractorTable,
  DepartmentTable,
  HousingComplexTable,
  PersonTable,
  RepresentativeTable,
  StaffUserTable,
  UnitTable,
} from '../../db/schema.ts';
import type { Scoped } from '../../db/tenant-scope.ts';
import { subjectEmployeeDepartment } from './complaint-query.repository.ts';
import { APPROVAL_EVENT_TYPES } from './mappers/approval-history.mapper.ts';

/** The complaint with what the permission check needs besides: the department of the employee it is about. */
export type ComplaintRow = Selectable<ComplaintTable> & { subject_employee_department_id: string | null };

/** Next number of the organisation's per-year sequence (K-2026-00042); the row lock serialises registrations. */
/** The next number of the organisation in scope for `year` (migration 052: a sequence, so nothing waits). */
export async function nextReferenceNumber(trx: Scoped, year: number): Promise<number> {
  const result = await sql<{ n: number }>`select next_complaint_number(${year}) as n`.execute(trx);
  const n = result.rows[0]?.n;
  if (n === undefined) throw new Error('no reference number');
  return n;
}

/**
 * `K-YYYY-NNNNN` in SQL, as `formatReference` writes it: at least five digits, more past 99,999 (`lpad` alone
 * would cut the number short).
 */
export function referenceOf(year: RawBuilder<number> | number, number: RawBuilder<number>) {
  return sql<string>`'K-' || ${year}::int || '-' || case when ${number} >= 100000 then (${number})::text else lpad((${number})::text, 5, '0') end`;
}

/**
 * Inserts a new complaint with the next reference number of `year` (the organisation's sequence, migration
 * 052) and returns the stored row: one round trip for number, insert and read-back. At registration nobody is
 * named as the subject yet, so the subject's department is null.
 */
export async function insertNewComplaint(
  trx: Scoped,
  year: number,
  values: Omit<Insertable<ComplaintTable>, 'reference'> & { subject_employee_id: null },
): Promise<ComplaintRow> {
  const number = sql<number>`n`;
  // Decision 055: kept (parsed and planned once per connection); it names its columns, so a migration that adds
  // one cannot break the kept plan of a server still running
  const [row] = await executeKept(
    trx,
    trx
      .insertInto('complaint')
      .values({
        ...values,
        reference: sql<string>`(select ${referenceOf(year, number)} from next_complaint_number(${year}) as n)`,
      })
      .returning(COMPLAINT_COLUMNS),
  );
  if (row === undefined) throw new Error('complaint not inserted');
  return { ...row, subject_employee_department_id: null };
}

/** Every column of `complaint`, named: what `returning *` gave, in a form a kept statement may return. */
const COMPLAINT_COLUMNS = [
  'id',
  'organization_id',
  'reference',
  'matter_id',
  'channel',
  'received_at',
  'registered_at',
  'registered_by',
  'registered_by_token',
  'complainant_id',
  'representative_id',
  'unit_id',
  'housing_complex_id',
  'department_id',
  'description',
  'desired_outcome',
  'status',
  'confidential',
  'criminal_suspicion',
  'criminal_offence',
  'board_track',
  'triage_outcome',
  'triage',
  'category',
  'subject_kind',
  'subject_employee_id',
  'subject_department_id',
  'subject_contractor_id',
  'concerned_department_id',
  'manager_takes_reason',
  'confidential_reason_code',
  'confidential_reason',
  'complainant_locale',
  'handler_id',
  'responsible_manager_id',
  'management_assistant_ids',
  'term_start_day',
  'original_due_at',
  'due_at',
  'calendar_settings_version',
  'term_extensions',
  'repeat_of_id',
  'repeat_input',
  'repeat',
  'repeat_rung',
  'written_only_reason',
  'assessment',
  'outcome',
  'compensation_cents',
  'improvement_suggestions',
  'manager_approval',
  'legal_advice',
  'committee',
  'answer_text',
  'answer_recipients',
  'answered_at',
  'withdrawal',
  'closed_at',
  'merged_into_id',
  'merged_at',
  'has_answer_term',
  'explanation_prepared_at',
  'explanation_posted_on',
  'notes_text',
  'search_vector',
  'version',
  'created_at',
  'updated_at',
  'anonymised_at',
] as const satisfies readonly (keyof ComplaintTable)[];

// A column added to ComplaintTable and not to the list above fails the type check here
const everyComplaintColumn: Record<
  Exclude<keyof ComplaintTable, (typeof COMPLAINT_COLUMNS)[number]>,
  never
> = {};
void everyComplaintColumn;

export async function findComplaintRow(
  trx: Scoped,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ComplaintRow | undefined> {
  const query = trx
    .selectFrom('complaint')
    .selectAll('complaint')
    .select(subjectEmployeeDepartment('complaint').as('subject_employee_department_id'))
    .where('complaint.id', '=', id);
  return (options.forUpdate ? query.forUpdate('complaint') : query).executeTakeFirst();
}

/** Several complaints with what a visibility check needs (for references to complaints from elsewhere). */
export async function findComplaintRows(trx: Scoped, ids: readonly string[]): Promise<ComplaintRow[]> {
  if (ids.length === 0) return [];
  return trx
    .selectFrom('complaint')
    .selectAll('complaint')
    .select(subjectEmployeeDepartment('complaint').as('subject_employee_department_id'))
    .where('complaint.id', 'in', [...ids])
    .execute();
}

/** Writes the new state; the version check makes a stale write (lost update) impossible. */
export async function updateComplaint(
  trx: Scoped,
  id: string,
  expectedVersion: number,
  columns: Record<string, unknown>,
): Promise<number | null> {
  const row = await trx
    .updateTable('complaint')
    .set({ ...(columns as object), version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returning('version')
    .executeTakeFirst();
  return row?.version ?? null;
}

export async function appendNoteText(trx: Scoped, id: string, text: string) {
  await trx
    .updateTable('complaint')
    .set({ notes_text: sql`notes_text || ${`\n${text}`}` } as never)
    .where('id', '=', id)
    .execute();
}

type ContactEventRow = { contact_kind: string | null; payload: Record<string, unknown>; at: Date };

/** Contact moments as the domain counts them: when the contact happened, not when it was written down. */
export function contactsOf(events: ContactEventRow[]): ContactRecord[] {
  return events
    .filter((e) => e.contact_kind !== null)
    .map((e) => ({
      kind: e.contact_kind as ContactKind,
      at: typeof e.payload.contactAt === 'string' ? new Date(e.payload.contactAt) : e.at,
    }));
}

export async function listContacts(trx: Scoped, complaintId: string): Promise<ContactRecord[]> {
  const rows = await trx
    .selectFrom('complaint_event')
    .select(['contact_kind', 'payload', 'at'])
    .where('complaint_id', '=', complaintId)
    .where('contact_kind', 'is not', null)
    .orderBy('id')
    .execute();
  return contactsOf(rows);
}

export type NewEvent = {
  organizationId: string;
  complaintId: string;
  type: TimelineEventType;
  actorUserId: string | null;
  actorTokenId: string | null;
  contactKind?: ContactKind | null;
  contactDirection?: 'inbound' | 'outbound' | null;
  summary?: string | null;
  payload?: Record<string, unknown>;
};

const eventRow = (event: NewEvent) => ({
  organization_id: event.organizationId,
  complaint_id: event.complaintId,
  type: event.type,
  actor_user_id: event.actorUserId,
  actor_token_id: event.actorTokenId,
  contact_kind: event.contactKind ?? null,
  contact_direction: event.contactDirection ?? null,
  summary: event.summary ?? null,
  payload: JSON.stringify(event.payload ?? {}),
  // Timeline moments are business time: the server clock (decision 042), not the database's now()
  at: serverNow(),
});

export async function insertEvent(trx: Scoped, event: NewEvent) {
  await insertEvents(trx, [event]);
}

/** Several events of one step in one statement; ids follow the list's order, so the timeline keeps it. */
export async function insertEvents(trx: Scoped, events: NewEvent[]) {
  if (events.length === 0) return;
  const insert = trx.insertInto('complaint_event').values(events.map(eventRow));
  // Decision 055: one kept text per number of rows; steps write one to four, longer lists stay unnamed
  if (events.length <= 4) await executeKept(trx, insert);
  else await insert.execute();
}

export type TimelineRow = {
  id: number;
  type: string;
  at: Date;
  actor_user_id: string | null;
  actor_token_id: string | null;
  userName: string | null;
  tokenName: string | null;
  contact_kind: string | null;
  contact_direction: string | null;
  summary: string | null;
  payload: Record<string, unknown>;
};

/** The approval requests and decisions of one complaint, in order (see approval-history.mapper.ts). */
export async function listApprovalEvents(trx: Scoped, complaintId: string) {
  return trx
    .selectFrom('complaint_event')
    .select(['type', 'at', 'payload'])
    .where('complaint_id', '=', complaintId)
    .where('type', 'in', APPROVAL_EVENT_TYPES)
    .orderBy('id')
    .execute();
}

export type AccessLogEntry = {
  organizationId: string;
  complaintId: string;
  userId: string | null;
  tokenId: string | null;
  /** A read, or the registration itself (its 201 answer shows the detail it stored). */
  what: 'detail' | 'attachment' | 'change';
  /** Where the request came from (privacy issue 12). */
  origin?: { ip: string | null; userAgent: string | null } | undefined;
  detail?: Record<string, unknown>;
};

function accessLogRow(entry: AccessLogEntry) {
  return {
    organization_id: entry.organizationId,
    complaint_id: entry.complaintId,
    user_id: entry.userId,
    token_id: entry.tokenId,
    what: entry.what,
    ip: entry.origin?.ip?.slice(0, 100) ?? null,
    user_agent: entry.origin?.userAgent?.slice(0, 500) ?? null,
    detail: JSON.stringify(entry.detail ?? {}),
  };
}

export async function insertAccessLog(trx: Scoped, entry: AccessLogEntry) {
  await trx.insertInto('complaint_access_log').values(accessLogRow(entry)).execute();
}

export async function insertBoardNotification(trx: Scoped, organizationId: string, complaintId: string) {
  await trx
    .insertInto('board_notification')
    .values({
      organization_id: organizationId,
      complaint_id: complaintId,
      reason: 'suspected_criminal_offence',
    })
    .execute();
}

export async function findStaffMember(trx: Scoped, id: string) {
  return trx
    .selectFrom('staff_user as u')
    .leftJoin('department as d', 'd.id', 'u.department_id')
    .select([
      'u.id',
      'u.name',
      'u.department_id',
      'u.roles',
      'u.active',
      'd.manager_user_id as managerUserId',
    ])
    .where('u.id', '=', id)
    .executeTakeFirst();
}

export async function findDepartment(trx: Scoped, id: string) {
  return trx
    .selectFrom('department')
    .select(['id', 'name', 'manager_user_id', 'active'])
    .where('id', '=', id)
    .executeTakeFirst();
}

type RoutingDepartment = {
  id: string;
  name: string;
  managerUserId: string | null;
  staff: { id: string; departmentId: string | null; roles: string[]; active: boolean }[];
};

/**
 * What a route is decided on, in one round trip: the current handler, the intake department (policy 2.1) and
 * the departments a route may touch — those named, the handler's and the intake department — each with its
 * manager and its staff by name: the domain's `listDepartmentAssistantIds` picks the management assistants
 * from them (policy 2.3). Through `complaint_routing_context` (migration 084), whose plan PostgreSQL keeps per
 * connection: planned per request it cost four times its execution (issue 24).
 */
export async function findRoutingContext(
  trx: Scoped,
  handlerId: string | null,
  departmentIds: readonly (string | null)[],
) {
  const named = [...new Set(departmentIds.filter((id): id is string => id !== null))];
  const [row] = await executeKept(
    trx,
    sql<{
      handler: { id: string; active: boolean; departmentId: string | null } | null;
      intakeDepartmentId: string | null;
      departments: RoutingDepartment[];
    }>`select * from complaint_routing_context(${handlerId}::uuid, ${named}::uuid[])`,
  );
  if (row === undefined) throw new Error('no routing context');
  return row;
}

export async function findStaffNames(trx: Scoped, ids: readonly (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return [];
  return trx
    .selectFrom('staff_user')
    .select(['id', 'name', 'active', 'roles'])
    .where('id', 'in', wanted)
    .execute();
}

/** Active admins: who can fix a gap in the organisation's set-up (shown with a case's problems). */
export async function listActiveAdmins(trx: Scoped) {
  return trx
    .selectFrom('staff_user')
    .select(['id', 'name'])
    .where('active', '=', true)
    .where(sql<boolean>`'admin' = any(roles)`)
    .orderBy('name')
    .execute();
}

export async function findContractor(trx: Scoped, id: string) {
  return trx
    .selectFrom('contractor')
    .select(['id', 'name', 'responsible_department_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The person and the complex of their home (a person's unit always exists: foreign key, same organisation). */
export async function findPersonWithUnit(trx: Scoped, id: string) {
  const [row] = await executeKept(
    trx,
    trx
      .selectFrom('person as p')
      .leftJoin('unit as u', 'u.id', 'p.unit_id')
      .select(['p.id', 'p.unit_id', 'u.housing_complex_id'])
      .where('p.id', '=', id),
  );
  return row;
}

export async function findUnit(trx: Scoped, id: string) {
  return trx.selectFrom('unit').select(['id', 'housing_complex_id']).where('id', '=', id).executeTakeFirst();
}

/** How the timeline names a complex: id, number and name at the time of the change. */
export async function findHousingComplexLabel(trx: Scoped, id: string) {
  return trx
    .selectFrom('housing_complex')
    .select(['id', 'complex_number as complexNumber', 'name'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function housingComplexExists(trx: Scoped, id: string) {
  return Boolean(
    await trx.selectFrom('housing_complex').select('id').where('id', '=', id).executeTakeFirst(),
  );
}

export async function insertPerson(
  trx: Scoped,
  organizationId: string,
  person: {
    name: string;
    email: string | null;
    phone: string | null;
    postalAddress: string | null;
    relation: 'tenant' | 'prospective_tenant' | 'buyer' | 'other';
    unitId: string | null;
  },
) {
  const [row] = await executeKept(
    trx,
    trx
      .insertInto('person')
      .values({
        organization_id: organizationId,
        name: person.name,
        email: person.email,
        phone: person.phone,
        postal_address: person.postalAddress,
        relation: person.relation,
        unit_id: person.unitId,
      })
      .returning('id'),
  );
  if (row === undefined) throw new Error('person not inserted');
  return row.id;
}

export async function insertRepresentative(
  trx: Scoped,
  organizationId: string,
  representative: {
    name: string;
    email: string | null;
    phone: string | null;
    relation: string;
    consentNoted: boolean;
  },
) {
  const row = await trx
    .insertInto('representative')
    .values({
      organization_id: organizationId,
      name: representative.name,
      email: representative.email,
      phone: representative.phone,
      relation: representative.relation,
      consent_noted: representative.consentNoted,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Every complaint on one matter (the first complaint and its repeats), oldest first. */
export async function listMatter(trx: Scoped, matterId: string) {
  return trx
    .selectFrom('complaint')
    .select(['id', 'matter_id', 'received_at', 'repeat_input', 'committee'])
    .where('matter_id', '=', matterId)
    .orderBy('received_at')
    .orderBy('registered_at')
    .execute();
}

type Picked<T, K extends keyof Selectable<T>> = Pick<Selectable<T>, K>;

/** What `complaint_detail_relations` answers: one JSON column per relation. */
export type DetailRelations = {
  staff: Picked<StaffUserTable, 'id' | 'name' | 'active'>[];
  complainant: Picked<PersonTable, 'id' | 'name' | 'email' | 'phone' | 'relation'> | null;
  representative: Picked<
    RepresentativeTable,
    'id' | 'name' | 'relation' | 'email' | 'phone' | 'consent_noted'
  > | null;
  unit: Picked<
    UnitTable,
    'id' | 'street' | 'house_number' | 'house_number_addition' | 'postcode' | 'place'
  > | null;
  complex: Picked<HousingComplexTable, 'id' | 'name' | 'complex_number'> | null;
  departments: Picked<DepartmentTable, 'id' | 'name'>[];
  contractor: Picked<ContractorTable, 'id' | 'name'> | null;
  mergedInto: Picked<ComplaintTable, 'id' | 'reference'> | null;
  /** `received_at` comes as JSON text. */
  mergedFrom: (Picked<ComplaintTable, 'id' | 'reference'> & { received_at: string })[];
};

/**
 * The people, places and departments a detail names, in one round trip (one JSON column per relation), through
 * `complaint_detail_relations` (migration 084), whose plan PostgreSQL keeps per connection: planned per request
 * the nine subqueries cost 1.6 ms against 0.4 ms of execution (issue 24). With `accessLog`, the same statement
 * records the read in the access log (a data-modifying `WITH`, issue 24: one round trip less per detail; same
 * transaction, same row as `insertAccessLog`).
 */
export async function loadDetailRelations(
  trx: Scoped,
  row: ComplaintRow,
  accessLog?: AccessLogEntry,
): Promise<{ relations: DetailRelations; timeline: TimelineRow[] }> {
  const staffIds = [
    row.registered_by,
    row.handler_id,
    row.responsible_manager_id,
    row.subject_employee_id,
    ...row.management_assistant_ids,
  ];
  // policy 2.5: the board members who decided on the board's track are named beside their decisions
  const track = row.board_track as { decisions?: { approval: { byUserId: string } }[] } | null;
  for (const decision of track?.decisions ?? []) staffIds.push(decision.approval.byUserId);
  // policy 2.6: the employee whose late, missing or poor answer caused a repeat is named beside it
  const repeat = row.repeat_input as { employeeId?: string } | null;
  if (typeof repeat?.employeeId === 'string') staffIds.push(repeat.employeeId);
  // policy 2.6: the manager put in charge of the repeat gives its approvals and is named as the approver
  const classified = row.repeat as { managingManagerId?: string | null } | null;
  if (typeof classified?.managingManagerId === 'string') staffIds.push(classified.managingManagerId);
  const departmentIds = [row.department_id, row.subject_department_id, row.concerned_department_id];
  const present = (ids: (string | null)[]) => [...new Set(ids.filter((id): id is string => id !== null))];
  // Decision 055: the timeline travels in the same statement, as one JSON column in the order of
  // `complaint_timeline` (migration 078: every event in order, with who did it; it runs as the caller)
  const relations = sql<WithTimeline>`select r.*,
      (select coalesce(json_agg(t order by t.id), '[]'::json) from complaint_timeline(${row.id}::uuid) t) as timeline
    from complaint_detail_relations(
    ${row.id}::uuid, ${present(staffIds)}::uuid[], ${row.complainant_id}::uuid, ${row.representative_id}::uuid,
    ${row.unit_id}::uuid, ${row.housing_complex_id}::uuid, ${present(departmentIds)}::uuid[],
    ${row.subject_contractor_id}::uuid, ${row.merged_into_id}::uuid) r`;
  const access = accessLog ? accessLogRow(accessLog) : null;
  const [found] = await executeKept(
    trx,
    access === null
      ? relations
      : sql<WithTimeline>`with access_logged as (
        insert into complaint_access_log (organization_id, complaint_id, user_id, token_id, what, ip, user_agent, detail)
        values (${access.organization_id}, ${access.complaint_id}, ${access.user_id}, ${access.token_id},
                ${access.what}, ${access.ip}, ${access.user_agent}, ${access.detail})
      ) ${relations}`,
  );
  if (found === undefined) throw new Error('no detail relations');
  const { timeline, ...relationsFound } = found;
  // JSON carries the moment as text; everything else as a row would be (int8 as a number, jsonb as is)
  return {
    relations: relationsFound,
    timeline: timeline.map((event) => ({ ...event, at: new Date(event.at) })),
  };
}

type WithTimeline = DetailRelations & { timeline: (Omit<TimelineRow, 'at'> & { at: string })[] };
