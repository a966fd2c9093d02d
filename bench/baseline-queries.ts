// The essential SQL of the work queue, search and detail endpoints, copied from the complaints module
// (complaint-query.repository.ts listComplaints, complaint.repository.ts findComplaintRow and listTimeline).
// The baseline runs it as the owner with the organisation and visibility written out, in one round trip per
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

// As the app (applyFilters): one indexed lookup per kind of match, united. The app's row-level security adds
// `organization_id = current_organization_id()` to every table; the owner writes that filter out.
// As the app (listComplaints): the page of matching complaints first (ids from one indexed lookup per kind of
// match, united), then the names for that page. The owner writes out the organisation filter that the app's
// search function (migration 053) applies itself.
export const SEARCH_SQL = `select c.id, c.reference, c.status, c.channel, c.received_at, p.name as "complainantName",
    hc.name as "housingComplexName", c.category, c.handler_id, h.name as "handlerName", c.due_at, c.confidential,
    c.repeat_of_id
  from (select * from complaint c
    where c.organization_id = $1 and ${VISIBLE}
      and c.id in (
        select id from complaint where organization_id = $1 and search_vector @@ websearch_to_tsquery('dutch', $3)
        union select id from complaint where organization_id = $1 and reference ilike $4
        union select c2.id from complaint c2 join person p2 on p2.id = c2.complainant_id
          where c2.organization_id = $1 and p2.organization_id = $1 and p2.name ilike $4
        union select c2.id from complaint c2 join unit u2 on u2.id = c2.unit_id
          where c2.organization_id = $1 and u2.organization_id = $1 and (u2.street ilike $4 or u2.postcode like $5)
        union select c2.id from complaint c2 join housing_complex h2 on h2.id = c2.housing_complex_id
          where c2.organization_id = $1 and h2.organization_id = $1 and h2.name ilike $4)
    order by c.due_at asc, c.id asc limit 51) c
  left join person p on p.id = c.complainant_id
  left join housing_complex hc on hc.id = c.housing_complex_id
  left join staff_user h on h.id = c.handler_id
  order by c.due_at asc, c.id asc`;

/** What the app itself sends for a search (row-level security on, ids from migration 053's function). */
export const SEARCH_APP_SQL = `select c.id, c.reference, c.status, c.channel, c.received_at,
    p.name as "complainantName", hc.name as "housingComplexName", c.category, c.handler_id, h.name as "handlerName",
    c.due_at, c.confidential, c.repeat_of_id
  from (select * from complaint c
    where c.organization_id = $1 and ${VISIBLE} and c.id in (select search_complaint_ids($3, $4, $5))
    order by c.due_at asc, c.id asc limit 51) c
  left join person p on p.id = c.complainant_id
  left join housing_complex hc on hc.id = c.housing_complex_id
  left join staff_user h on h.id = c.handler_id
  order by c.due_at asc, c.id asc`;

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
export function searchParameters(q: string): [string, string, string] {
  const like = `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  return [q, like, `%${q.replace(/\s+/g, '').toUpperCase()}%`];
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
