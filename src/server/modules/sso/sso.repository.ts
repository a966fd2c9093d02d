import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Scoped } from '../../db/tenant-scope.ts';

// Every SQL statement of single sign-on: login flows, linked identities, per-organisation settings.

/** Unscoped lookup through a security-definer function: the flow cookie decides the scope. */
export async function resolveFlowOrganization(db: Database, tokenHash: string) {
  const result = await sql<{
    organization_id: string;
    flow_id: string;
  }>`select * from resolve_sso_flow(${tokenHash})`.execute(db);
  return result.rows[0] ?? null;
}

export async function insertFlow(
  trx: Scoped,
  values: {
    organizationId: string;
    tokenHash: string;
    state: string;
    nonce: string;
    codeVerifier: string;
    returnTo: string;
    expiresAt: Date;
  },
): Promise<void> {
  await trx
    .insertInto('sso_login_flow')
    .values({
      organization_id: values.organizationId,
      token_hash: values.tokenHash,
      state: values.state,
      nonce: values.nonce,
      code_verifier: values.codeVerifier,
      return_to: values.returnTo,
      expires_at: values.expiresAt,
    })
    .execute();
}

export async function deleteExpiredFlows(trx: Scoped, now: Date): Promise<void> {
  await trx.deleteFrom('sso_login_flow').where('expires_at', '<=', now).execute();
}

/** A flow is used once: reading it removes it. */
export async function takeFlow(trx: Scoped, flowId: string) {
  return trx
    .deleteFrom('sso_login_flow')
    .where('id', '=', flowId)
    .returning([
      'state',
      'nonce',
      'code_verifier as codeVerifier',
      'return_to as returnTo',
      'expires_at as expiresAt',
    ])
    .executeTakeFirst();
}

export async function findSettings(trx: Scoped) {
  return trx
    .selectFrom('sso_settings')
    .select([
      'allowed_issuers as allowedIssuers',
      'allowed_tenant_ids as allowedTenantIds',
      'link_by_email_allowed as linkByEmailAllowed',
      'provisioning_enabled as provisioningEnabled',
      'provisioning_role as provisioningRole',
      'provisioning_department_id as provisioningDepartmentId',
      'updated_at as updatedAt',
    ])
    .executeTakeFirst();
}

export async function saveSettings(
  trx: Scoped,
  organizationId: string,
  values: {
    allowedIssuers: string[];
    allowedTenantIds: string[];
    linkByEmailAllowed: boolean;
    provisioningEnabled: boolean;
    provisioningRole: string;
    provisioningDepartmentId: string | null;
    updatedBy: string;
  },
): Promise<void> {
  const row = {
    allowed_issuers: values.allowedIssuers,
    allowed_tenant_ids: values.allowedTenantIds,
    link_by_email_allowed: values.linkByEmailAllowed,
    provisioning_enabled: values.provisioningEnabled,
    provisioning_role: values.provisioningRole,
    provisioning_department_id: values.provisioningDepartmentId,
    updated_by: values.updatedBy,
    updated_at: sql<Date>`now()`,
  };
  await trx
    .insertInto('sso_settings')
    .values({ organization_id: organizationId, ...row })
    .onConflict((oc) => oc.column('organization_id').doUpdateSet(row))
    .execute();
}

export async function departmentIsActive(trx: Scoped, departmentId: string): Promise<boolean> {
  const row = await trx
    .selectFrom('department')
    .select('id')
    .where('id', '=', departmentId)
    .where('active', '=', true)
    .executeTakeFirst();
  return row !== undefined;
}

export async function findLinkedUser(trx: Scoped, issuer: string, subject: string) {
  return trx
    .selectFrom('staff_identity as i')
    .innerJoin('staff_user as u', 'u.id', 'i.staff_user_id')
    .select(['i.id as identityId', 'u.id as userId', 'u.active', 'u.email'])
    .where('i.issuer', '=', issuer)
    .where('i.subject', '=', subject)
    .executeTakeFirst();
}

/** Which organisation holds an identity, looking past row-level security (identities are unique overall). */
export async function findIdentityOrganization(
  trx: Scoped,
  issuer: string,
  subject: string,
): Promise<string | null> {
  const result = await sql<{
    organization_id: string | null;
  }>`select resolve_staff_identity(${issuer}, ${subject}) as organization_id`.execute(trx);
  return result.rows[0]?.organization_id ?? null;
}

export async function findUserByEmail(trx: Scoped, email: string) {
  return trx
    .selectFrom('staff_user')
    .select(['id', 'active', 'sso_link_allowed as ssoLinkAllowed'])
    .where('email', '=', email)
    .executeTakeFirst();
}

export async function hasIdentityFromIssuer(trx: Scoped, userId: string, issuer: string): Promise<boolean> {
  const row = await trx
    .selectFrom('staff_identity')
    .select('id')
    .where('staff_user_id', '=', userId)
    .where('issuer', '=', issuer)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertIdentity(
  trx: Scoped,
  values: {
    organizationId: string;
    userId: string;
    issuer: string;
    subject: string;
    tenantId: string | null;
  },
): Promise<string> {
  const row = await trx
    .insertInto('staff_identity')
    .values({
      organization_id: values.organizationId,
      staff_user_id: values.userId,
      issuer: values.issuer,
      subject: values.subject,
      tenant_id: values.tenantId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An account created by a first SSO login has no password: it signs in through the provider only. */
export async function insertProvisionedUser(
  trx: Scoped,
  values: { organizationId: string; name: string; email: string; role: string; departmentId: string | null },
): Promise<string> {
  const row = await trx
    .insertInto('staff_user')
    .values({
      organization_id: values.organizationId,
      name: values.name,
      email: values.email,
      roles: [values.role],
      department_id: values.departmentId,
      password_hash: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The permission to link by e-mail is for one first link; it is spent once used. */
export async function spendLinkAllowance(trx: Scoped, userId: string): Promise<void> {
  await trx
    .updateTable('staff_user')
    .set({ sso_link_allowed: false, updated_at: sql`now()` })
    .where('id', '=', userId)
    .execute();
}

export async function findUserForSession(trx: Scoped, userId: string) {
  return trx
    .selectFrom('staff_user')
    .select(['id', 'email', 'active', 'totp_enabled as totpEnabled'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
}

export async function findSessionAbsoluteHours(trx: Scoped, organizationId: string): Promise<number> {
  const row = await trx
    .selectFrom('organization')
    .select('session_absolute_hours')
    .where('id', '=', organizationId)
    .executeTakeFirstOrThrow();
  return row.session_absolute_hours;
}

export async function markSignedIn(
  trx: Scoped,
  ids: { identityId: string; userId: string },
  now: Date,
  secondFactorPending: boolean,
): Promise<void> {
  await trx
    .updateTable('staff_identity')
    .set({ last_login_at: now })
    .where('id', '=', ids.identityId)
    .execute();
  // As with a password, the login counts once the second factor is done.
  if (!secondFactorPending)
    await trx.updateTable('staff_user').set({ last_login_at: now }).where('id', '=', ids.userId).execute();
}

export async function userExists(trx: Scoped, userId: string): Promise<boolean> {
  const row = await trx.selectFrom('staff_user').select('id').where('id', '=', userId).executeTakeFirst();
  return row !== undefined;
}

export async function listIdentitiesOfUser(trx: Scoped, userId: string) {
  return trx
    .selectFrom('staff_identity')
    .select([
      'id',
      'issuer',
      'subject',
      'tenant_id as tenantId',
      'created_at as createdAt',
      'last_login_at as lastLoginAt',
    ])
    .where('staff_user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}

export async function deleteIdentity(trx: Scoped, userId: string, identityId: string) {
  return trx
    .deleteFrom('staff_identity')
    .where('id', '=', identityId)
    .where('staff_user_id', '=', userId)
    .returning(['issuer', 'subject'])
    .executeTakeFirst();
}
