import * as oidc from 'openid-client';
import type { ErrorCode } from '../../../contract/errors.ts';
import { describeConstraintViolation } from '../../db/constraint-errors.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization, type Scoped } from '../../db/tenant-scope.ts';
import { type ClientInfo, createSession, generateToken, hashToken, recordAuthEvent } from '../auth/index.ts';
import { describeOidcFailure, type OidcClient } from './oidc/oidc-client.ts';
import { identityFromClaims, isIdentityAllowed, type ProviderIdentity } from './oidc/provider-identity.ts';
import * as repository from './sso.repository.ts';

const FLOW_MINUTES = 10;

export type RefusalReason =
  | 'flow_missing'
  | 'flow_expired'
  | 'provider_error'
  | 'token_rejected'
  | 'identity_incomplete'
  | 'issuer_not_allowed'
  | 'account_inactive'
  | 'identity_in_other_organization'
  | 'already_linked'
  | 'email_unverified'
  | 'link_not_allowed'
  | 'unknown_user'
  | 'link_conflict';

const REFUSAL_CODES: Record<RefusalReason, ErrorCode> = {
  flow_missing: 'sso_failed',
  flow_expired: 'sso_failed',
  provider_error: 'sso_failed',
  token_rejected: 'sso_failed',
  identity_incomplete: 'sso_failed',
  issuer_not_allowed: 'sso_not_allowed',
  account_inactive: 'sso_account_inactive',
  identity_in_other_organization: 'sso_unknown_user',
  already_linked: 'sso_unknown_user',
  email_unverified: 'sso_unknown_user',
  link_not_allowed: 'sso_unknown_user',
  unknown_user: 'sso_unknown_user',
  link_conflict: 'sso_failed',
};

export type SsoOutcome =
  | { ok: true; token: string; secondFactorPending: boolean; returnTo: string }
  | { ok: false; code: ErrorCode; reason: RefusalReason };

/** Starts a sign-in: state, nonce and PKCE verifier stay in the database, the browser gets a one-time flow cookie. */
export async function startSsoLogin(
  db: Database,
  client: OidcClient,
  input: { organizationId: string; returnTo: string; now: Date },
): Promise<{ flowToken: string; redirectUrl: string; maxAgeSeconds: number }> {
  const checks = {
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    codeVerifier: oidc.randomPKCECodeVerifier(),
  };
  const redirectUrl = await client.authorizationUrl(checks);
  const flowToken = generateToken('ghf_');
  await inOrganization(db, input.organizationId, async (trx) => {
    await repository.deleteExpiredFlows(trx, input.now);
    await repository.insertFlow(trx, {
      organizationId: input.organizationId,
      tokenHash: hashToken(flowToken),
      ...checks,
      returnTo: input.returnTo,
      expiresAt: new Date(input.now.getTime() + FLOW_MINUTES * 60_000),
    });
  });
  return { flowToken, redirectUrl: redirectUrl.href, maxAgeSeconds: FLOW_MINUTES * 60 };
}

type CallbackInput = {
  flowToken: string | undefined;
  /** Where to record a refusal when the flow cookie is missing or unknown. */
  hostOrganizationId: string;
  /** The query string the provider redirected with, as received (`?code=…&state=…`). */
  search: string;
  providerError: string | undefined;
  client: ClientInfo;
  now: Date;
};

/**
 * The provider's redirect: redeem the code (state, PKCE and nonce checked by openid-client), then find the
 * account by the provider's stable subject — never by e-mail alone. A first login links by verified e-mail only
 * when an administrator allowed it, or creates an account when provisioning is on. Every outcome is audited.
 */
export async function completeSsoLogin(
  db: Database,
  client: OidcClient,
  input: CallbackInput,
): Promise<SsoOutcome> {
  const refuse = async (
    organizationId: string,
    reason: RefusalReason,
    details: Record<string, unknown> = {},
  ): Promise<SsoOutcome> => {
    await inOrganization(db, organizationId, (trx) =>
      recordAuthEvent(trx, {
        organizationId,
        type: 'sso_refused',
        ...input.client,
        details: { reason, ...details },
      }),
    );
    return { ok: false, code: REFUSAL_CODES[reason], reason };
  };

  const resolved = input.flowToken
    ? await repository.resolveFlowOrganization(db, hashToken(input.flowToken))
    : null;
  if (!resolved) return refuse(input.hostOrganizationId, 'flow_missing');
  const organizationId = resolved.organization_id;
  const flow = await inOrganization(db, organizationId, (trx) => repository.takeFlow(trx, resolved.flow_id));
  if (!flow || flow.expiresAt <= input.now) return refuse(organizationId, 'flow_expired');
  if (input.providerError)
    return refuse(organizationId, 'provider_error', { error: input.providerError.slice(0, 100) });

  let identity: ProviderIdentity | null;
  try {
    const claims = await client.redeem(input.search, flow);
    identity = identityFromClaims(claims.idToken, claims.userInfo);
  } catch (error) {
    return refuse(organizationId, 'token_rejected', { error: describeOidcFailure(error) });
  }
  if (!identity) return refuse(organizationId, 'identity_incomplete');
  const found = identity;

  const signedIn = inOrganization(db, organizationId, async (trx): Promise<SsoOutcome> => {
    const decision = await findOrLinkAccount(trx, organizationId, found);
    const audit = {
      organizationId,
      email: found.email,
      ...input.client,
      details: { issuer: found.issuer, subject: found.subject },
    };
    if (!decision.ok) {
      await recordAuthEvent(trx, {
        ...audit,
        type: 'sso_refused',
        subjectUserId: decision.userId ?? null,
        details: { ...audit.details, reason: decision.reason },
      });
      return { ok: false, code: REFUSAL_CODES[decision.reason], reason: decision.reason };
    }
    const { userId, identityId } = decision;
    if (decision.event !== 'sso_login') {
      await recordAuthEvent(trx, {
        ...audit,
        type: decision.event,
        actorUserId: userId,
        subjectUserId: userId,
      });
    }
    const user = await repository.findUserForSession(trx, userId);
    const session = await createSession(trx, {
      organizationId,
      userId,
      secondFactorPending: user.totpEnabled,
      absoluteHours: await repository.findSessionAbsoluteHours(trx, organizationId),
      client: input.client,
      now: input.now,
    });
    await repository.markSignedIn(trx, { identityId, userId }, input.now, user.totpEnabled);
    await recordAuthEvent(trx, {
      ...audit,
      type: 'sso_login',
      email: user.email,
      actorUserId: userId,
      subjectUserId: userId,
      details: { ...audit.details, method: 'sso', secondFactorPending: user.totpEnabled },
    });
    return { ok: true, token: session.token, secondFactorPending: user.totpEnabled, returnTo: flow.returnTo };
  });
  // Two first logins of one person at once: the loser's link or account insert hits a unique constraint.
  return signedIn.catch((error: unknown) => {
    if (describeConstraintViolation(error)?.kind !== 'unique') throw error;
    return refuse(organizationId, 'link_conflict');
  });
}

type AccountDecision =
  | { ok: true; userId: string; identityId: string; event: 'sso_login' | 'sso_linked' | 'sso_provisioned' }
  | { ok: false; reason: RefusalReason; userId?: string };

async function findOrLinkAccount(
  trx: Scoped,
  organizationId: string,
  identity: ProviderIdentity,
): Promise<AccountDecision> {
  const settings = await repository.findSettings(trx);
  if (!settings || !isIdentityAllowed(settings, identity)) return { ok: false, reason: 'issuer_not_allowed' };

  const linked = await repository.findLinkedUser(trx, identity.issuer, identity.subject);
  if (linked) {
    if (!linked.active) return { ok: false, reason: 'account_inactive', userId: linked.userId };
    return { ok: true, userId: linked.userId, identityId: linked.identityId, event: 'sso_login' };
  }
  if (await repository.findIdentityOrganization(trx, identity.issuer, identity.subject))
    return { ok: false, reason: 'identity_in_other_organization' };
  if (!identity.email || !identity.emailVerified) return { ok: false, reason: 'email_unverified' };

  const newIdentity = (userId: string) =>
    repository.insertIdentity(trx, {
      organizationId,
      userId,
      issuer: identity.issuer,
      subject: identity.subject,
      tenantId: identity.tenantId,
    });

  const existing = await repository.findUserByEmail(trx, identity.email);
  if (existing) {
    if (!settings.linkByEmailAllowed && !existing.ssoLinkAllowed)
      return { ok: false, reason: 'link_not_allowed', userId: existing.id };
    if (!existing.active) return { ok: false, reason: 'account_inactive', userId: existing.id };
    // A second subject from the same provider claiming a linked account's address is a takeover attempt.
    if (await repository.hasIdentityFromIssuer(trx, existing.id, identity.issuer)) {
      // …unless it is this very subject: a first login of the same person committed since the look-up above
      const linkedMeanwhile = await repository.findLinkedUser(trx, identity.issuer, identity.subject);
      if (linkedMeanwhile?.userId === existing.id)
        return { ok: true, userId: existing.id, identityId: linkedMeanwhile.identityId, event: 'sso_login' };
      return { ok: false, reason: 'already_linked', userId: existing.id };
    }
    const identityId = await newIdentity(existing.id);
    await repository.spendLinkAllowance(trx, existing.id);
    return { ok: true, userId: existing.id, identityId, event: 'sso_linked' };
  }

  if (!settings.provisioningEnabled) return { ok: false, reason: 'unknown_user' };
  const department = settings.provisioningDepartmentId;
  const userId = await repository.insertProvisionedUser(trx, {
    organizationId,
    name: identity.name ?? identity.email.split('@')[0] ?? identity.email,
    email: identity.email,
    role: settings.provisioningRole,
    departmentId: department && (await repository.departmentIsActive(trx, department)) ? department : null,
  });
  return { ok: true, userId, identityId: await newIdentity(userId), event: 'sso_provisioned' };
}
