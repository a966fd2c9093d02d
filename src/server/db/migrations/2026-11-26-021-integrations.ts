import { type Kysely, sql } from 'kysely';

// Frozen in time: integrations (policy 1.4 — the corporation's CRM must still know). A change feed of
// integration events, webhook endpoints, and durable per-endpoint deliveries.

async function isolate(db: Kysely<unknown>, table: string, grants: string) {
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
  // The feed is read in (transaction id, id) order and only below the oldest running transaction, so a
  // row that commits late can never appear behind a cursor that has already passed it.
  await sql`
    create table integration_event (
      id bigint generated always as identity primary key,
      organization_id uuid not null references organization (id) on delete cascade,
      event_id uuid not null unique default gen_random_uuid(),
      txid xid8 not null default pg_current_xact_id(),
      type text not null check (type ~ '^[a-z_]+\\.[a-z_]+$'),
      complaint_id uuid references complaint (id),
      payload jsonb not null,
      occurred_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`create index integration_event_feed on integration_event (organization_id, txid, id)`.execute(db);
  await isolate(db, 'integration_event', 'select, insert');
  await sql`grant usage on sequence integration_event_id_seq to gehoord_app`.execute(db);

  await sql`
    create table webhook_endpoint (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organization (id) on delete cascade,
      name text not null check (length(name) between 1 and 120),
      url text not null check (url ~ '^https?://' and length(url) <= 2000),
      secret text not null,
      event_types text[] not null check (cardinality(event_types) >= 1),
      -- server-side request forgery guard: private, loopback and link-local targets only when an admin says so
      allow_private_network boolean not null default false,
      active boolean not null default true,
      disabled_reason text,
      consecutive_failures integer not null default 0,
      created_by uuid references staff_user (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )
  `.execute(db);
  await isolate(db, 'webhook_endpoint', 'select, insert, update');

  await sql`
    create table webhook_delivery (
      id bigint generated always as identity primary key,
      organization_id uuid not null references organization (id) on delete cascade,
      endpoint_id uuid not null references webhook_endpoint (id),
      integration_event_id bigint not null references integration_event (id),
      complaint_id uuid references complaint (id),
      status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null default now(),
      last_status_code integer,
      last_error text,
      delivered_at timestamptz,
      created_at timestamptz not null default now(),
      unique (endpoint_id, integration_event_id)
    )
  `.execute(db);
  await sql`create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'pending'`.execute(
    db,
  );
  await sql`create index webhook_delivery_order on webhook_delivery (endpoint_id, complaint_id, id) where status <> 'delivered'`.execute(
    db,
  );
  await isolate(db, 'webhook_delivery', 'select, insert, update');
  await sql`grant usage on sequence webhook_delivery_id_seq to gehoord_app`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table webhook_delivery`.execute(db);
  await sql`drop table webhook_endpoint`.execute(db);
  await sql`drop table integration_event`.execute(db);
}
