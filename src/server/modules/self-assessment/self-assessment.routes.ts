import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem } from '../../../contract/problem.ts';
import {
  selfAssessment,
  selfAssessmentPdfQuery,
  selfAssessmentPublication,
  selfAssessmentSlot,
  selfAssessmentYear,
} from '../../../contract/self-assessment.ts';
import { serverNow } from '../../clock.ts';
import type { Database } from '../../db/database.ts';
import { requireOrganizationPermission } from '../../http/principal.ts';
import { contentDisposition } from '../attachments/index.ts';
import { renderSelfAssessmentPdf } from './exports/self-assessment-pdf.ts';
import {
  generateSelfAssessment,
  getSelfAssessment,
  getSelfAssessmentSlot,
  publishSelfAssessment,
} from './self-assessment.service.ts';

// Issue 26 (decision 050): the annual self-assessment for the MT, the board and administrators (the same people
// who record the MT's review, `mt_review.manage`): make it, read it, publish or withdraw it, print it.

const tags = ['reports'];
const PERMISSION = 'mt_review.manage' as const;

export const selfAssessmentRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/self-assessments/:year',
    {
      schema: {
        tags,
        summary: 'The stored self-assessment of a year (`assessment: null` before it was made)',
        params: selfAssessmentYear,
        response: { 200: selfAssessmentSlot, 400: problem, 403: problem },
      },
    },
    async (request) =>
      getSelfAssessmentSlot(db, requireOrganizationPermission(request, PERMISSION), request.params.year),
  );

  app.post(
    '/api/self-assessments/:year',
    {
      schema: {
        tags,
        summary: 'Make (or make again) the self-assessment of a year from its data; withdraws a publication',
        params: selfAssessmentYear,
        response: { 200: selfAssessment, 400: problem, 403: problem },
      },
    },
    async (request) =>
      generateSelfAssessment(
        db,
        requireOrganizationPermission(request, PERMISSION),
        request.params.year,
        serverNow(),
      ),
  );

  app.put(
    '/api/self-assessments/:year/publication',
    {
      schema: {
        tags,
        summary: 'Publish the self-assessment on the portal for tenants (opt-in), or withdraw it',
        params: selfAssessmentYear,
        body: selfAssessmentPublication,
        response: { 200: selfAssessment, 400: problem, 403: problem, 404: problem },
      },
    },
    async (request) =>
      publishSelfAssessment(
        db,
        requireOrganizationPermission(request, PERMISSION),
        request.params.year,
        request.body.published,
        serverNow(),
      ),
  );

  app.get(
    '/api/self-assessments/:year/pdf',
    {
      schema: {
        tags,
        summary: 'The stored self-assessment of a year as PDF, in Dutch or (`?lang=en`) English',
        params: selfAssessmentYear,
        querystring: selfAssessmentPdfQuery,
        response: {
          200: {
            description: 'The PDF (a download)',
            content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } },
          },
          400: problem,
          403: problem,
          404: problem,
        },
      },
    },
    async (request, reply) => {
      const { document } = await getSelfAssessment(
        db,
        requireOrganizationPermission(request, PERMISSION),
        request.params.year,
      );
      const { lang } = request.query;
      const pdf = await renderSelfAssessmentPdf(document, lang);
      const file =
        lang === 'en' ? `self-assessment-${document.year}.pdf` : `zelfevaluatie-${document.year}.pdf`;
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(file))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(pdf as unknown as string);
    },
  );
};
