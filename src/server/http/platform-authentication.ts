import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.ts';
import {
  authenticatePlatform,
  PLATFORM_SESSION_COOKIE,
  type PlatformPrincipal,
} from '../modules/platform/index.ts';
import { AppError } from './app-error.ts';
import { checkRequestOrigin } from './authentication.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in platform administrator on a `platform` route, else null. */
    platformAdmin: PlatformPrincipal | null;
  }
}

/** The platform administrator of a `platform: 'session'` route; the hook below guarantees one. */
export function requirePlatformAdmin(request: {
  platformAdmin: PlatformPrincipal | null;
}): PlatformPrincipal {
  if (!request.platformAdmin) throw new AppError('unauthenticated');
  return request.platformAdmin;
}

/**
 * Platform routes (decision 047) answer only on the platform host name: anywhere else they do not exist (404),
 * so a corporation's host name never offers the platform's sign-in. Then the platform session cookie, CSRF check.
 */
export function registerPlatformAuthentication(
  app: FastifyInstance,
  deps: { db: Database; publicUrl: string; platformHost: string | null },
) {
  app.decorateRequest('platformAdmin', null);
  app.addHook('onRequest', async (request) => {
    const mode = request.routeOptions.config?.platform;
    if (!mode) return;
    if (!deps.platformHost || request.hostname.toLowerCase() !== deps.platformHost)
      throw new AppError('route_not_found');
    if (request.headers.authorization)
      throw new AppError('forbidden', { detail: 'This endpoint is for platform administrator sessions.' });
    const cookie = request.cookies[PLATFORM_SESSION_COOKIE];
    if (cookie) request.platformAdmin = await authenticatePlatform(deps.db, cookie, new Date());
    checkRequestOrigin(request, deps.publicUrl, Boolean(cookie));
    if (mode === 'session' && !request.platformAdmin) throw new AppError('unauthenticated');
  });
}
