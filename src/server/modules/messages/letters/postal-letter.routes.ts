import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { letterPostedInput } from '../../../../contract/complaints.ts';
import { lettersToPost, progressLetterPosted } from '../../../../contract/messages.ts';
import { TOKEN_SCOPES } from '../../../../domain/permissions.ts';
import type { Database } from '../../../db/database.ts';
import { requirePrincipal, requireStaff } from '../../../http/principal.ts';
import { acknowledgementLetter } from './acknowledgement-letter.service.ts';
import {
  explanationLetter,
  lettersToPost as listLettersToPost,
  markProgressLetterPosted,
  progressLetter,
} from './postal-letters.service.ts';

export const postalLetterRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/letters/to-post',
    {
      schema: {
        tags: ['complaints'],
        summary: 'Letters to post ("te posten"): prepared explanations not yet posted',
        description: 'policy 2.5. Record the posting day with POST /api/complaints/{id}/letter-posted.',
        response: { 200: lettersToPost },
      },
    },
    async (request) => listLettersToPost(db, requireStaff(request)),
  );

  app.get(
    '/api/letters/:letterId/letter.pdf',
    {
      config: { tokenScopes: TOKEN_SCOPES },
      schema: {
        tags: ['complaints'],
        summary: 'A progress letter as a PDF (window envelope, for post)',
        description:
          'Issue 21: a step told to a complainant without e-mail (assigned, extended, committee, withdrawn, ' +
          'reopened, closed, referred). 404 for an unknown letter or one you may not see.',
        params: z.object({ letterId: z.uuid() }),
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const letter = await progressLetter(db, requirePrincipal(request), request.params.letterId);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${letter.fileName}"`)
        .header('cache-control', 'no-store')
        .send(letter.pdf);
    },
  );

  app.post(
    '/api/letters/:letterId/posted',
    {
      schema: {
        tags: ['complaints'],
        summary: 'Record the day a progress letter was posted',
        description:
          'Issue 21: the letter leaves the "te posten" list and the timeline records it. 409 ' +
          '`letter_already_posted` the second time; 403 for someone who may not post letters of this complaint.',
        params: z.object({ letterId: z.uuid() }),
        body: letterPostedInput,
        response: { 200: progressLetterPosted },
      },
    },
    async (request) =>
      markProgressLetterPosted(db, requireStaff(request), request.params.letterId, request.body.postedOn),
  );

  app.get(
    '/api/complaints/:id/explanation-letter.pdf',
    {
      config: { tokenScopes: TOKEN_SCOPES },
      schema: {
        tags: ['complaints'],
        summary: 'The prepared explanation as a PDF letter (window envelope, for post)',
        description: 'policy 2.5. 404 until an explanation letter was prepared (complainant without e-mail).',
        params: z.object({ id: z.uuid() }),
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const letter = await explanationLetter(db, requirePrincipal(request), request.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${letter.fileName}"`)
        .header('cache-control', 'no-store')
        .send(letter.pdf);
    },
  );

  app.get(
    '/api/complaints/:id/acknowledgement-letter.pdf',
    {
      schema: {
        tags: ['complaints'],
        summary:
          'The acknowledgement of receipt as a PDF letter, with a status code and QR code (window envelope)',
        description:
          'policy 2.1, issue 21: for complainants without e-mail. Every download prints a NEW private status code ' +
          'and QR code (codes are never stored in the clear; earlier letters keep working until the status links ' +
          'are revoked). Staff only (API tokens get 403). 422 `postal_address_missing` when no postal address is known.',
        params: z.object({ id: z.uuid() }),
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      // Staff only: the letter holds a code that lets its holder write as the complainant (decision 024)
      const letter = await acknowledgementLetter(db, requireStaff(request), request.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${letter.fileName}"`)
        .header('cache-control', 'no-store')
        .send(letter.pdf);
    },
  );
};
