import { type Kysely, sql } from 'kysely';

// Frozen in time: staff, departments, sessions, API tokens, login throttling, setup links and the auth audit log.

const STAFF_ROLES = `array['employee','manager','management_assistant','management_team','board','legal','admin']::text[]`;

async function isolate(db: Kysely<unknown>, table: string): Promise<void> {
  await sql.raw(`alter table ${table} enable row level security`).execute(db);
  await sql
    .raw(
      `create policy ${table}_isolation on ${table}
       using (organization_id = current_organization_id())
       with check (organization_id = current_organization_id())`,
    )
    .execute(db);
  await sql.raw(`grant select, insert, update, delete on ${table} to gehoord_app`).execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table organization
      add column session_idle_minutes integer not null default 30 check (session_idle_minutes between 5 and 1440),
      add column session_absolute_hours integer not null default 12 check (session_absolute_hours between 1 and 168),
      add column totp_required_roles text[] not null default '{}' check (totp_required_roles <@ ${sql.raw(STAFF_ROLES)})
  `.execute(db);

  await sql`
    create table department (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organization (id) on delete cascade,
      name text not null check (length(name) between 1 and 120),
      manager_user_id uuid,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`create unique index department_name_per_organization on department (organization_id, lower(name))`.execute(
    db,
  );
  await isolate(db, 'department');

  await sql`
    create table staff_user (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organization (id) on delete cascade,
      name text not null check (length(name) between 1 and 200),
      email text not null check (email = lower(email) and length(email) between 3 and 254),
      department_id uuid references department (id),
      roles text[] not null check (cardinality(roles) >= 1 and roles <@ ${sql.raw(STAFF_ROLES)}),
      active boolean not null default true,
      password_hash text,
      totp_secret text,
      totp_enabled boolean not null default false,
      totp_last_step bigint,
      sso_link_allowed boolean not null default false,
      last_login_at timestamptz,
      deactivated_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (organization_id, email)
    )
  `.execute(db);
  await sql`create index staff_user_department on staff_user (department_id)`.execute(db);
  await isolate(db, 'staff_user');
  await sql`
    alter table department add constraint department_manager_fk
    foreign key (manager_user_id) references staff_user (id)
  `.execute(db);

  await sql`
    create table staff_session (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organization (id) on delete cascade,
      user_id uuid not null references staff_user (id),
      token_hash text not null unique,
      second_factor_pending boolean not null default false,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      revoked_at timestamptz,
      ip inet,
      user_agent text
    )
  `.execute(db);
  await sql`create index staff_session_user on staff_session (user_id) where revoked_at is null`.execute(db);
  await isolate(db, 'staff_session');

  await sql`
    create table api_token (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organization (id) on delete cascade,
      name text not null check (length(name) between 1 and 120),
      token_hash text not null unique,
      token_prefix text not null,
      scope text not null check (scope in ('read', 'register', 'full')),
      created_by uuid references staff_user (id),
      created_at timestamptz not null default now(),
      expires_at timestamptz,
      last_used_at timestamptz,
      revoked_at timestamptz
    )
  `.execute(db);
  await isolate(db, 'api_token');

  // Failed logins are counted per e-mail address whether or not an account exists, so lock-out never
  // reveals which addresses have accounts.
  await sql`
    create table login_throttle (
      organization_id uuid not null references organization (id) on delete cascade,
      email text not null,
      failed_count integer not null default 0,
      locked_until timestamptz,
      updated_at timestamptz not null default now(),
      primary key (organization_id, email)
    )
  `.execute(db);
  await isolate(db, 'login_throttle');

  await sql`
    create table setup_token (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organization (id) on delete cascade,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    )
  `.execute(db);
  await isolate(db, 'setup_token');

  await sql`
    create table auth_event (
      id bigint generated always as identity primary key,
      organization_id uuid not null references organization (id) on delete cascade,
      occurred_at timestamptz not null default now(),
      type text not null,
      actor_user_id uuid references staff_user (id),
      subject_user_id uuid references staff_user (id),
      api_token_id uuid references api_token (id),
      email text,
      ip inet,
      user_agent text,
      details jsonb not null default '{}'
    )
  `.execute(db);
  await sql`create index auth_event_recent on auth_event (organization_id, occurred_at desc)`.execute(db);
  await isolate(db, 'auth_event');
  await sql`grant usage on sequence auth_event_id_seq to gehoord_app`.execute(db);

  // Credentials carry their organisation: a session cookie or bearer token is resolved before any scope exists.
  await sql`
    create function resolve_session(hash text) returns table (organization_id uuid, session_id uuid)
    language sql stable security definer set search_path = public, pg_temp
    as $$ select organization_id, id from staff_session where token_hash = hash and revoked_at is null $$
  `.execute(db);
  await sql`
    create function resolve_api_token(hash text) returns table (organization_id uuid, token_id uuid)
    language sql stable security definer set search_path = public, pg_temp
    as $$ select organization_id, id from api_token where token_hash = hash and revoked_at is null $$
  `.execute(db);
  await sql`
    create function resolve_setup_token(hash text) returns table (organization_id uuid, token_id uuid)
    language sql stable security definer set search_path = public, pg_temp
    as $$ select organization_id, id from setup_token where token_hash = hash and used_at is null and expires_at > now() $$
  `.execute(db);
  for (const fn of ['resolve_session(text)', 'resolve_api_token(text)', 'resolve_setup_token(text)']) {
    await sql.raw(`revoke all on function ${fn} from public`).execute(db);
    await sql.raw(`grant execute on function ${fn} to gehoord_app`).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const fn of ['resolve_setup_token(text)', 'resolve_api_token(text)', 'resolve_session(text)']) {
    await sql.raw(`drop function ${fn}`).execute(db);
  }
  for (const table of ['auth_event', 'setup_token', 'login_throttle', 'api_token', 'staff_session']) {
    await sql.raw(`drop table ${table}`).execute(db);
  }
  await sql`alter table department drop constraint department_manager_fk`.execute(db);
  await sql`drop table staff_user`.execute(db);
  await sql`drop table department`.execute(db);
  await sql`
    alter table organization drop column session_idle_minutes, drop column session_absolute_hours,
      drop column totp_required_roles
  `.execute(db);
}
