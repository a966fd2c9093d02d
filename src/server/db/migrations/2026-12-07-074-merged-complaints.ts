import { type Kysely, sql } from 'kysely';

/**
 * Issue 22 (decision 035): a complaint received twice is merged into the other one. The duplicate gets the
 * new status 'merged' and points to the complaint that survives (`merged_into_id`, on the same organisation's
 * complaint table, so row-level security of `complaint` covers it); both keep their own timeline. A merged
 * complaint always points somewhere, never to itself. The status list is frozen here on purpose (migrations
 * never import app code).
 */
const STATUSES = `'new','in_progress','answered','with_committee','closed','referred','declined_outside_procedure','withdrawn','with_board','merged'`;
const STATUSES_BEFORE = `'new','in_progress','answered','with_committee','closed','referred','declined_outside_procedure','withdrawn','with_board'`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table complaint drop constraint complaint_status_check`.execute(db);
  await sql`
    alter table complaint
      add constraint complaint_status_check check (status in (${sql.raw(STATUSES)})),
      add column merged_into_id uuid references complaint (id),
      add column merged_at timestamptz,
      add constraint complaint_merged_points_elsewhere check (merged_into_id is distinct from id),
      add constraint complaint_merged_has_target check ((status = 'merged') = (merged_into_id is not null)),
      add constraint complaint_merged_at_with_target check ((merged_into_id is null) = (merged_at is null))
  `.execute(db);
  // The case page lists what was merged into a complaint; only merged complaints are in this index
  await sql`create index complaint_merged_into on complaint (merged_into_id) where merged_into_id is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index complaint_merged_into`.execute(db);
  await sql`
    alter table complaint
      drop constraint complaint_merged_at_with_target,
      drop constraint complaint_merged_has_target,
      drop constraint complaint_merged_points_elsewhere,
      drop column merged_at,
      drop column merged_into_id,
      drop constraint complaint_status_check
  `.execute(db);
  await sql`
    alter table complaint add constraint complaint_status_check check (status in (${sql.raw(STATUSES_BEFORE)}))
  `.execute(db);
}
