import { type Kysely, sql } from 'kysely';

/**
 * Issue 24, decision 044: a search that cannot be answered from the queue's head looks its matches up one kind at
 * a time and takes the first page of each kind on its own (complainant, unit and housing complex through the
 * complaint's foreign-key indexes, with the ids from migration 076's scoped functions). Only the complaint's own
 * text and reference need the search indexes, whose `@@` and `ILIKE` are not leakproof under row-level security:
 * this function returns those ids alone, outside row-level security and scoped to the organisation in scope, as
 * migration 053's `search_complaint_ids` does for every kind.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function search_text_ids(query text, pattern text) returns setof uuid
    language sql stable security definer set search_path = public, pg_temp
    as $$
      select c.id from complaint c
       where c.organization_id = current_organization_id() and c.search_vector @@ websearch_to_tsquery('dutch', query)
      union
      select c.id from complaint c where c.organization_id = current_organization_id() and c.reference ilike pattern
    $$
  `.execute(db);
  await sql`revoke all on function search_text_ids(text, text) from public`.execute(db);
  await sql`grant execute on function search_text_ids(text, text) to gehoord_app`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function search_text_ids(text, text)`.execute(db);
}
