import * as oidc from 'openid-client';
import type { OidcConfig } from '../../../config.ts';
import type { Claims } from './provider-identity.ts';

export const SSO_CALLBACK_PATH = '/api/auth/sso/callback';
const SCOPE = 'openid email profile';
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export type OidcClient = {
  issuer: string;
  redirectUri: string;
  authorizationUrl(checks: { state: string; nonce: string; codeVerifier: string }): Promise<URL>;
  /** Validates the provider's redirect (state, iss) and redeems the code (PKCE, nonce); throws when anything is off. */
  redeem(
    callbackSearch: string,
    checks: { state: string; nonce: string; codeVerifier: string },
  ): Promise<{ idToken: Claims; userInfo: Claims }>;
};

/** The provider's failure in a form safe to log and audit: error codes only, never tokens or claims. */
export function describeOidcFailure(error: unknown): string {
  const e = error as { name?: unknown; code?: unknown; error?: unknown };
  return [e?.name, e?.code, e?.error].filter((part) => typeof part === 'string').join(':') || 'unknown';
}

/**
 * One OpenID Connect relying party per installation (openid-client). Discovery runs on first use and is
 * cached; a failed discovery is retried on the next sign-in. Plain http is accepted for a provider on this
 * machine only (config refuses it otherwise).
 */
export function createOidcClient(config: OidcConfig, publicUrl: string): OidcClient {
  const redirectUri = new URL(SSO_CALLBACK_PATH, publicUrl).href;
  const insecure = LOOPBACK_HOSTS.has(new URL(config.issuer).hostname);
  let discovered: Promise<oidc.Configuration> | null = null;
  const configuration = () => {
    discovered ??= oidc
      .discovery(
        new URL(config.issuer),
        config.clientId,
        undefined,
        config.clientSecret ? oidc.ClientSecretBasic(config.clientSecret) : oidc.None(),
        { execute: insecure ? [oidc.allowInsecureRequests] : [], timeout: 10 },
      )
      .catch((error: unknown) => {
        discovered = null;
        throw error;
      });
    return discovered;
  };

  return {
    issuer: config.issuer,
    redirectUri,
    async authorizationUrl(checks) {
      return oidc.buildAuthorizationUrl(await configuration(), {
        redirect_uri: redirectUri,
        response_type: 'code',
        scope: SCOPE,
        state: checks.state,
        nonce: checks.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
        code_challenge_method: 'S256',
      });
    },
    async redeem(callbackSearch, checks) {
      const settings = await configuration();
      const currentUrl = new URL(redirectUri);
      currentUrl.search = callbackSearch;
      const tokens = await oidc.authorizationCodeGrant(settings, currentUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims() as Claims | undefined;
      if (!idToken) throw new Error('no ID token');
      // Profile claims live in userinfo at providers that keep the ID token small.
      const needsUserInfo = typeof idToken.email !== 'string' && settings.serverMetadata().userinfo_endpoint;
      const userInfo =
        needsUserInfo && typeof idToken.sub === 'string'
          ? ((await oidc.fetchUserInfo(settings, tokens.access_token, idToken.sub)) as Claims)
          : {};
      return { idToken, userInfo };
    },
  };
}
