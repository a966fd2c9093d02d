import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import Provider, { type AccountClaims } from 'oidc-provider';
import { afterAll, expect } from 'vitest';
import type { OidcConfig } from '../../src/server/config.ts';
import { findFreePort } from './server-process.ts';

/** Where createTestApp's PUBLIC_URL sends the provider's answer back to. */
export const TEST_REDIRECT_URI = 'http://localhost:3000/api/auth/sso/callback';

export type TestProvider = {
  issuer: string;
  /** What the app needs to use this provider (the OIDC_* settings). */
  config: OidcConfig;
  /** People who can sign in at the provider: account id → claims (sub is the account id unless given). */
  accounts: Map<string, Omit<AccountClaims, 'sub'> & { sub?: string }>;
};

/**
 * A real OpenID provider (oidc-provider) on a free loopback port, with one confidential client for Gehoord.
 * The login/consent interaction is ours and minimal: the "browser" names the account to sign in as in the
 * interaction URL (`?login=<account id>`, none = the person cancels), the way a person would type it.
 */
export async function startTestProvider(options: { idTokenHasProfileClaims?: boolean } = {}) {
  const port = await findFreePort();
  const issuer = `http://127.0.0.1:${port}`;
  const clientSecret = randomBytes(24).toString('base64url');
  const accounts: TestProvider['accounts'] = new Map();
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'gehoord',
        client_secret: clientSecret,
        redirect_uris: [TEST_REDIRECT_URI],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    // Gehoord must always send a PKCE challenge, confidential client or not.
    pkce: { required: () => true },
    claims: {
      openid: ['sub', 'tid', 'oid'],
      email: ['email', 'email_verified', 'xms_edov'],
      profile: ['name'],
    },
    // Entra ID puts tid/oid/e-mail in the ID token; other providers keep profile claims for userinfo only.
    conformIdTokenClaims: !(options.idTokenHasProfileClaims ?? true),
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx: unknown, id: string) => {
      const claims = accounts.get(id);
      if (!claims) return undefined;
      return { accountId: id, claims: async () => ({ ...claims, sub: claims.sub ?? id }) };
    },
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    ttl: {
      AuthorizationCode: 60,
      IdToken: 600,
      AccessToken: 600,
      Grant: 600,
      Interaction: 600,
      Session: 600,
    },
  });
  const handleProtocol = provider.callback();
  const server = createServer((req, res) => {
    if (!req.url?.startsWith('/interaction/')) return handleProtocol(req, res);
    void (async () => {
      const interaction = await provider.interactionDetails(req, res);
      const accountId = new URL(req.url ?? '/', issuer).searchParams.get('login');
      if (!accountId || !accounts.has(accountId)) {
        await provider.interactionFinished(
          req,
          res,
          { error: 'access_denied' },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      const grant = new provider.Grant({ accountId, clientId: String(interaction.params.client_id) });
      grant.addOIDCScope(String(interaction.params.scope));
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      );
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return {
    issuer,
    config: { issuer, clientId: 'gehoord', clientSecret },
    accounts,
  } satisfies TestProvider;
}

/** Step 1 in the browser: open Gehoord's start link; returns the flow cookie and the provider URL it redirects to. */
export async function beginSignIn(app: FastifyInstance, returnTo?: string) {
  const response = await app.inject({
    url: '/api/auth/sso/start',
    ...(returnTo ? { query: { returnTo } } : {}),
  });
  expect(response.statusCode, response.body).toBe(302);
  const location = String(response.headers.location);
  const setCookie = [response.headers['set-cookie'] ?? []].flat().join('; ');
  const flow = /gehoord_sso_flow=([^;]+)/.exec(setCookie);
  return { location, flowCookie: flow ? `gehoord_sso_flow=${flow[1]}` : null, setCookie };
}

/** Step 2: at the provider, sign in as `accountId` (null: cancel); follows its redirects to Gehoord's callback URL. */
export async function authorizeAtProvider(authorizeUrl: string, accountId: string | null): Promise<URL> {
  const jar = new Map<string, string>();
  let url = new URL(authorizeUrl);
  for (let hop = 0; hop < 10; hop++) {
    if (url.href.startsWith(TEST_REDIRECT_URI)) return url;
    if (url.pathname.startsWith('/interaction/') && accountId) url.searchParams.set('login', accountId);
    const response = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const separator = pair.indexOf('=');
      jar.set(pair.slice(0, separator), pair.slice(separator + 1));
    }
    const location = response.headers.get('location');
    if (!location)
      throw new Error(
        `provider stopped at ${url.pathname} with ${response.status}: ${await response.text()}`,
      );
    url = new URL(location, url);
  }
  throw new Error('too many redirects at the provider');
}

/** Step 3: the browser follows the provider's redirect back to Gehoord, with the flow cookie. */
export async function finishSignIn(
  app: FastifyInstance,
  callbackUrl: URL,
  flowCookie: string | null,
): Promise<LightMyRequestResponse> {
  return app.inject({
    url: `${callbackUrl.pathname}${callbackUrl.search}`,
    headers: flowCookie ? { cookie: flowCookie } : {},
  });
}

/** The whole journey: start, sign in at the provider as `accountId`, come back. */
export async function signInWithSso(app: FastifyInstance, accountId: string | null, returnTo?: string) {
  const started = await beginSignIn(app, returnTo);
  const callbackUrl = await authorizeAtProvider(started.location, accountId);
  return finishSignIn(app, callbackUrl, started.flowCookie);
}
