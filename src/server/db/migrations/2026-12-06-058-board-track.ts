import { type Kysely, sql } from 'kysely';

/**
 * The board's track of a suspected criminal offence (policy 2.5): a new status 'with_board', the track itself as
 * jsonb exactly as the domain returns it (since when, where it came from, the stopped term, the explanation to
 * the complainant, the board's decisions), and per organisation the working days after which an undecided board
 * is reminded. Anonymisation scrubs the track's free text like the other jsonb columns (migration 030).
 */
const STATUSES = `'new','in_progress','answered','with_committee','closed','referred','declined_outside_procedure','withdrawn','with_board'`;
const STATUSES_BEFORE = `'new','in_progress','answered','with_committee','closed','referred','declined_outside_procedure','withdrawn'`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table complaint drop constraint complaint_status_check`.execute(db);
  await sql`
    alter table complaint
      add constraint complaint_status_check check (status in (${sql.raw(STATUSES)})),
      add column board_track jsonb
  `.execute(db);
  // Reports count the board's cases apart; the partial index holds only those few complaints
  await sql`create index complaint_board_track on complaint (organization_id) where board_track is not null`.execute(
    db,
  );

  // Anonymising a complaint (privacy_anonymise_complaint) scrubs the board's decision texts too
  await sql`
    create function complaint_scrub_board_track() returns trigger
    language plpgsql set search_path = public, pg_temp
    as $$
    begin
      new.board_track := privacy_scrub_json(new.board_track);
      return new;
    end;
    $$
  `.execute(db);
  await sql`
    create trigger complaint_scrub_board_track before update on complaint
    for each row when (new.anonymised_at is not null and old.anonymised_at is null and new.board_track is not null)
    execute function complaint_scrub_board_track()
  `.execute(db);

  await sql`
    create table term_monitor_settings (
      organization_id uuid primary key references organization (id) on delete cascade,
      board_reminder_working_days integer not null default 2 check (board_reminder_working_days between 1 and 60),
      updated_at timestamptz not null default now(),
      updated_by uuid references staff_user (id)
    )
  `.execute(db);
  await sql`alter table term_monitor_settings enable row level security`.execute(db);
  await sql`
    create policy term_monitor_settings_isolation on term_monitor_settings
    using (organization_id = current_organization_id())
    with check (organization_id = current_organization_id())
  `.execute(db);
  await sql`grant select, insert, update on term_monitor_settings to gehoord_app`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table term_monitor_settings`.execute(db);
  await sql`drop trigger complaint_scrub_board_track on complaint`.execute(db);
  await sql`drop function complaint_scrub_board_track()`.execute(db);
  await sql`drop index complaint_board_track`.execute(db);
  // A complaint on the board's track goes back to where it came from before the status disappears
  await sql`
    update complaint set status = coalesce(board_track->>'returnTo', 'in_progress')
    where status = 'with_board'
  `.execute(db);
  await sql`alter table complaint drop constraint complaint_status_check, drop column board_track`.execute(
    db,
  );
  await sql`
    alter table complaint add constraint complaint_status_check check (status in (${sql.raw(STATUSES_BEFORE)}))
  `.execute(db);
}
