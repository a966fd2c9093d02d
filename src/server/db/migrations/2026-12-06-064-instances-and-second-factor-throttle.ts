import { type Kysely, sql } from 'kysely';

/**
 * Issue 20.
 * - `app_instance`: every running server registers here and keeps a heartbeat, so a second server on the same
 *   database is noticed at start-up while attachments live on one machine's disk (STORAGE_DRIVER=local).
 *   Installation-wide (not per organisation), so no row-level security; the application role manages it.
 * - `staff_user.second_factor_failed_count` / `second_factor_locked_until`: wrong two-step codes counted per
 *   account (not per session or address), and the time until which the account's code step is refused.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table app_instance (
      id uuid primary key,
      host text not null,
      pid integer not null,
      storage_driver text not null check (storage_driver in ('local', 's3')),
      started_at timestamptz not null default now(),
      heartbeat_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`grant select, insert, update, delete on app_instance to gehoord_app`.execute(db);
  await sql`
    alter table staff_user
      add column second_factor_failed_count integer not null default 0
        check (second_factor_failed_count >= 0),
      add column second_factor_locked_until timestamptz
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table staff_user
      drop column second_factor_locked_until,
      drop column second_factor_failed_count
  `.execute(db);
  await sql`drop table app_instance`.execute(db);
}
