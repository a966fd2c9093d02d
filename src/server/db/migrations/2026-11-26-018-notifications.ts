import { type Kysely, sql } from 'kysely';

// Frozen in time: in-app notifications (reminders, escalations, the board's fast lane) and the daily digest.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table notification (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organization (id) on delete cascade,
      user_id uuid not null references staff_user (id),
      complaint_id uuid references complaint (id),
      kind text not null check (kind ~ '^[a-z_]{2,60}$'),
      -- the same reminder for the same person on the same working day exists once, however often the monitor runs
      dedupe_key text not null check (length(dedupe_key) between 1 and 300),
      created_at timestamptz not null default now(),
      read_at timestamptz,
      digested_at timestamptz,
      unique (user_id, dedupe_key)
    )
  `.execute(db);
  await sql`create index notification_inbox on notification (user_id, created_at desc)`.execute(db);
  await sql`create index notification_undigested on notification (organization_id, user_id) where digested_at is null`.execute(
    db,
  );

  await sql`
    create table notification_digest (
      organization_id uuid not null references organization (id) on delete cascade,
      user_id uuid not null references staff_user (id),
      day date not null,
      outbox_message_id uuid references outbox_message (id),
      notification_count integer not null,
      created_at timestamptz not null default now(),
      primary key (user_id, day)
    )
  `.execute(db);

  // policy 2.5: when the board was told (the fast lane's bookkeeping)
  await sql`alter table board_notification add column notified_at timestamptz`.execute(db);

  for (const table of ['notification', 'notification_digest']) {
    await sql.raw(`alter table ${table} enable row level security`).execute(db);
    await sql
      .raw(
        `create policy ${table}_isolation on ${table}
         using (organization_id = current_organization_id())
         with check (organization_id = current_organization_id())`,
      )
      .execute(db);
  }
  await sql`grant select, insert, update on notification to gehoord_app`.execute(db);
  await sql`grant select on notification_digest to gehoord_app`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table board_notification drop column notified_at`.execute(db);
  await sql`drop table notification_digest`.execute(db);
  await sql`drop table notification`.execute(db);
}
