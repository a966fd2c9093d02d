import { type Kysely, sql } from 'kysely';

/**
 * Search within one organisation, not across all of them. With every corporation on one database, a common
 * word ("lekkage") or name ("de Vries") matches tens of thousands of rows of other organisations in a
 * single-column GIN index, all fetched and then thrown away by row-level security. btree_gin lets the
 * organisation be the first key of the same GIN index, so the index answers for one organisation only.
 */
const REPLACED = [
  [
    'complaint_search',
    'complaint_search_org',
    'complaint',
    'organization_id, search_vector',
    'search_vector',
  ],
  [
    'complaint_reference_trgm',
    'complaint_reference_org_trgm',
    'complaint',
    'organization_id, reference gin_trgm_ops',
    'reference gin_trgm_ops',
  ],
  [
    'person_name_trgm',
    'person_name_org_trgm',
    'person',
    'organization_id, name gin_trgm_ops',
    'name gin_trgm_ops',
  ],
  [
    'unit_street_trgm',
    'unit_street_org_trgm',
    'unit',
    'organization_id, street gin_trgm_ops',
    'street gin_trgm_ops',
  ],
  [
    'unit_postcode_trgm',
    'unit_postcode_org_trgm',
    'unit',
    'organization_id, postcode gin_trgm_ops',
    'postcode gin_trgm_ops',
  ],
  [
    'housing_complex_name_trgm',
    'housing_complex_name_org_trgm',
    'housing_complex',
    'organization_id, name gin_trgm_ops',
    'name gin_trgm_ops',
  ],
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists btree_gin`.execute(db);
  for (const [old, index, table, columns] of REPLACED) {
    await sql.raw(`create index ${index} on ${table} using gin (${columns})`).execute(db);
    await sql.raw(`drop index ${old}`).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [old, index, table, , columns] of REPLACED) {
    await sql.raw(`create index ${old} on ${table} using gin (${columns})`).execute(db);
    await sql.raw(`drop index ${index}`).execute(db);
  }
}
