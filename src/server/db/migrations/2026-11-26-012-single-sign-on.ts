import { type Kysely, sql } from 'kysely';

// Frozen in time: single sign-on (OpenID Connect) — per-organisation settings, linked identities, login flows.

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
  // No row means: nobody may sign in with SSO here. Issuers and Entra tenants are allow-listed explicitly.
  await sql`
    create table sso_settings (
      organization_id uuid primary key references organization (id) on delete cascade,
      allowed_issuers text[] not null default '{}' check (cardinality(allowed_issuers) <= 20),
      allowed_tenant_ids text[] not null default '{}' check (cardinality(allowed_tenant_ids) <= 20),
      link_by_email_allowed boolean not null default false,
      provisioning_enabled boolean not null default false,
      provisioning_role text not null default 'employee' check (provisioning_role = any(${sql.raw(STAFF_ROLES)})),
      provisioning_department_id uuid references department (id),
      updated_at timestamptz not null default now(),
      updated_by uuid references staff_user (id)
    )
  `.execute(db);
  await isolate(db, 'sso_settings');

  // Who someone is at the provider: its stable subject (Entra ID: tenant id + object id), never the e-mail.
  await sql`
    create table staff_identity (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organization (id) on delete cascade,
      staff_user_id uuid not null references staff_user (id),
      issuer text not null check (length(issuer) between 1 and 500),
      subject text not null check (length(subject) between 1 and 500),
      tenant_id text check (length(tenant_id) between 1 and 200),
      created_at timestamptz not null default now(),
      last_login_at timestamptz,
      unique (issuer, subject)
    )
  `.execute(db);
  await sql`create index staff_identity_user on staff_identity (staff_user_id)`.execute(db);
  await isolate(db, 'staff_identity');

  // A started sign-in, kept server-side so state, nonce and PKCE verifier never reach the browser; used once.
  await sql`
    create table sso_login_flow (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organization (id) on delete cascade,
      token_hash text not null unique,
      state text not null,
      nonce text not null,
      code_verifier text not null,
      return_to text not null default '/',
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    )
  `.execute(db);
  await sql`create index sso_login_flow_expiry on sso_login_flow (organization_id, expires_at)`.execute(db);
  await isolate(db, 'sso_login_flow');

  // The provider's redirect arrives before anyone is signed in: the flow cookie carries its organisation.
  await sql`
    create function resolve_sso_flow(hash text) returns table (organization_id uuid, flow_id uuid)
    language sql stable security definer set search_path = public, pg_temp
    as $$ select organization_id, id from sso_login_flow where token_hash = hash $$
  `.execute(db);
  // An identity is unique across organisations; a link attempt must know whether another one holds it.
  await sql`
    create function resolve_staff_identity(iss text, sub text) returns uuid
    language sql stable security definer set search_path = public, pg_temp
    as $$ select organization_id from staff_identity where issuer = iss and subject = sub $$
  `.execute(db);
  for (const fn of ['resolve_sso_flow(text)', 'resolve_staff_identity(text, text)']) {
    await sql.raw(`revoke all on function ${fn} from public`).execute(db);
    await sql.raw(`grant execute on function ${fn} to gehoord_app`).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function resolve_staff_identity(text, text)`.execute(db);
  await sql`drop function resolve_sso_flow(text)`.execute(db);
  for (const table of ['sso_login_flow', 'staff_identity', 'sso_settings']) {
    await sql.raw(`drop table ${table}`).execute(db);
  }
}
