import { type Kysely, sql } from 'kysely';

/**
 * Issue 24: a common search word answers from the queue's index (decision 038). The work queue's query walks
 * `complaint_work_queue` (or the received index) and tests each complaint for the word itself, so a word found in
 * one complaint of three stops after the page. That test may not use the search indexes of person, unit and
 * housing complex under row-level security (their ILIKE is not leakproof, migration 053), so these functions
 * hand it the matching ids, computed outside row-level security and scoped to the organisation in scope, as
 * migration 053's function is. The capped variant of `search_complaint_ids` takes at most `per_kind` ids of each
 * kind of match: counts over it are exact below the cap and a lower bound above it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function search_person_ids(pattern text) returns setof uuid
    language sql stable security definer set search_path = public, pg_temp
    as $$
      select p.id from person p where p.organization_id = current_organization_id() and p.name ilike pattern
    $$
  `.execute(db);
  await sql`
    create function search_unit_ids(pattern text, postcode_pattern text) returns setof uuid
    language sql stable security definer set search_path = public, pg_temp
    as $$
      select u.id from unit u
       where u.organization_id = current_organization_id()
         and (u.street ilike pattern or u.postcode like postcode_pattern)
    $$
  `.execute(db);
  await sql`
    create function search_housing_complex_ids(pattern text) returns setof uuid
    language sql stable security definer set search_path = public, pg_temp
    as $$
      select h.id from housing_complex h where h.organization_id = current_organization_id() and h.name ilike pattern
    $$
  `.execute(db);
  await sql`
    create function search_complaint_ids(query text, pattern text, postcode_pattern text, per_kind integer)
    returns setof uuid
    language sql stable security definer set search_path = public, pg_temp
    as $$
      (select c.id from complaint c
        where c.organization_id = current_organization_id() and c.search_vector @@ websearch_to_tsquery('dutch', query)
        limit per_kind)
      union
      (select c.id from complaint c
        where c.organization_id = current_organization_id() and c.reference ilike pattern limit per_kind)
      union
      (select c.id from complaint c join person p on p.id = c.complainant_id
        where p.organization_id = current_organization_id() and c.organization_id = current_organization_id()
          and p.name ilike pattern limit per_kind)
      union
      (select c.id from complaint c join unit u on u.id = c.unit_id
        where u.organization_id = current_organization_id() and c.organization_id = current_organization_id()
          and (u.street ilike pattern or u.postcode like postcode_pattern) limit per_kind)
      union
      (select c.id from complaint c join housing_complex h on h.id = c.housing_complex_id
        where h.organization_id = current_organization_id() and c.organization_id = current_organization_id()
          and h.name ilike pattern limit per_kind)
    $$
  `.execute(db);
  for (const signature of [
    'search_person_ids(text)',
    'search_unit_ids(text, text)',
    'search_housing_complex_ids(text)',
    'search_complaint_ids(text, text, text, integer)',
  ]) {
    await sql.raw(`revoke all on function ${signature} from public`).execute(db);
    await sql.raw(`grant execute on function ${signature} to gehoord_app`).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function search_complaint_ids(text, text, text, integer)`.execute(db);
  await sql`drop function search_housing_complex_ids(text)`.execute(db);
  await sql`drop function search_unit_ids(text, text)`.execute(db);
  await sql`drop function search_person_ids(text)`.execute(db);
}
