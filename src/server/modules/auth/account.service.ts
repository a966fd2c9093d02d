import type { Database } from '../../db/database.ts';
import { inOrganization } from '../../db/tenant-scope.ts';
import { AppError } from '../../http/app-error.ts';
import type { StaffPrincipal } from '../../http/principal.ts';
import {
  findTotpRequiredRoles,
  findUserSecrets,
  revokeOtherSessionsOfUser,
  revokeSession,
  revokeSessionsOfUser,
  updateUserSecrets,
} from './auth.repository.ts';
import { recordAuthEvent } from './auth-event.repository.ts';
import { hashPassword, verifyPassword } from './credentials/password-hashing.ts';
import { checkPasswordPolicy } from './credentials/password-policy.ts';
import { buildOtpauthUri, generateTotpSecret, verifyTotp } from './credentials/totp.ts';
import type { ClientInfo } from './session.service.ts';

function passwordFieldError(field: string, password: string, context: { email: string; name: string }) {
  const policy = checkPasswordPolicy(password, context);
  if (policy.ok) return;
  throw new AppError('validation_failed', {
    fieldErrors: [{ in: 'body', path: field, code: `password_${policy.reason}`, messages: policy.messages }],
  });
}

export function assertPasswordAllowed(
  field: string,
  password: string,
  context: { email: string; name: string },
) {
  passwordFieldError(field, password, context);
}

export async function signOut(db: Database, staff: StaffPrincipal, client: ClientInfo, everywhere: boolean) {
  await inOrganization(db, staff.organizationId, async (trx) => {
    if (everywhere) await revokeSessionsOfUser(trx, staff.userId);
    else await revokeSession(trx, staff.sessionId);
    await recordAuthEvent(trx, {
      organizationId: staff.organizationId,
      type: everywhere ? 'logout_everywhere' : 'logout',
      actorUserId: staff.userId,
      subjectUserId: staff.userId,
      ...client,
    });
  });
}

/** Changing the password signs out every other session. */
export async function changePassword(
  db: Database,
  staff: StaffPrincipal,
  input: { currentPassword: string; newPassword: string },
  client: ClientInfo,
) {
  assertPasswordAllowed('newPassword', input.newPassword, staff);
  await inOrganization(db, staff.organizationId, async (trx) => {
    const user = await findUserSecrets(trx, staff.userId);
    if (!user.password_hash || !(await verifyPassword(input.currentPassword, user.password_hash))) {
      throw new AppError('invalid_credentials');
    }
    await updateUserSecrets(trx, staff.userId, { passwordHash: await hashPassword(input.newPassword) });
    await revokeOtherSessionsOfUser(trx, staff.userId, staff.sessionId);
    await recordAuthEvent(trx, {
      organizationId: staff.organizationId,
      type: 'password_changed',
      actorUserId: staff.userId,
      subjectUserId: staff.userId,
      ...client,
    });
  });
}

/** Step 1 of enrolment: a new secret, stored but not yet enabled until a code proves the app has it. */
export async function startSecondFactorEnrollment(db: Database, staff: StaffPrincipal, issuer: string) {
  const secret = generateTotpSecret();
  await inOrganization(db, staff.organizationId, async (trx) => {
    const user = await findUserSecrets(trx, staff.userId);
    if (user.totp_enabled) throw new AppError('conflict', { detail: 'Two-step verification is already on.' });
    await updateUserSecrets(trx, staff.userId, { totpSecret: secret, totpLastStep: null });
  });
  return { secret, otpauthUri: buildOtpauthUri({ secret, accountName: staff.email, issuer }) };
}

export async function enableSecondFactor(
  db: Database,
  staff: StaffPrincipal,
  code: string,
  client: ClientInfo,
  now: Date,
) {
  await inOrganization(db, staff.organizationId, async (trx) => {
    const user = await findUserSecrets(trx, staff.userId);
    if (user.totp_enabled) throw new AppError('conflict', { detail: 'Two-step verification is already on.' });
    const result = user.totp_secret ? verifyTotp(user.totp_secret, code, now) : ({ ok: false } as const);
    if (!result.ok) throw new AppError('invalid_second_factor');
    await updateUserSecrets(trx, staff.userId, { totpEnabled: true, totpLastStep: result.step });
    await recordAuthEvent(trx, {
      organizationId: staff.organizationId,
      type: 'second_factor_enabled',
      actorUserId: staff.userId,
      subjectUserId: staff.userId,
      ...client,
    });
  });
}

export async function disableSecondFactor(
  db: Database,
  staff: StaffPrincipal,
  input: { password: string; code: string },
  client: ClientInfo,
  now: Date,
) {
  if (staff.mustEnrollSecondFactor || staff.roles.length === 0) throw new AppError('forbidden');
  await inOrganization(db, staff.organizationId, async (trx) => {
    const user = await findUserSecrets(trx, staff.userId);
    const passwordOk = user.password_hash ? await verifyPassword(input.password, user.password_hash) : false;
    const codeOk = user.totp_secret
      ? verifyTotp(user.totp_secret, input.code, now, { lastUsedStep: user.totp_last_step }).ok
      : false;
    if (!passwordOk || !codeOk) throw new AppError('invalid_credentials');
    const required = await findTotpRequiredRoles(trx, staff.organizationId);
    if (staff.roles.some((role) => required.includes(role))) {
      throw new AppError('forbidden', { detail: 'Two-step verification is required for your role.' });
    }
    await updateUserSecrets(trx, staff.userId, { totpEnabled: false, totpSecret: null, totpLastStep: null });
    await recordAuthEvent(trx, {
      organizationId: staff.organizationId,
      type: 'second_factor_disabled',
      actorUserId: staff.userId,
      subjectUserId: staff.userId,
      ...client,
    });
  });
}
