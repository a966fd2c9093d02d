import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { keptStatement } from '../../db/kept-statements.ts';
import type { Scoped } from '../../db/tenant-scope.ts';

// All SQL of sign-in, sessions, throttling and API-token resolution.

export type SessionPrincipalRow = {
  session_id: string;
  organization_id: string;
  second_factor_pending: boolean;
  last_seen_at: Date;
  expires_at: Date;
  user_id: string;
  name: string;
  email: string;
  roles: string[];
  department_id: string | null;
  active: boolean;
  totp_enabled: boolean;
  idle_minutes: number;
  totp_required_roles: string[];
  managed_department_ids: string[];
  calendar_settings_version: number | null;
};

/** Everything a session cookie stands for, in one round trip (see migration 050). */
export async function findSessionPrincipal(db: Database, tokenHash: string) {
  // Every signed-in request starts here: parsed and planned once per connection (decision 043)
  const result = await db.executeQuery(
    keptStatement<SessionPrincipalRow>('select * from session_principal($1)', [tokenHash]),
  );
  return result.rows[0] ?? null;
}

export type ApiTokenPrincipalRow = {
  id: string;
  organization_id: string;
  name: string;
  scope: 'read' | 'register' | 'full';
  expires_at: Date | null;
  last_used_at: Date | null;
  calendar_settings_version: number | null;
};

export async function findApiTokenPrincipal(db: Database, tokenHash: string) {
  const result = await sql<ApiTokenPrincipalRow>`select * from api_token_principal(${tokenHash})`.execute(db);
  return result.rows[0] ?? null;
}

export async function findUserForLogin(trx: Scoped, email: string) {
  return trx
    .selectFrom('staff_user')
    .select(['id', 'name', 'email', 'roles', 'active', 'password_hash', 'totp_enabled'])
    .where('email', '=', email)
    .executeTakeFirst();
}

export async function findLoginThrottle(trx: Scoped, email: string) {
  return trx
    .selectFrom('login_throttle')
    .select(['failed_count', 'locked_until'])
    .where('email', '=', email)
    .forUpdate()
    .executeTakeFirst();
}

export async function saveLoginThrottle(
  trx: Scoped,
  organizationId: string,
  email: string,
  values: { failedCount: number; lockedUntil: Date | null },
) {
  await trx
    .insertInto('login_throttle')
    .values({
      organization_id: organizationId,
      email,
      failed_count: values.failedCount,
      locked_until: values.lockedUntil,
    })
    .onConflict((oc) =>
      oc.columns(['organization_id', 'email']).doUpdateSet({
        failed_count: values.failedCount,
        locked_until: values.lockedUntil,
        updated_at: sql`now()`,
      }),
    )
    .execute();
}

export async function insertSession(
  trx: Scoped,
  values: {
    organizationId: string;
    userId: string;
    tokenHash: string;
    secondFactorPending: boolean;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<string> {
  const row = await trx
    .insertInto('staff_session')
    .values({
      organization_id: values.organizationId,
      user_id: values.userId,
      token_hash: values.tokenHash,
      second_factor_pending: values.secondFactorPending,
      expires_at: values.expiresAt,
      ip: values.ip,
      user_agent: values.userAgent?.slice(0, 400) ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The session with its user and the organisation's timeouts, if it is still valid at all. */
export async function touchSession(trx: Scoped, sessionId: string) {
  await trx
    .updateTable('staff_session')
    .set({ last_seen_at: sql`now()` })
    .where('id', '=', sessionId)
    .execute();
}

export async function markSecondFactorDone(trx: Scoped, sessionId: string) {
  await trx
    .updateTable('staff_session')
    .set({ second_factor_pending: false, last_seen_at: sql`now()` })
    .where('id', '=', sessionId)
    .execute();
}

export async function revokeSession(trx: Scoped, sessionId: string) {
  await trx
    .updateTable('staff_session')
    .set({ revoked_at: sql`now()` })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function revokeSessionsOfUser(trx: Scoped, userId: string): Promise<number> {
  const result = await trx
    .updateTable('staff_session')
    .set({ revoked_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function findUserSecrets(trx: Scoped, userId: string) {
  return trx
    .selectFrom('staff_user')
    .select(['id', 'name', 'email', 'password_hash', 'totp_secret', 'totp_enabled', 'totp_last_step'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
}

/** The account's two-step code counters, locked: concurrent guesses are counted one after the other. */
export async function findSecondFactorThrottle(trx: Scoped, userId: string) {
  return trx
    .selectFrom('staff_user')
    .select(['second_factor_failed_count', 'second_factor_locked_until'])
    .where('id', '=', userId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function saveSecondFactorThrottle(
  trx: Scoped,
  userId: string,
  values: { failedCount: number; lockedUntil: Date | null },
) {
  await trx
    .updateTable('staff_user')
    .set({
      second_factor_failed_count: values.failedCount,
      second_factor_locked_until: values.lockedUntil,
    })
    .where('id', '=', userId)
    .execute();
}

export async function updateUserSecrets(
  trx: Scoped,
  userId: string,
  values: Partial<{
    passwordHash: string;
    totpSecret: string | null;
    totpEnabled: boolean;
    totpLastStep: number | null;
    lastLoginAt: Date;
  }>,
) {
  await trx
    .updateTable('staff_user')
    .set({
      ...(values.passwordHash !== undefined ? { password_hash: values.passwordHash } : {}),
      ...(values.totpSecret !== undefined ? { totp_secret: values.totpSecret } : {}),
      ...(values.totpEnabled !== undefined ? { totp_enabled: values.totpEnabled } : {}),
      ...(values.totpLastStep !== undefined ? { totp_last_step: values.totpLastStep } : {}),
      ...(values.lastLoginAt !== undefined ? { last_login_at: values.lastLoginAt } : {}),
      updated_at: sql`now()`,
    })
    .where('id', '=', userId)
    .execute();
}

export async function markApiTokenUsed(trx: Scoped, tokenId: string) {
  await trx.updateTable('api_token').set({ last_used_at: sql`now()` }).where('id', '=', tokenId).execute();
}

/** Changing the password signs out every other session of the user; the current one stays. */
export async function revokeOtherSessionsOfUser(trx: Scoped, userId: string, keepSessionId: string) {
  await trx
    .updateTable('staff_session')
    .set({ revoked_at: new Date() })
    .where('user_id', '=', userId)
    .where('id', '!=', keepSessionId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** The roles that must use two-step verification in this organisation. */
export async function findTotpRequiredRoles(trx: Scoped, organizationId: string): Promise<string[]> {
  const row = await trx
    .selectFrom('organization')
    .select('totp_required_roles')
    .where('id', '=', organizationId)
    .executeTakeFirstOrThrow();
  return row.totp_required_roles;
}

/** How long a session may last at most in this organisation (hours). */
export async function findSessionAbsoluteHours(trx: Scoped, organizationId: string): Promise<number> {
  const row = await trx
    .selectFrom('organization')
    .select('session_absolute_hours')
    .where('id', '=', organizationId)
    .executeTakeFirstOrThrow();
  return row.session_absolute_hours;
}
