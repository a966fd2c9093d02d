import type { LinkSsoIdentityInput, SsoIdentity } from '../../../contract/sso.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization, type Scoped } from '../../db/tenant-scope.ts';
import { AppError } from '../../http/app-error.ts';
import type { StaffPrincipal } from '../../http/principal.ts';
import { type ClientInfo, recordAuthEvent } from '../auth/index.ts';
import * as repository from './sso.repository.ts';

// Administrators manage which provider identities belong to an account.

async function listIdentities(trx: Scoped, userId: string): Promise<SsoIdentity[]> {
  const rows = await repository.listIdentitiesOfUser(trx, userId);
  return rows.map((row) => ({
    ...row,
    createdAt: row.createdAt.toISOString(),
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
  }));
}

export async function listSsoIdentities(
  db: Database,
  staff: StaffPrincipal,
  userId: string,
): Promise<SsoIdentity[]> {
  return inOrganization(db, staff.organizationId, async (trx) => {
    if (!(await repository.userExists(trx, userId))) throw new AppError('not_found');
    return listIdentities(trx, userId);
  });
}

/** Unlinking lets the next SSO login of that person link or provision afresh (e.g. after a wrong link). */
export async function unlinkSsoIdentity(
  db: Database,
  staff: StaffPrincipal,
  userId: string,
  identityId: string,
  clientInfo: ClientInfo,
): Promise<void> {
  await inOrganization(db, staff.organizationId, async (trx) => {
    const removed = await repository.deleteIdentity(trx, userId, identityId);
    if (!removed) throw new AppError('not_found');
    await recordAuthEvent(trx, {
      organizationId: staff.organizationId,
      type: 'sso_unlinked',
      actorUserId: staff.userId,
      subjectUserId: userId,
      ...clientInfo,
      details: { issuer: removed.issuer, subject: removed.subject },
    });
  });
}

/**
 * Links an identity by hand, for when the provider vouches for no e-mail address (e.g. an Entra tenant without
 * `xms_edov`): the administrator copies issuer and subject from the person's `sso_refused` audit event.
 */
export async function linkSsoIdentity(
  db: Database,
  staff: StaffPrincipal,
  userId: string,
  input: LinkSsoIdentityInput,
  clientInfo: ClientInfo,
): Promise<SsoIdentity> {
  return inOrganization(db, staff.organizationId, async (trx) => {
    if (!(await repository.userExists(trx, userId))) throw new AppError('not_found');
    if (await repository.findIdentityOrganization(trx, input.issuer, input.subject))
      throw new AppError('conflict', { detail: 'This identity is already linked to an account.' });
    const id = await repository.insertIdentity(trx, {
      organizationId: staff.organizationId,
      userId,
      issuer: input.issuer,
      subject: input.subject,
      tenantId: input.tenantId,
    });
    await recordAuthEvent(trx, {
      organizationId: staff.organizationId,
      type: 'sso_linked',
      actorUserId: staff.userId,
      subjectUserId: userId,
      ...clientInfo,
      details: { issuer: input.issuer, subject: input.subject, method: 'administrator' },
    });
    const linked = (await listIdentities(trx, userId)).find((identity) => identity.id === id);
    if (!linked) throw new Error('linked identity vanished');
    return linked;
  });
}
