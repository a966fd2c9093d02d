import { type Kysely, sql } from 'kysely';

// Frozen in time: communications. Admin-edited message templates, inbound mail bookkeeping (one row per
// processed e-mail, the original kept) and the worker's cross-organisation claim on the outbox.

async function isolate(db: Kysely<unknown>, table: string, grants = 'select, insert, update, delete') {
  await sql.raw(`alter table ${table} enable row level security`).execute(db);
  await sql
    .raw(
      `create policy ${table}_isolation on ${table}
       using (organization_id = current_organization_id())
       with check (organization_id = current_organization_id())`,
    )
    .execute(db);
  await sql.raw(`grant ${grants} on ${table} to gehoord_app`).execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table message_template (
      organization_id uuid not null references organization (id) on delete cascade,
      kind text not null check (kind ~ '^[a-z_]{2,60}$'),
      locale text not null check (locale in ('nl', 'en')),
      subject text not null check (length(subject) between 1 and 500),
      body text not null check (length(body) between 1 and 20000),
      updated_at timestamptz not null default now(),
      updated_by uuid references staff_user (id),
      primary key (organization_id, kind, locale)
    )
  `.execute(db);
  await isolate(db, 'message_template');

  await sql`
    create table inbound_mail (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organization (id) on delete cascade,
      mailbox text not null,
      uid_validity bigint not null,
      uid bigint not null,
      message_id text not null check (length(message_id) between 1 and 998),
      outcome text not null check (outcome in ('complaint', 'reply', 'auto_reply', 'bounce')),
      complaint_id uuid references complaint (id),
      from_address text,
      subject text,
      attachment_names text[] not null default '{}',
      raw bytea not null,
      processed_at timestamptz not null default now(),
      unique (organization_id, message_id),
      unique (organization_id, mailbox, uid_validity, uid)
    )
  `.execute(db);
  await sql`create index inbound_mail_complaint on inbound_mail (complaint_id)`.execute(db);
  await isolate(db, 'inbound_mail', 'select, insert');

  await sql`alter table outbox_message add column in_reply_to text`.execute(db);

  // The complaints mailbox registers e-mails itself, as the public portal does web submissions
  await sql`alter table complaint drop constraint complaint_check`.execute(db);
  await sql`
    alter table complaint add constraint complaint_registered_by_someone
    check (registered_by is not null or registered_by_token is not null or channel in ('web', 'email'))
  `.execute(db);

  // Outbox rows span organisations, the app role sees one at a time. This hands the worker only the id and
  // organisation of the next due row, locked for the caller's transaction (SKIP LOCKED: workers never block
  // each other); the content is then read under row-level security with that organisation set.
  await sql`
    create function claim_outbox_message() returns table (id uuid, organization_id uuid)
    language sql volatile security definer set search_path = public, pg_temp
    as $$
      select m.id, m.organization_id from outbox_message m
      where m.status = 'pending' and m.next_attempt_at <= now()
      order by m.next_attempt_at, m.created_at
      limit 1
      for update skip locked
    $$
  `.execute(db);
  await sql`revoke all on function claim_outbox_message() from public`.execute(db);
  await sql`grant execute on function claim_outbox_message() to gehoord_app`.execute(db);

  await sql`
    create function find_organization_by_slug(wanted text) returns uuid
    language sql stable security definer set search_path = public, pg_temp
    as $$ select id from organization where slug = wanted $$
  `.execute(db);
  await sql`revoke all on function find_organization_by_slug(text) from public`.execute(db);
  await sql`grant execute on function find_organization_by_slug(text) to gehoord_app`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function find_organization_by_slug(text)`.execute(db);
  await sql`drop function claim_outbox_message()`.execute(db);
  await sql`alter table complaint drop constraint complaint_registered_by_someone`.execute(db);
  await sql`
    alter table complaint add constraint complaint_check
    check (registered_by is not null or registered_by_token is not null or channel = 'web')
  `.execute(db);
  await sql`alter table outbox_message drop column in_reply_to`.execute(db);
  await sql`drop table inbound_mail`.execute(db);
  await sql`drop table message_template`.execute(db);
}
