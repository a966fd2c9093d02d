import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import type { DB } from '../src/server/db/schema.ts';
import { listComplaintsQuery } from '../src/server/modules/complaints/complaint-query.repository.ts';
import { searchTerms } from '../src/server/modules/complaints/complaint-search.repository.ts';

// The essential SQL of the work queue, search and detail endpoints, copied from the complaints module
// (complaint-query.repository.ts listComplaints, complaint.repository.ts findComplaintRow and the timeline of loadDetailRelations).
// Search is compiled from the app's own query builder (searchQuery). The rest runs as the owner with the organisation and visibility written out, in one round trip per
// query: no session lookup, no transaction, no role switch, no validation — the physical floor.

const LIST_COLUMNS = `c.id, c.reference, c.status, c.channel, c.received_at, p.name as "complainantName",
  hc.name as "housingComplexName", c.category, c.handler_id, h.name as "handlerName", c.due_at, c.confidential,
  c.repeat_of_id`;

const LIST_FROM = `from complaint c
  left join person p on p.id = c.complainant_id
  left join unit u on u.id = c.unit_id
  left join housing_complex hc on hc.id = c.housing_complex_id
  left join staff_user h on h.id = c.handler_id`;

/** The employee's view (canSeeComplaint): everything not confidential, plus what they handle themselves. */
const VISIBLE = '(not c.confidential or c.handler_id = $2)';

export const WORK_QUEUE_SQL = `select ${LIST_COLUMNS} ${LIST_FROM}
  where c.organization_id = $1 and ${VISIBLE}
  order by c.due_at asc, c.id asc limit 51`;

/**
 * Search: the app's own statement (complaint-query.repository.ts listComplaintsQuery, decision 038), compiled
 * here for an ordinary employee without filters. It relies on row-level security and the search functions for
 * the organisation, so the baseline runs it on connections set to the application role and the organisation once
 * (no transaction, no session lookup per request).
 */
export function searchQuery(q: string, viewerId: string, now: Date): { sql: string; parameters: unknown[] } {
  const compiled = listComplaintsQuery(
    COMPILER,
    { q, now },
    { kind: 'staff', userId: viewerId, seesConfidential: false, isManager: false, managedDepartmentIds: [] },
    { sort: 'due', cursor: null, limit: 50 },
  ).compile();
  return { sql: compiled.sql, parameters: [...compiled.parameters] };
}

const COMPILER = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/** The body of search_complaint_ids (migration 053), to show its plan: it runs as the owner. */
export const SEARCH_IDS_SQL = `select c.id from complaint c
   where c.organization_id = current_organization_id() and c.search_vector @@ websearch_to_tsquery('dutch', $1)
  union select c.id from complaint c where c.organization_id = current_organization_id() and c.reference ilike $2
  union select c.id from complaint c join person p on p.id = c.complainant_id
   where p.organization_id = current_organization_id() and c.organization_id = current_organization_id() and p.name ilike $2
  union select c.id from complaint c join unit u on u.id = c.unit_id
   where u.organization_id = current_organization_id() and c.organization_id = current_organization_id()
     and (u.street ilike $2 or u.postcode like $3)
  union select c.id from complaint c join housing_complex h on h.id = c.housing_complex_id
   where h.organization_id = current_organization_id() and c.organization_id = current_organization_id() and h.name ilike $2`;

export const DETAIL_SQL = `select c.*, p.name as complainant_name, p.email as complainant_email, p.phone as complainant_phone,
    u.street, u.house_number, u.house_number_addition, u.postcode, u.place, hc.name as complex_name,
    hc.complex_number, d.name as department_name, h.name as handler_name, m.name as manager_name
  from complaint c
  left join person p on p.id = c.complainant_id
  left join unit u on u.id = c.unit_id
  left join housing_complex hc on hc.id = c.housing_complex_id
  left join department d on d.id = c.department_id
  left join staff_user h on h.id = c.handler_id
  left join staff_user m on m.id = c.responsible_manager_id
  where c.id = $1 and c.organization_id = $2 and ${VISIBLE.replace('$2', '$3')}`;

export const TIMELINE_SQL = `select e.id, e.type, e.at, e.actor_user_id, e.actor_token_id, u.name as "userName",
    t.name as "tokenName", e.contact_kind, e.contact_direction, e.summary, e.payload
  from complaint_event e
  left join staff_user u on u.id = e.actor_user_id
  left join api_token t on t.id = e.actor_token_id
  where e.complaint_id = $1 order by e.id`;

/** The same LIKE patterns the app builds from `q`. */
export function searchParameters(q: string): [string, string, string | null] {
  const t = searchTerms(q);
  return [t.query, t.like, t.postcode];
}

// The public status page (portal.repository.ts: loadPortalSettings, findComplaintByStatusToken,
// loadStatusParts), with the organisation written out.

export const PORTAL_SETTINGS_SQL = `select s.*, o.name as organization_name, o.hostnames
  from portal_settings s join organization o on o.id = s.organization_id where s.organization_id = $1`;

export const STATUS_LINK_SQL = `select l.id as link_id, l.expires_at, l.revoked_at, c.id, c.organization_id, c.reference,
    c.status, c.received_at, c.due_at, c.description, c.desired_outcome, c.answer_text, c.answered_at, c.closed_at
  from complaint_status_link l join complaint c on c.id = l.complaint_id
  where l.token_hash = $1 and l.organization_id = $2`;

export const STATUS_EVENTS_SQL = `select id, type, at, summary, payload from complaint_event
  where complaint_id = $1 and type = any($2::text[]) order by id`;

export const STATUS_SATISFACTION_SQL = `select handling, outcome, comment, created_at from complaint_satisfaction
  where complaint_id = $1`;

export const STATUS_ACKNOWLEDGEMENT_SQL = `select id from outbox_message
  where complaint_id = $1 and kind = 'acknowledgement' limit 1`;
