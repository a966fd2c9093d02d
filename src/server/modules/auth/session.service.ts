import type { StaffRole } from '../../../domain/permissions.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization, type Scoped } from '../../db/tenant-scope.ts';
import type { StaffPrincipal, TokenPrincipal } from '../../http/principal.ts';
import {
  findApiTokenPrincipal,
  findSessionPrincipal,
  insertSession,
  markApiTokenUsed,
  revokeSession,
  revokeSessionsOfUser,
  touchSession,
} from './auth.repository.ts';
import { recordAuthEvent } from './auth-event.repository.ts';
import { generateToken, hashToken } from './credentials/secure-token.ts';

export const SESSION_COOKIE = 'gehoord_session';
const TOUCH_INTERVAL_MS = 60_000;
const TOKEN_USE_EVENT_INTERVAL_MS = 60 * 60_000;

const settingsHint = (version: number | null) =>
  version === null ? {} : { calendarSettingsVersion: version };

export type ClientInfo = { ip: string | null; userAgent: string | null };

/** A fresh session (new token every login: session rotation). Returns the cookie value, shown only here. */
export async function createSession(
  trx: Scoped,
  input: {
    organizationId: string;
    userId: string;
    secondFactorPending: boolean;
    absoluteHours: number;
    client: ClientInfo;
    now: Date;
  },
): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
  const token = generateToken('ghs_');
  const expiresAt = new Date(input.now.getTime() + input.absoluteHours * 3_600_000);
  const sessionId = await insertSession(trx, {
    organizationId: input.organizationId,
    userId: input.userId,
    tokenHash: hashToken(token),
    secondFactorPending: input.secondFactorPending,
    expiresAt,
    ip: input.client.ip,
    userAgent: input.client.userAgent,
  });
  return { token, sessionId, expiresAt };
}

/**
 * The staff member behind a session cookie, or null when the session is unknown, revoked, past its absolute
 * lifetime, idle too long, or its user was deactivated. Expired sessions are revoked on the spot.
 * One round trip on the hot path; a write only to revoke, or to record activity at most once a minute.
 */
export async function authenticateSession(
  db: Database,
  token: string,
  now: Date,
): Promise<StaffPrincipal | null> {
  const session = await findSessionPrincipal(db, hashToken(token));
  if (!session) return null;
  const idleDeadline = session.last_seen_at.getTime() + session.idle_minutes * 60_000;
  if (!session.active || session.expires_at <= now || idleDeadline <= now.getTime()) {
    await inOrganization(db, session.organization_id, (trx) => revokeSession(trx, session.session_id));
    return null;
  }
  if (now.getTime() - session.last_seen_at.getTime() > TOUCH_INTERVAL_MS)
    await inOrganization(db, session.organization_id, (trx) => touchSession(trx, session.session_id));
  const roles = session.roles as StaffRole[];
  return {
    kind: 'staff',
    organizationId: session.organization_id,
    sessionId: session.session_id,
    userId: session.user_id,
    name: session.name,
    email: session.email,
    roles,
    departmentId: session.department_id,
    managedDepartmentIds: session.managed_department_ids,
    secondFactorPending: session.second_factor_pending,
    mustEnrollSecondFactor:
      !session.totp_enabled && roles.some((role) => session.totp_required_roles.includes(role)),
    ...settingsHint(session.calendar_settings_version),
  };
}

/** The integration behind a bearer token; use is recorded (last-used always, an audit event at most hourly). */
export async function authenticateApiToken(
  db: Database,
  token: string,
  client: ClientInfo,
  now: Date,
): Promise<TokenPrincipal | null> {
  const row = await findApiTokenPrincipal(db, hashToken(token));
  if (!row || (row.expires_at && row.expires_at <= now)) return null;
  const lastUsed = row.last_used_at?.getTime() ?? 0;
  if (now.getTime() - lastUsed > TOUCH_INTERVAL_MS) {
    await inOrganization(db, row.organization_id, async (trx) => {
      await markApiTokenUsed(trx, row.id);
      if (now.getTime() - lastUsed > TOKEN_USE_EVENT_INTERVAL_MS) {
        await recordAuthEvent(trx, {
          organizationId: row.organization_id,
          type: 'token_used',
          apiTokenId: row.id,
          ...client,
        });
      }
    });
  }
  return {
    kind: 'token',
    organizationId: row.organization_id,
    tokenId: row.id,
    name: row.name,
    scope: row.scope,
  };
}

/** Signs a user out everywhere (deactivation, role change): revokes every open session; returns how many. */
export async function endSessionsOfUser(trx: Scoped, userId: string): Promise<number> {
  return revokeSessionsOfUser(trx, userId);
}
