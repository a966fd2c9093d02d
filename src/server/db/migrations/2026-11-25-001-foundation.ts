import { type Kysely, sql } from 'kysely';

// Frozen in time: this file never imports application code; names are spelled out here.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    do $$ begin
      if not exists (select 1 from pg_roles where rolname = 'gehoord_app') then
        create role gehoord_app nologin;
      end if;
    end $$;
  `.execute(db);
  // The migrating role may switch to gehoord_app for request transactions (set local role).
  await sql`grant gehoord_app to current_user`.execute(db);
  await sql`grant usage on schema public to gehoord_app`.execute(db);
  await sql`alter default privileges in schema public grant select, insert, update, delete on tables to gehoord_app`.execute(
    db,
  );
  await sql`alter default privileges in schema public grant usage, select on sequences to gehoord_app`.execute(
    db,
  );
  await sql`grant select on kysely_migration to gehoord_app`.execute(db);

  await sql`
    create function current_organization_id() returns uuid
    language sql stable parallel safe
    as $$ select nullif(current_setting('gehoord.organization_id', true), '')::uuid $$
  `.execute(db);

  await sql`
    create table organization (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
      name text not null check (length(name) between 1 and 200),
      hostnames text[] not null default '{}',
      is_default boolean not null default false,
      created_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`create unique index organization_single_default on organization (is_default) where is_default`.execute(
    db,
  );
  await sql`create index organization_hostnames on organization using gin (hostnames)`.execute(db);
  await sql`alter table organization enable row level security`.execute(db);
  await sql`
    create policy organization_isolation on organization
    using (id = current_organization_id()) with check (id = current_organization_id())
  `.execute(db);

  // Which organisation serves a host name is needed before any organisation is in scope.
  await sql`
    create function resolve_organization(host text) returns uuid
    language sql stable security definer set search_path = public, pg_temp
    as $$
      select id from organization
      where lower(host) = any(hostnames) or is_default
      order by (lower(host) = any(hostnames)) desc
      limit 1
    $$
  `.execute(db);
  await sql`revoke all on function resolve_organization(text) from public`.execute(db);
  await sql`grant execute on function resolve_organization(text) to gehoord_app`.execute(db);

  await sql`
    create table housing_complex (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organization (id) on delete cascade,
      complex_number text not null check (length(complex_number) between 1 and 20),
      name text not null check (length(name) between 1 and 200),
      place text not null check (length(place) between 1 and 100),
      created_at timestamptz not null default now(),
      unique (organization_id, complex_number)
    )
  `.execute(db);
  await sql`alter table housing_complex enable row level security`.execute(db);
  await sql`
    create policy housing_complex_isolation on housing_complex
    using (organization_id = current_organization_id())
    with check (organization_id = current_organization_id())
  `.execute(db);
  await sql`grant select, insert, update, delete on organization, housing_complex to gehoord_app`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table housing_complex`.execute(db);
  await sql`drop function resolve_organization(text)`.execute(db);
  await sql`drop table organization`.execute(db);
  await sql`drop function current_organization_id()`.execute(db);
}
