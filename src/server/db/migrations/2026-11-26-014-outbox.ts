import { type Kysely, sql } from 'kysely';

// Frozen in time: the transactional outbox. A message row is written in the same transaction as the case
// change that causes it; a worker delivers it (SMTP or the local mailbox) with retries, exactly once.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table outbox_message (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organization (id) on delete cascade,
      complaint_id uuid references complaint (id),
      kind text not null check (kind ~ '^[a-z_]{2,60}$'),
      recipient_to text[] not null check (cardinality(recipient_to) >= 1),
      recipient_cc text[] not null default '{}',
      subject text not null check (length(subject) between 1 and 500),
      body_text text not null,
      body_html text,
      status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null default now(),
      last_error text,
      provider_message_id text,
      created_at timestamptz not null default now(),
      sent_at timestamptz
    )
  `.execute(db);
  await sql`create index outbox_message_due on outbox_message (next_attempt_at) where status = 'pending'`.execute(
    db,
  );
  await sql`create index outbox_message_complaint on outbox_message (complaint_id)`.execute(db);
  await sql`alter table outbox_message enable row level security`.execute(db);
  await sql`
    create policy outbox_message_isolation on outbox_message
    using (organization_id = current_organization_id())
    with check (organization_id = current_organization_id())
  `.execute(db);
  await sql`grant select, insert, update on outbox_message to gehoord_app`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table outbox_message`.execute(db);
}
