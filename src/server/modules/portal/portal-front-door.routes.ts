import type { FastifyInstance } from 'fastify';
import { LOCALE_LIST, type PortalHttp } from './http/portal-http.ts';
import { frontDoorPath } from './http/portal-paths.ts';
import { LOCALES } from './i18n/messages.ts';
import { frontDoorPage } from './views/portal-pages.ts';

// Search engines may index the front door, the form and the code page; never a private status link
// (its token is in the path), the API, or the staff app (everything else). The longest matching rule
// wins (RFC 9309), so `Disallow: /klacht/status/` beats `Allow: /klacht`.
const ROBOTS_TXT = [
  'User-agent: *',
  'Allow: /$',
  ...LOCALE_LIST.flatMap((locale) => {
    const home = LOCALES[locale].home;
    const base = LOCALES[locale].base;
    return [
      ...(home === '/' ? [] : [`Allow: ${home}$`]),
      `Allow: ${base}$`,
      `Allow: ${base}/status$`,
      `Disallow: ${base}/status/`,
    ];
  }),
  'Allow: /portal-assets/',
  'Disallow: /api/',
  'Disallow: /',
  '',
].join('\n');

/** Issue 21: the front door (`/`, `/en`) and the robots.txt that keeps private pages out of search engines. */
export function registerFrontDoorRoutes(app: FastifyInstance, http: PortalHttp): void {
  const { assets, context } = http;
  for (const locale of LOCALE_LIST) {
    app.get(frontDoorPath(locale), { schema: { hide: true } }, async (request, reply) => {
      const ctx = await context(request);
      // Nothing private and no form token on it: a browser may keep it, as long as it asks first.
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(frontDoorPage(ctx, locale, assets));
    });
  }
  app.get('/robots.txt', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=3600').send(ROBOTS_TXT),
  );
}
