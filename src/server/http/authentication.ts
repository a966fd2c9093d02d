import fastifyCookie from '@fastify/cookie';
import type { FastifyContextConfig, FastifyInstance, FastifyRequest } from 'fastify';
import type { TokenScope } from '../../domain/permissions.ts';
import type { Database } from '../db/database.ts';
import {
  authenticateApiToken,
  authenticateSession,
  SESSION_COOKIE,
} from '../modules/auth/session.service.ts';
import { AppError } from './app-error.ts';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without signing in. Every other /api route refuses anonymous callers before validation. */
    public?: boolean;
    /**
     * Integration tokens (`Authorization: Bearer`) with one of these scopes may call this route; omitted:
     * staff sessions only. Enforced here before validation, read by `requirePrincipal` and documented per
     * operation in the OpenAPI document, so the document says what the server does.
     */
    tokenScopes?: readonly TokenScope[];
    /**
     * Platform administration (decision 047), only on PLATFORM_HOST: `session` needs a platform administrator's
     * session (`request.platformAdmin`), `public` does not (sign-in, password link). Such routes are `public` to the
     * staff check above.
     */
    platform?: 'session' | 'public';
  }
}

/** Whether a route refuses anonymous callers: every /api route except the docs and those marked public. */
export function routeRequiresSignIn(
  url: string | undefined,
  config: FastifyContextConfig | undefined,
): boolean {
  return Boolean(url?.startsWith('/api/') && !url.startsWith('/api/docs') && !config?.public);
}

export function clientInfo(request: FastifyRequest) {
  const userAgent = request.headers['user-agent'];
  return { ip: request.ip ?? null, userAgent: typeof userAgent === 'string' ? userAgent : null };
}

export function sessionCookieOptions(publicUrl: string) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: publicUrl.startsWith('https:') };
}

/**
 * Cross-site request forgery: a write must come from our own pages. Browsers say where a request comes from
 * (Sec-Fetch-Site, Origin); a cookie-authenticated write that says nothing is refused too.
 */
export function checkRequestOrigin(
  request: FastifyRequest,
  publicUrl: string,
  cookieAuthenticated: boolean,
): void {
  if (!UNSAFE_METHODS.has(request.method)) return;
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') throw new AppError('csrf_rejected');
  const origin = request.headers.origin;
  if (origin) {
    const allowed = new Set([new URL(publicUrl).origin, `${request.protocol}://${request.host}`]);
    if (!allowed.has(origin)) throw new AppError('csrf_rejected');
    return;
  }
  if (cookieAuthenticated && fetchSite !== 'same-origin' && fetchSite !== 'none')
    throw new AppError('csrf_rejected');
}

/** Resolves who is calling (session cookie or bearer token) for every API request, then checks CSRF. */
export async function registerAuthentication(
  app: FastifyInstance,
  deps: { db: Database; publicUrl: string },
) {
  await app.register(fastifyCookie);
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return;
    const authorization = request.headers.authorization;
    const now = new Date();
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const principal = match?.[1]
        ? await authenticateApiToken(deps.db, match[1], clientInfo(request), now)
        : null;
      if (!principal)
        throw new AppError('unauthenticated', { detail: 'The bearer token is unknown, revoked or expired.' });
      request.principal = { ...principal, origin: clientInfo(request) };
      // A token reaches only the routes that name its scope (the route's `tokenScopes`).
      const { config } = request.routeOptions;
      if (routeRequiresSignIn(request.routeOptions.url, config)) {
        if (!config.tokenScopes)
          throw new AppError('forbidden', { detail: 'This endpoint is for staff sessions.' });
        if (!config.tokenScopes.includes(principal.scope)) throw new AppError('token_scope_insufficient');
      }
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) {
      const session = await authenticateSession(deps.db, cookie, now);
      request.principal = session && { ...session, origin: clientInfo(request) };
    }
    checkRequestOrigin(request, deps.publicUrl, Boolean(cookie));
    // Secure by default: an /api route is for signed-in callers unless it says `config: { public: true }`,
    // so a forgotten check cannot expose data and anonymous callers learn nothing from validation errors.
    if (!request.principal && routeRequiresSignIn(request.routeOptions.url, request.routeOptions.config)) {
      throw new AppError('unauthenticated');
    }
  });
}
