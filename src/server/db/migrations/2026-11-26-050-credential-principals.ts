import { type Kysely, sql } from 'kysely';

/**
 * One round trip per authenticated request: a session cookie or bearer token resolves to everything the
 * principal needs (user, roles, managed departments, the organisation's session rules) in a single call.
 * Before, that took a lookup plus a scoped transaction of four statements on every request. The current
 * calendar-settings version comes along: versions never change once written, so read paths can use a cached
 * copy of exactly the version in force without asking again. Like the
 * `resolve_*` functions these run as the owner, but only ever answer for the holder of the token's hash.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function session_principal(hash text) returns table (
      session_id uuid, organization_id uuid, second_factor_pending boolean, last_seen_at timestamptz,
      expires_at timestamptz, user_id uuid, name text, email text, roles text[], department_id uuid,
      active boolean, totp_enabled boolean, idle_minutes integer, totp_required_roles text[],
      managed_department_ids uuid[], calendar_settings_version integer
    )
    language sql stable security definer set search_path = public, pg_temp
    as $$
      select s.id, s.organization_id, s.second_factor_pending, s.last_seen_at, s.expires_at,
             u.id, u.name, u.email, u.roles, u.department_id, u.active, u.totp_enabled,
             o.session_idle_minutes, o.totp_required_roles,
             array(select d.id from department d
                    where d.manager_user_id = u.id and d.organization_id = s.organization_id order by d.id),
             (select max(c.version) from calendar_settings c where c.organization_id = s.organization_id)
        from staff_session s
        join staff_user u on u.id = s.user_id and u.organization_id = s.organization_id
        join organization o on o.id = s.organization_id
       where s.token_hash = hash and s.revoked_at is null
    $$
  `.execute(db);
  await sql`
    create function api_token_principal(hash text) returns table (
      id uuid, organization_id uuid, name text, scope text, expires_at timestamptz, last_used_at timestamptz,
      calendar_settings_version integer
    )
    language sql stable security definer set search_path = public, pg_temp
    as $$
      select t.id, t.organization_id, t.name, t.scope, t.expires_at, t.last_used_at,
             (select max(c.version) from calendar_settings c where c.organization_id = t.organization_id)
        from api_token t where t.token_hash = hash and t.revoked_at is null
    $$
  `.execute(db);
  for (const fn of ['session_principal(text)', 'api_token_principal(text)']) {
    await sql.raw(`revoke all on function ${fn} from public`).execute(db);
    await sql.raw(`grant execute on function ${fn} to gehoord_app`).execute(db);
  }
  // Their predecessors answered only the organisation; nothing calls them any more, so they go.
  await sql`drop function resolve_session(text)`.execute(db);
  await sql`drop function resolve_api_token(text)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
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
  for (const fn of ['resolve_session(text)', 'resolve_api_token(text)']) {
    await sql.raw(`revoke all on function ${fn} from public`).execute(db);
    await sql.raw(`grant execute on function ${fn} to gehoord_app`).execute(db);
  }
  await sql`drop function api_token_principal(text)`.execute(db);
  await sql`drop function session_principal(text)`.execute(db);
}
