import type { FastifyReply, FastifyRequest } from 'fastify';
import { tenantLocaleOfPath } from '../../../../domain/tenant-locales.ts';
import type { Database } from '../../../db/database.ts';
import { portalAssetUrls } from '../assets/portal-assets.ts';
import { loadPortalContext } from '../http/portal-context.ts';
import { messagesFor, type PortalLocale } from '../i18n/messages.ts';
import { simplePage } from './portal-pages.ts';

const localeOfPath = (pathname: string): PortalLocale => tenantLocaleOfPath(pathname);

/**
 * The public "page not found": a real 404 in the portal's look with the way back to the front door, for
 * every browser address that is neither the API nor the staff app (decision 026).
 */
export function portalNotFoundPage(options: { db: Database; publicUrl: string }) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const locale = localeOfPath(request.url.split('?')[0] ?? '/');
    const t = messagesFor(locale);
    const context = await loadPortalContext(options.db, request, options.publicUrl).catch(() => null);
    // The logo's host is allowed by the portal pages' own CSP only; this page is served outside them.
    const plain = context ? { ...context, branding: { ...context.branding, logoUrl: null } } : null;
    const page = simplePage(plain, locale, portalAssetUrls(), {
      title: t.notFoundTitle,
      lines: [t.notFoundText],
      withHomeLink: true,
    });
    return reply.code(404).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page);
  };
}
