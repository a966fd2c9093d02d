import { type Kysely, sql } from 'kysely';

/**
 * Issue 26 (decision 049): recurring themes per quarter.
 *
 * - `complaint_theme_run`: one row per organisation and quarter, written by the worker's `complaint-themes` job
 *   (the MT asks for a run by setting `requested_at`). `themes` holds the finder's result: names, top terms with
 *   weights, sizes, member complaint ids, department and complex counts — no complaint text. Which members a
 *   reader may see is decided when it is read (need-to-know), not here.
 * - `improvement_action.source_theme`: the theme an action was made from (quarter, key, name, size, terms), so
 *   later quarters' matching themes can show the action and the size before and after.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table complaint_theme_run (
      organization_id uuid not null references organization (id) on delete cascade,
      quarter text not null check (quarter ~ '^[0-9]{4}-Q[1-4]$'),
      requested_at timestamptz,
      requested_by uuid references staff_user (id) on delete set null,
      computed_at timestamptz,
      complaints integer check (complaints >= 0),
      left_out integer check (left_out >= 0),
      themes jsonb not null default '[]'::jsonb check (jsonb_typeof(themes) = 'array'),
      primary key (organization_id, quarter)
    )
  `.execute(db);
  await sql`create index complaint_theme_run_requested on complaint_theme_run (requested_at) where requested_at is not null`.execute(
    db,
  );
  await sql`alter table complaint_theme_run enable row level security`.execute(db);
  await sql`
    create policy complaint_theme_run_isolation on complaint_theme_run
    using (organization_id = current_organization_id())
    with check (organization_id = current_organization_id())
  `.execute(db);
  await sql`grant select, insert, update on complaint_theme_run to gehoord_app`.execute(db);
  await sql`
    alter table improvement_action add column source_theme jsonb
      check (source_theme is null or jsonb_typeof(source_theme) = 'object')
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table improvement_action drop column source_theme`.execute(db);
  await sql`drop table complaint_theme_run`.execute(db);
}
