import type { FastifyInstance } from 'fastify';
import { SELF_ASSESSMENT_LOCALES, selfAssessmentPublicPath } from '../../../contract/self-assessment.ts';
import { publishedSelfAssessment } from '../self-assessment/index.ts';
import type { PortalHttp, PortalRouteOptions } from './http/portal-http.ts';
import { messagesFor } from './i18n/messages.ts';
import { selfAssessmentPage, simplePage } from './views/portal-pages.ts';

/**
 * Issue 26 (decision 050, 054): the corporation's self-assessment of a year, on its own portal host, once the MT or
 * an administrator published it (opt-in), in Dutch and in English. Not published, or no such year: the portal's
 * "not found" page in the page's language.
 */
export function registerSelfAssessmentRoutes(
  app: FastifyInstance,
  http: PortalHttp,
  options: PortalRouteOptions,
): void {
  for (const locale of SELF_ASSESSMENT_LOCALES)
    app.get<{ Params: { year: string } }>(
      selfAssessmentPublicPath(':year', locale),
      { schema: { hide: true } },
      async (request, reply) => {
        const ctx = await http.context(request);
        const year = /^\d{4}$/.test(request.params.year) ? Number(request.params.year) : null;
        const document =
          year === null ? null : await publishedSelfAssessment(options.db, ctx.organizationId, year);
        if (document === null) {
          const t = messagesFor(locale);
          return http.send(
            reply,
            404,
            simplePage(ctx, locale, http.assets, {
              title: t.notFoundTitle,
              lines: [t.notFoundText],
              withHomeLink: true,
            }),
          );
        }
        return reply
          .type('text/html; charset=utf-8')
          .header('cache-control', 'no-cache')
          .send(selfAssessmentPage(ctx, http.assets, document, locale));
      },
    );
}
