import { type Kysely, sql } from 'kysely';

/**
 * Issue 26 (decision 052): adjustments are also recorded at intake and by the complainant on the public
 * portal. `recorded_by` names a staff member and cannot say "the complainant, through the portal"; a null
 * there also means a staff member who was removed. `recorded_via` says through what each was recorded:
 * a staff member (`staff`, who is in `recorded_by`), the complainant on the portal (`portal`), or an
 * integration with an API token (`api`). Existing rows were all recorded by staff on the case page.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table complainant_adjustment
      add column recorded_via text not null default 'staff'
        check (recorded_via in ('staff', 'portal', 'api'))
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table complainant_adjustment drop column recorded_via`.execute(db);
}
