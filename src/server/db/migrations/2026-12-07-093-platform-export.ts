import { type Kysely, sql } from 'kysely';

// Frozen in time: this file never imports application code; names are spelled out here.
// Issue 25 (decision 047, amended): exports of a corporation started by the platform administrator through the
// API. The row holds status and progress only; the archive (encrypted to the corporation's key) lives in blob
// storage under `storage_key` and is removed with the row after some days. Platform role only, like 086's tables.
// And a suspended corporation's mail is held: the outbox claim passes over its pending messages (they stay pending,
// nothing is dropped) until it is resumed.

const claim = (held: boolean) => `
  create or replace function claim_outbox_message() returns table (id uuid, organization_id uuid)
  language sql volatile security definer set search_path = public, pg_temp
  as $$
    select m.id, m.organization_id from outbox_message m
    where m.status = 'pending' and m.next_attempt_at <= now()${
      held
        ? `
      and not exists (select 1 from organization o where o.id = m.organization_id and o.suspended_at is not null)`
        : ''
    }
    order by m.next_attempt_at, m.created_at
    limit 1
    for update of m skip locked
  $$`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table platform_export (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organization (id),
      requested_by uuid references platform_admin (id),
      status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
      tables_done integer not null default 0,
      tables_total integer not null default 0,
      rows_done bigint not null default 0,
      files_done integer not null default 0,
      size_bytes bigint,
      storage_key text unique check (length(storage_key) between 1 and 500),
      public_key text not null,
      error text,
      created_at timestamptz not null default now(),
      finished_at timestamptz
    )
  `.execute(db);
  await sql`create index platform_export_created on platform_export (created_at)`.execute(db);
  await sql`create index platform_export_organization on platform_export (organization_id, created_at desc)`.execute(
    db,
  );
  // 001's default privileges granted it to gehoord_app; it is the platform role's only.
  await sql`revoke all on platform_export from gehoord_app`.execute(db);
  await sql`alter table platform_export enable row level security`.execute(db);
  await sql`create policy platform_export_platform on platform_export to gehoord_platform using (true) with check (true)`.execute(
    db,
  );
  await sql`grant select, insert, update, delete on platform_export to gehoord_platform`.execute(db);
  await sql.raw(claim(true)).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(claim(false)).execute(db);
  await sql`drop table platform_export`.execute(db);
}
