import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { tenantLocaleOfPath } from '../../../../domain/tenant-locales.ts';
import type { PortalConfig } from '../../../config.ts';
import type { Database } from '../../../db/database.ts';
import { AppError } from '../../../http/app-error.ts';
import { isDatabaseUnavailable } from '../../../http/error-handler.ts';
import type { BlobStorage } from '../../../storage/blob-storage.ts';
import { resolveOrganizationForHost } from '../../organization/index.ts';
import { registerPortalAssets } from '../assets/portal-assets.ts';
import { LOCALE_LIST, messagesFor, type PortalLocale } from '../i18n/messages.ts';
import type { PortalSettingsRow } from '../portal.repository.ts';
import { simplePage } from '../views/portal-pages.ts';
import { loadPortalContext, type PortalContext, portalContextFrom } from './portal-context.ts';

export type PortalRouteOptions = {
  db: Database;
  publicUrl: string;
  limits: PortalConfig;
  /** Where photos and documents sent with the form are kept, and the limit of one file (issue 21). */
  storage: BlobStorage;
  attachmentMaxBytes: number;
};

export { LOCALE_LIST };

const localeOfUrl = (url: string): PortalLocale => tenantLocaleOfPath(url);

/**
 * What every portal page shares: the form-body parser, the assets, the corporation's context per request,
 * the portal's CSP, error pages instead of problem+json, and the same-origin check for posts. Registered
 * inside the portal's own (encapsulated) plugin, so none of it touches the API.
 */
export function setUpPortalHttp(app: FastifyInstance, options: PortalRouteOptions) {
  const { db, publicUrl } = options;
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 128 * 1024 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  const assets = registerPortalAssets(app);
  const logoOrigins = new WeakMap<FastifyRequest, string>();

  const remember = (request: FastifyRequest, loaded: PortalContext) => {
    if (loaded.branding.logoUrl) logoOrigins.set(request, new URL(loaded.branding.logoUrl).origin);
    return loaded;
  };
  const context = async (request: FastifyRequest) =>
    remember(request, await loadPortalContext(db, request, publicUrl));
  /** The corporation a request is for (by host name, cached), for a page that reads its settings itself. */
  const organizationOf = (request: FastifyRequest) => resolveOrganizationForHost(db, request.hostname);
  const contextFrom = (request: FastifyRequest, organizationId: string, settings: PortalSettingsRow) =>
    remember(request, portalContextFrom(request, organizationId, settings, publicUrl));
  const send = (reply: FastifyReply, status: number, page: string) =>
    reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page);
  const invalidLink = (reply: FastifyReply, ctx: PortalContext, locale: PortalLocale) => {
    const t = messagesFor(locale);
    return send(
      reply,
      404,
      simplePage(ctx, locale, assets, {
        title: t.invalidLinkTitle,
        lines: t.invalidLinkText,
        withFormLink: true,
      }),
    );
  };
  const rejected = (reply: FastifyReply, ctx: PortalContext | null, locale: PortalLocale, status = 400) => {
    const t = messagesFor(locale);
    return send(
      reply,
      status,
      simplePage(ctx, locale, assets, {
        title: t.rejectedTitle,
        lines: [t.rejectedText],
        withFormLink: true,
      }),
    );
  };

  // The portal's own CSP: scripts only from here, images also from the corporation's logo host.
  app.addHook('onSend', async (request, reply, payload) => {
    const logo = logoOrigins.get(request);
    reply.header(
      'content-security-policy',
      `default-src 'self'; script-src 'self'; img-src 'self' data:${logo ? ` ${logo}` : ''}; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'`,
    );
    return payload;
  });

  // Pages, not problem+json: a person reads these, in their language, with the corporation's look.
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const locale = localeOfUrl(request.url);
    const t = messagesFor(locale);
    // As on the API: the database being away is a 503 the browser may retry, not a 500 (and no context to load)
    // Load shedding answers the same way, and before anything touches the database (that is its point).
    const shed = error instanceof AppError && error.code === 'service_unavailable';
    if (shed || isDatabaseUnavailable(error)) {
      if (!shed)
        request.log.warn({ err: { code: (error as { code?: string }).code } }, 'database unavailable');
      const headers = shed ? (error.headers ?? {}) : {};
      reply.header('retry-after', headers['retry-after'] ?? '5');
      return send(reply, 503, simplePage(null, locale, assets, { title: t.busyTitle, lines: [t.busyText] }));
    }
    const ctx = await context(request).catch(() => null);
    if (error instanceof AppError && error.code === 'rate_limited') {
      for (const [name, value] of Object.entries(error.headers ?? {})) reply.header(name, value);
      return send(
        reply,
        429,
        simplePage(ctx, locale, assets, { title: t.rateLimitedTitle, lines: [t.rateLimitedText] }),
      );
    }
    if (error instanceof AppError && error.code === 'organization_not_found')
      return send(reply, 404, simplePage(null, locale, assets, { title: t.notFoundTitle, lines: [] }));
    const status = error instanceof AppError ? error.status : (error.statusCode ?? 500);
    if (status >= 400 && status < 500) return rejected(reply, ctx, locale, status === 413 ? 413 : 400);
    request.log.error({ err: error }, 'portal page failed');
    return send(reply, 500, simplePage(ctx, locale, assets, { title: t.errorTitle, lines: [t.errorText] }));
  });

  // A form post must come from our own pages (the browser says so); anything else is refused.
  const sameOrigin = async (request: FastifyRequest, reply: FastifyReply) => {
    const site = request.headers['sec-fetch-site'];
    const origin = request.headers.origin;
    const allowed = new Set([new URL(publicUrl).origin, `${request.protocol}://${request.host}`]);
    // With `Referrer-Policy: no-referrer` a browser sends `Origin: null` for its own form posts.
    const foreignOrigin = origin !== undefined && origin !== 'null' && !allowed.has(origin);
    if (site === 'cross-site' || site === 'same-site' || foreignOrigin)
      return rejected(reply, null, localeOfUrl(request.url), 403);
  };

  return { assets, context, organizationOf, contextFrom, send, invalidLink, rejected, sameOrigin };
}

export type PortalHttp = ReturnType<typeof setUpPortalHttp>;
