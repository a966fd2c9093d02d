import { type Kysely, sql } from 'kysely';

/**
 * Search through the indexes. Under row-level security PostgreSQL may not evaluate a caller's condition before
 * the policy's unless the operator is leakproof, and the full-text `@@` and `ILIKE` are not: so the search
 * indexes (migration 051) were only used for their organisation key, and every complaint, person and address of
 * the corporation was read and filtered (641 ms for "lekkage" on the national data set). This function runs as
 * the owner, outside row-level security, and scopes every table to the organisation in scope itself, so both
 * keys of each index apply. Callers cannot name another organisation; without one in scope it finds nothing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function search_complaint_ids(query text, pattern text, postcode_pattern text) returns setof uuid
    language sql stable security definer set search_path = public, pg_temp
    as $$
      select c.id from complaint c
       where c.organization_id = current_organization_id() and c.search_vector @@ websearch_to_tsquery('dutch', query)
      union
      select c.id from complaint c
       where c.organization_id = current_organization_id() and c.reference ilike pattern
      union
      select c.id from complaint c join person p on p.id = c.complainant_id
       where p.organization_id = current_organization_id() and c.organization_id = current_organization_id()
         and p.name ilike pattern
      union
      select c.id from complaint c join unit u on u.id = c.unit_id
       where u.organization_id = current_organization_id() and c.organization_id = current_organization_id()
         and (u.street ilike pattern or u.postcode like postcode_pattern)
      union
      select c.id from complaint c join housing_complex h on h.id = c.housing_complex_id
       where h.organization_id = current_organization_id() and c.organization_id = current_organization_id()
         and h.name ilike pattern
    $$
  `.execute(db);
  await sql`revoke all on function search_complaint_ids(text, text, text) from public`.execute(db);
  await sql`grant execute on function search_complaint_ids(text, text, text) to gehoord_app`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function search_complaint_ids(text, text, text)`.execute(db);
}
