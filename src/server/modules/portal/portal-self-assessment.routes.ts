import type { FastifyInstance } from 'fastify';
import { selfAssessmentPublicPath } from '../../../contract/self-assessment.ts';
import { publishedSelfAssessment } from '../self-assessment/index.ts';
import type { PortalHttp, PortalRouteOptions } from './http/portal-http.ts';
import { messagesFor } from './i18n/messages.ts';
import { selfAssessmentPage, simplePage } from './views/portal-pages.ts';

/**
 * Issue 26 (decision 050): the corporation's self-assessment of a year, on its own portal host, once the MT or an
 * administrator published it (opt-in). Not published, or no such year: the portal's "not found" page.
 */
export function registerSelfAssessmentRoutes(
  app: FastifyInstance,
  http: PortalHttp,
  options: PortalRouteOptions,
): void {
  app.get<{ Params: { year: string } }>(
    selfAssessmentPublicPath(':year' as unknown as number),
    { schema: { hide: true } },
    async (request, reply) => {
      const ctx = await http.context(request);
      const year = /^\d{4}$/.test(request.params.year) ? Number(request.params.year) : null;
      const document =
        year === null ? null : await publishedSelfAssessment(options.db, ctx.organizationId, year);
      if (document === null) {
        const t = messagesFor('nl');
        return http.send(
          reply,
          404,
          simplePage(ctx, 'nl', http.assets, {
            title: t.notFoundTitle,
            lines: [t.notFoundText],
            withHomeLink: true,
          }),
        );
      }
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(selfAssessmentPage(ctx, http.assets, document));
    },
  );
}
