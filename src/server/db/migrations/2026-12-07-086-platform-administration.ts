import { type Kysely, sql } from 'kysely';

// Frozen in time: this file never imports application code; names are spelled out here.
// Issue 25 (decision 047): the platform administrator, who onboards, suspends and exports corporations from outside
// every one of them. Platform work runs as the role gehoord_platform, which row-level security and grants keep out
// of complaint data: it may read and write organisations (not their staff or complaints), create a corporation's
// first setup link, and read numbers (no personal data) through one security-definer function.

const PLATFORM_TABLES = ['platform_admin', 'platform_session', 'platform_password_link', 'platform_audit'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    do $$ begin
      if not exists (select 1 from pg_roles where rolname = 'gehoord_platform') then
        create role gehoord_platform nologin;
      end if;
    end $$;
  `.execute(db);
  // The migrating role and the application login may switch to it for one transaction (set local role);
  // gehoord_app does not inherit its rights: only a transaction that switches has them.
  await sql`grant gehoord_platform to current_user`.execute(db);
  await sql`grant gehoord_platform to gehoord_app with inherit false, set true`.execute(db);
  await sql`grant usage on schema public to gehoord_platform`.execute(db);
  await sql`grant select on kysely_migration to gehoord_platform`.execute(db);

  await sql`
    alter table organization
      add column suspended_at timestamptz,
      add column locales text[] not null default '{nl}'
        check (cardinality(locales) between 1 and 2 and locales <@ array['nl','en']::text[])
  `.execute(db);
  await sql`grant select, insert, update on organization to gehoord_platform`.execute(db);
  await sql`create policy organization_platform on organization to gehoord_platform using (true) with check (true)`.execute(
    db,
  );
  // The first administrator's one-time setup link (hashes only) of a corporation the platform created.
  await sql`grant select, insert, delete on setup_token to gehoord_platform`.execute(db);
  await sql`create policy setup_token_platform on setup_token to gehoord_platform using (true) with check (true)`.execute(
    db,
  );

  await sql`
    create table platform_admin (
      id uuid primary key default gen_random_uuid(),
      email text not null unique check (email = lower(email) and length(email) between 3 and 254),
      password_hash text,
      created_at timestamptz not null default now(),
      last_login_at timestamptz
    )
  `.execute(db);
  await sql`
    create table platform_password_link (
      id uuid primary key default gen_random_uuid(),
      admin_id uuid not null references platform_admin (id) on delete cascade,
      token_hash text not null unique,
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`
    create table platform_session (
      id uuid primary key default gen_random_uuid(),
      admin_id uuid not null references platform_admin (id) on delete cascade,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null
    )
  `.execute(db);
  await sql`
    create table platform_audit (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      admin_id uuid references platform_admin (id),
      actor text not null check (length(actor) between 1 and 254),
      action text not null check (action ~ '^[a-z_]{3,60}$'),
      organization_id uuid references organization (id),
      details jsonb not null default '{}',
      ip text
    )
  `.execute(db);
  await sql`create index platform_audit_at on platform_audit (at desc)`.execute(db);
  for (const table of PLATFORM_TABLES) {
    // 001's default privileges granted these to gehoord_app; the platform's tables are the platform role's only.
    await sql.raw(`revoke all on ${table} from gehoord_app`).execute(db);
    await sql.raw(`alter table ${table} enable row level security`).execute(db);
    await sql
      .raw(`create policy ${table}_platform on ${table} to gehoord_platform using (true) with check (true)`)
      .execute(db);
  }
  await sql`grant select, insert, update, delete on platform_admin, platform_password_link, platform_session to gehoord_platform`.execute(
    db,
  );
  // Append-only: the audit log is written and read, never changed.
  await sql`grant select, insert on platform_audit to gehoord_platform`.execute(db);

  // Figures per corporation without personal data: accounts and complaints received per year, as numbers.
  await sql`
    create function platform_organization_figures(year_start timestamptz, year_end timestamptz)
    returns table (organization_id uuid, staff_accounts bigint, complaints_this_year bigint)
    language sql stable security definer set search_path = public, pg_temp
    as $$
      select o.id,
        (select count(*) from staff_user u where u.organization_id = o.id and u.active),
        (select count(*) from complaint c where c.organization_id = o.id
           and c.received_at >= year_start and c.received_at < year_end)
      from organization o
    $$
  `.execute(db);
  await sql`revoke all on function platform_organization_figures(timestamptz, timestamptz) from public`.execute(
    db,
  );
  await sql`grant execute on function platform_organization_figures(timestamptz, timestamptz) to gehoord_platform`.execute(
    db,
  );
  // Which organisations are suspended: asked (and cached briefly) before any organisation is in scope.
  await sql`
    create function suspended_organizations() returns setof uuid
    language sql stable security definer set search_path = public, pg_temp
    as $$ select id from organization where suspended_at is not null $$
  `.execute(db);
  await sql`revoke all on function suspended_organizations() from public`.execute(db);
  await sql`grant execute on function suspended_organizations() to gehoord_app`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function suspended_organizations()`.execute(db);
  await sql`drop function platform_organization_figures(timestamptz, timestamptz)`.execute(db);
  for (const table of [...PLATFORM_TABLES].reverse()) await sql.raw(`drop table ${table}`).execute(db);
  await sql`drop policy setup_token_platform on setup_token`.execute(db);
  await sql`revoke all on setup_token from gehoord_platform`.execute(db);
  await sql`drop policy organization_platform on organization`.execute(db);
  await sql`revoke all on organization from gehoord_platform`.execute(db);
  await sql`alter table organization drop column locales, drop column suspended_at`.execute(db);
  await sql`revoke all on kysely_migration from gehoord_platform`.execute(db);
  await sql`revoke usage on schema public from gehoord_platform`.execute(db);
}
