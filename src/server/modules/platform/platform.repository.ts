import { sql } from 'kysely';
import type { Scoped } from '../../db/tenant-scope.ts';

// Every function here runs inside `asPlatform` (role gehoord_platform): organisations and the platform's own tables
// only; complaint data is neither granted nor visible to that role (migration 086).

export async function findAdminByEmail(trx: Scoped, email: string) {
  return trx
    .selectFrom('platform_admin')
    .select(['id', 'email', 'password_hash'])
    .where('email', '=', email)
    .executeTakeFirst();
}

export async function insertAdmin(trx: Scoped, email: string): Promise<string> {
  const row = await trx
    .insertInto('platform_admin')
    .values({ email })
    .onConflict((oc) => oc.column('email').doUpdateSet({ email }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function countAdmins(trx: Scoped): Promise<number> {
  const row = await trx
    .selectFrom('platform_admin')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A new link replaces the administrator's earlier unused ones. */
export async function replacePasswordLink(trx: Scoped, adminId: string, tokenHash: string, expiresAt: Date) {
  await trx
    .deleteFrom('platform_password_link')
    .where('admin_id', '=', adminId)
    .where('used_at', 'is', null)
    .execute();
  await trx
    .insertInto('platform_password_link')
    .values({ admin_id: adminId, token_hash: tokenHash, expires_at: expiresAt })
    .execute();
}

/** Uses up a valid link; the administrator it was for, or null. */
export async function usePasswordLink(trx: Scoped, tokenHash: string, now: Date) {
  return trx
    .updateTable('platform_password_link as l')
    .set({ used_at: now })
    .from('platform_admin as a')
    .whereRef('a.id', '=', 'l.admin_id')
    .where('l.token_hash', '=', tokenHash)
    .where('l.used_at', 'is', null)
    .where('l.expires_at', '>', now)
    .returning(['a.id', 'a.email'])
    .executeTakeFirst();
}

export async function setPasswordHash(trx: Scoped, adminId: string, hash: string) {
  await trx.updateTable('platform_admin').set({ password_hash: hash }).where('id', '=', adminId).execute();
}

export async function insertSession(trx: Scoped, adminId: string, tokenHash: string, expiresAt: Date) {
  await trx
    .insertInto('platform_session')
    .values({ admin_id: adminId, token_hash: tokenHash, expires_at: expiresAt })
    .execute();
  await trx
    .updateTable('platform_admin')
    .set({ last_login_at: sql`now()` })
    .where('id', '=', adminId)
    .execute();
}

export async function findSession(trx: Scoped, tokenHash: string, now: Date) {
  return trx
    .selectFrom('platform_session as s')
    .innerJoin('platform_admin as a', 'a.id', 's.admin_id')
    .select(['s.id as sessionId', 'a.id as adminId', 'a.email'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', now)
    .executeTakeFirst();
}

export async function deleteSession(trx: Scoped, sessionId: string) {
  await trx.deleteFrom('platform_session').where('id', '=', sessionId).execute();
}

export async function insertAudit(
  trx: Scoped,
  entry: {
    adminId: string | null;
    actor: string;
    action: string;
    organizationId?: string | null;
    details?: Record<string, unknown>;
    ip?: string | null;
  },
) {
  await trx
    .insertInto('platform_audit')
    .values({
      admin_id: entry.adminId,
      actor: entry.actor,
      action: entry.action,
      organization_id: entry.organizationId ?? null,
      details: JSON.stringify(entry.details ?? {}),
      ip: entry.ip ?? null,
    })
    .execute();
}

export async function listAudit(trx: Scoped, limit: number) {
  return trx
    .selectFrom('platform_audit')
    .select(['at', 'actor', 'action', 'organization_id', 'details'])
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

const ORGANIZATION_COLUMNS = [
  'o.id',
  'o.slug',
  'o.name',
  'o.hostnames',
  'o.locales',
  'o.suspended_at',
  'o.created_at',
] as const;

/** Organisations with figures that are numbers only (security-definer function, migration 086). */
export async function listOrganizations(trx: Scoped, yearStart: Date, yearEnd: Date, id?: string) {
  let query = trx
    .selectFrom('organization as o')
    .innerJoin(
      sql<{
        organization_id: string;
        staff_accounts: number;
        complaints_this_year: number;
      }>`platform_organization_figures(${yearStart}, ${yearEnd})`.as('f'),
      'f.organization_id',
      'o.id',
    )
    .select([...ORGANIZATION_COLUMNS, 'f.staff_accounts', 'f.complaints_this_year'])
    .orderBy('o.name');
  if (id) query = query.where('o.id', '=', id);
  return query.execute();
}

/** Which organisation already holds one of these host names (other than `exceptId`). */
export async function findHostnameOwner(trx: Scoped, hostnames: string[], exceptId?: string) {
  let query = trx
    .selectFrom('organization')
    .select(['id', 'hostnames'])
    .where(sql<boolean>`hostnames && ${sql.val(hostnames)}::text[]`);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return query.executeTakeFirst();
}

export async function slugExists(trx: Scoped, slug: string): Promise<boolean> {
  const row = await trx.selectFrom('organization').select('id').where('slug', '=', slug).executeTakeFirst();
  return row !== undefined;
}

export async function insertOrganization(
  trx: Scoped,
  values: {
    slug: string;
    name: string;
    hostnames: string[];
    locales: string[];
    sessionIdleMinutes?: number | undefined;
    sessionAbsoluteHours?: number | undefined;
  },
): Promise<string> {
  const row = await trx
    .insertInto('organization')
    .values({
      slug: values.slug,
      name: values.name,
      hostnames: values.hostnames,
      locales: values.locales,
      ...(values.sessionIdleMinutes ? { session_idle_minutes: values.sessionIdleMinutes } : {}),
      ...(values.sessionAbsoluteHours ? { session_absolute_hours: values.sessionAbsoluteHours } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateHostnames(trx: Scoped, id: string, hostnames: string[]): Promise<boolean> {
  const result = await trx
    .updateTable('organization')
    .set({ hostnames })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function setSuspended(trx: Scoped, id: string, at: Date | null): Promise<boolean> {
  const result = await trx
    .updateTable('organization')
    .set({ suspended_at: at })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function insertSetupToken(
  trx: Scoped,
  organizationId: string,
  tokenHash: string,
  expiresAt: Date,
) {
  await trx
    .deleteFrom('setup_token')
    .where('organization_id', '=', organizationId)
    .where('used_at', 'is', null)
    .execute();
  await trx
    .insertInto('setup_token')
    .values({ organization_id: organizationId, token_hash: tokenHash, expires_at: expiresAt })
    .execute();
}
