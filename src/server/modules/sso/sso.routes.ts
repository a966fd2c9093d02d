import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ErrorCode } from '../../../contract/errors.ts';
import { ssoAvailability, ssoCallbackQuery, ssoStartQuery } from '../../../contract/sso.ts';
import type { Database } from '../../db/database.ts';
import { clientInfo, sessionCookieOptions } from '../../http/authentication.ts';
import { SESSION_COOKIE } from '../auth/index.ts';
import { resolveOrganizationForHost } from '../organization/index.ts';
import { describeOidcFailure, type OidcClient, SSO_CALLBACK_PATH } from './oidc/oidc-client.ts';
import { ssoAdminRoutes } from './sso-admin.routes.ts';
import { completeSsoLogin, startSsoLogin } from './sso-login.service.ts';
import { isSsoEnabled } from './sso-settings.service.ts';

const FLOW_COOKIE = 'gehoord_sso_flow';
const LOGIN_PAGE = '/inloggen';
const redirect = z.null().describe('Redirect (Location header)');

export const ssoRoutes: FastifyPluginAsyncZod<{
  db: Database;
  client: OidcClient | null;
  publicUrl: string;
  loginRateLimitPerMinute: number;
}> = async (app, { db, client, publicUrl, loginRateLimitPerMinute }) => {
  const rateLimit = { max: loginRateLimitPerMinute, timeWindow: '1 minute' };
  const sessionCookie = sessionCookieOptions(publicUrl);
  // Only the callback needs the flow cookie; SameSite=Lax still sends it on the provider's top-level redirect.
  const flowCookie = { ...sessionCookie, path: SSO_CALLBACK_PATH };
  const goTo = (reply: FastifyReply, location: string) =>
    reply.header('cache-control', 'no-store').redirect(location, 302);
  const refuse = (reply: FastifyReply, code: ErrorCode) =>
    goTo(reply, `${LOGIN_PAGE}?${new URLSearchParams({ fout: code })}`);

  app.get(
    '/api/auth/sso',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Whether single sign-on is offered here (for the login screen)',
        response: { 200: ssoAvailability },
      },
    },
    async (request) => {
      const organizationId = await resolveOrganizationForHost(db, request.hostname);
      const enabled = await isSsoEnabled(db, client, organizationId);
      return { enabled, startUrl: enabled ? '/api/auth/sso/start' : null };
    },
  );

  app.get(
    '/api/auth/sso/start',
    {
      config: { public: true, rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Start signing in through the organisation’s identity provider (OpenID Connect)',
        description:
          'A browser navigation, not an API call: redirects (302) to the provider with state, nonce and a PKCE ' +
          'challenge (authorization code flow). State, nonce and verifier stay on the server; the browser gets a ' +
          'short-lived HttpOnly cookie that ties the provider’s answer to this browser. When single sign-on is off ' +
          'here, redirects to `/inloggen?fout=sso_not_configured`; when the provider cannot be reached, to ' +
          '`/inloggen?fout=sso_unavailable`.',
        querystring: ssoStartQuery,
        response: { 302: redirect },
      },
    },
    async (request, reply) => {
      const organizationId = await resolveOrganizationForHost(db, request.hostname);
      if (!client || !(await isSsoEnabled(db, client, organizationId)))
        return refuse(reply, 'sso_not_configured');
      let started: Awaited<ReturnType<typeof startSsoLogin>>;
      try {
        started = await startSsoLogin(db, client, {
          organizationId,
          returnTo: request.query.returnTo ?? '/',
          now: new Date(),
        });
      } catch (error) {
        request.log.warn({ failure: describeOidcFailure(error) }, 'single sign-on provider unavailable');
        return refuse(reply, 'sso_unavailable');
      }
      reply.setCookie(FLOW_COOKIE, started.flowToken, { ...flowCookie, maxAge: started.maxAgeSeconds });
      return goTo(reply, started.redirectUrl);
    },
  );

  app.get(
    '/api/auth/sso/callback',
    {
      config: { public: true, rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Where the identity provider sends the browser back (redirect URI)',
        description:
          'Redeems the authorization code (state, PKCE verifier and nonce must match the flow this browser ' +
          'started) and finds the account by the provider’s stable subject (Entra ID: tenant id + object id), ' +
          'never by e-mail alone. A first login links to the account with the same verified e-mail address only ' +
          'when an administrator allowed it, or creates an account when provisioning is on. On success sets the ' +
          'same session cookie as a password sign-in and redirects to the page asked for (or to ' +
          '`/inloggen?stap=code` when two-step verification is on); otherwise redirects to `/inloggen?fout=<code>` ' +
          'with `sso_unknown_user`, `sso_not_allowed`, `sso_account_inactive` or `sso_failed`.',
        querystring: ssoCallbackQuery,
        response: { 302: redirect },
      },
    },
    async (request, reply) => {
      reply.clearCookie(FLOW_COOKIE, flowCookie);
      if (!client) return refuse(reply, 'sso_not_configured');
      const queryStart = request.url.indexOf('?');
      const outcome = await completeSsoLogin(db, client, {
        flowToken: request.cookies[FLOW_COOKIE],
        hostOrganizationId: await resolveOrganizationForHost(db, request.hostname),
        search: queryStart >= 0 ? request.url.slice(queryStart) : '',
        providerError: request.query.error,
        client: clientInfo(request),
        now: new Date(),
      });
      if (!outcome.ok) {
        request.log.info({ reason: outcome.reason }, 'single sign-on refused');
        return refuse(reply, outcome.code);
      }
      reply.setCookie(SESSION_COOKIE, outcome.token, sessionCookie);
      return goTo(reply, outcome.secondFactorPending ? `${LOGIN_PAGE}?stap=code` : outcome.returnTo);
    },
  );

  await app.register(ssoAdminRoutes, { db, client });
};
