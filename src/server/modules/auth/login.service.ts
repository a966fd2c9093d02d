import type { Database } from '../../db/database.ts';
import { inOrganization } from '../../db/tenant-scope.ts';
import { AppError } from '../../http/app-error.ts';
import {
  findLoginThrottle,
  findSecondFactorThrottle,
  findSessionAbsoluteHours,
  findUserForLogin,
  findUserSecrets,
  markSecondFactorDone,
  revokeSession,
  saveLoginThrottle,
  saveSecondFactorThrottle,
  updateUserSecrets,
} from './auth.repository.ts';
import { recordAuthEvent } from './auth-event.repository.ts';
import {
  hashPassword,
  needsRehash,
  verifyAgainstDummy,
  verifyPassword,
} from './credentials/password-hashing.ts';
import { verifyTotp } from './credentials/totp.ts';
import { type ClientInfo, createSession } from './session.service.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

type SignInOutcome =
  | { ok: true; token: string; secondFactorRequired: boolean }
  | { ok: false; code: 'invalid_credentials' | 'login_blocked'; retryAfterSeconds?: number };

/**
 * E-mail + password sign-in. Unknown address, wrong password and deactivated account get the same answer and
 * take the same time; failures are counted per address and lock it for a while after MAX_FAILED_LOGINS.
 */
export async function signIn(
  db: Database,
  input: { organizationId: string; email: string; password: string; client: ClientInfo; now: Date },
): Promise<{ token: string; secondFactorRequired: boolean }> {
  const outcome = await inOrganization(db, input.organizationId, async (trx): Promise<SignInOutcome> => {
    const audit = { organizationId: input.organizationId, email: input.email, ...input.client };
    const throttle = await findLoginThrottle(trx, input.email);
    if (throttle?.locked_until && throttle.locked_until > input.now) {
      await recordAuthEvent(trx, { ...audit, type: 'login_blocked' });
      const retryAfterSeconds = Math.ceil((throttle.locked_until.getTime() - input.now.getTime()) / 1000);
      return { ok: false, code: 'login_blocked', retryAfterSeconds };
    }
    const user = await findUserForLogin(trx, input.email);
    const passwordOk =
      user?.active && user.password_hash
        ? await verifyPassword(input.password, user.password_hash)
        : await verifyAgainstDummy(input.password);
    if (!user || !passwordOk) {
      const failedCount = (throttle?.locked_until ? 0 : (throttle?.failed_count ?? 0)) + 1;
      const locked = failedCount >= MAX_FAILED_LOGINS;
      const lockedUntil = locked ? new Date(input.now.getTime() + LOCK_MINUTES * 60_000) : null;
      await saveLoginThrottle(trx, input.organizationId, input.email, { failedCount, lockedUntil });
      await recordAuthEvent(trx, {
        ...audit,
        type: 'login_failed',
        subjectUserId: user?.id ?? null,
        details: { failedCount },
      });
      if (locked)
        await recordAuthEvent(trx, { ...audit, type: 'locked_out', subjectUserId: user?.id ?? null });
      return { ok: false, code: 'invalid_credentials' };
    }
    if (throttle)
      await saveLoginThrottle(trx, input.organizationId, input.email, { failedCount: 0, lockedUntil: null });
    if (user.password_hash && needsRehash(user.password_hash)) {
      await updateUserSecrets(trx, user.id, { passwordHash: await hashPassword(input.password) });
    }
    const session = await createSession(trx, {
      organizationId: input.organizationId,
      userId: user.id,
      secondFactorPending: user.totp_enabled,
      absoluteHours: await findSessionAbsoluteHours(trx, input.organizationId),
      client: input.client,
      now: input.now,
    });
    if (!user.totp_enabled) await updateUserSecrets(trx, user.id, { lastLoginAt: input.now });
    await recordAuthEvent(trx, {
      ...audit,
      type: 'login_succeeded',
      actorUserId: user.id,
      subjectUserId: user.id,
      details: { method: 'password', secondFactorPending: user.totp_enabled },
    });
    return { ok: true, token: session.token, secondFactorRequired: user.totp_enabled };
  });
  if (!outcome.ok) {
    const retryAfter = outcome.retryAfterSeconds;
    throw new AppError(outcome.code, retryAfter ? { headers: { 'retry-after': String(retryAfter) } } : {});
  }
  return { token: outcome.token, secondFactorRequired: outcome.secondFactorRequired };
}

/**
 * Wrong two-step codes are counted per account, not per session or address (issue 20): after
 * MAX_FAILED_SECOND_FACTOR of them the pending sign-in is void and the account's code step is refused for
 * SECOND_FACTOR_LOCK_MINUTES, also after signing in again with the password.
 */
export const MAX_FAILED_SECOND_FACTOR = 5;
export const SECOND_FACTOR_LOCK_MINUTES = 15;

type SecondFactorOutcome =
  | { ok: true }
  | { ok: false; code: 'invalid_second_factor' }
  | { ok: false; code: 'second_factor_blocked'; retryAfterSeconds: number };

/** Second step of sign-in: the TOTP code; a used code (step) is never accepted twice. */
export async function completeSecondFactor(
  db: Database,
  input: {
    organizationId: string;
    sessionId: string;
    userId: string;
    code: string;
    client: ClientInfo;
    now: Date;
  },
): Promise<void> {
  const outcome = await inOrganization(
    db,
    input.organizationId,
    async (trx): Promise<SecondFactorOutcome> => {
      const throttle = await findSecondFactorThrottle(trx, input.userId);
      const user = await findUserSecrets(trx, input.userId);
      const audit = {
        organizationId: input.organizationId,
        actorUserId: user.id,
        subjectUserId: user.id,
        ...input.client,
      };
      const lockedUntil = throttle.second_factor_locked_until;
      if (lockedUntil && lockedUntil > input.now) {
        // not even a right code counts while locked; this pending sign-in is void too
        await revokeSession(trx, input.sessionId);
        await recordAuthEvent(trx, { ...audit, type: 'second_factor_blocked' });
        const retryAfterSeconds = Math.ceil((lockedUntil.getTime() - input.now.getTime()) / 1000);
        return { ok: false, code: 'second_factor_blocked', retryAfterSeconds };
      }
      const result =
        user.totp_enabled && user.totp_secret
          ? verifyTotp(user.totp_secret, input.code, input.now, { lastUsedStep: user.totp_last_step })
          : ({ ok: false } as const);
      if (!result.ok) {
        const failedCount = throttle.second_factor_failed_count + 1;
        await recordAuthEvent(trx, { ...audit, type: 'second_factor_failed', details: { failedCount } });
        if (failedCount < MAX_FAILED_SECOND_FACTOR) {
          await saveSecondFactorThrottle(trx, user.id, { failedCount, lockedUntil: null });
          return { ok: false, code: 'invalid_second_factor' };
        }
        const until = new Date(input.now.getTime() + SECOND_FACTOR_LOCK_MINUTES * 60_000);
        await saveSecondFactorThrottle(trx, user.id, { failedCount: 0, lockedUntil: until });
        await revokeSession(trx, input.sessionId);
        await recordAuthEvent(trx, {
          ...audit,
          type: 'second_factor_locked_out',
          details: { failedCount, lockedUntil: until.toISOString() },
        });
        return {
          ok: false,
          code: 'second_factor_blocked',
          retryAfterSeconds: SECOND_FACTOR_LOCK_MINUTES * 60,
        };
      }
      if (throttle.second_factor_failed_count > 0 || lockedUntil !== null)
        await saveSecondFactorThrottle(trx, user.id, { failedCount: 0, lockedUntil: null });
      await updateUserSecrets(trx, user.id, { totpLastStep: result.step, lastLoginAt: input.now });
      await markSecondFactorDone(trx, input.sessionId);
      return { ok: true };
    },
  );
  if (outcome.ok) return;
  if (outcome.code === 'second_factor_blocked')
    throw new AppError(outcome.code, { headers: { 'retry-after': String(outcome.retryAfterSeconds) } });
  throw new AppError(outcome.code);
}
