import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answerPreview } from '../../../../contract/messages.ts';
import { TOKEN_SCOPES } from '../../../../domain/permissions.ts';
import type { Database } from '../../../db/database.ts';
import { requirePrincipal } from '../../../http/principal.ts';
import { previewAnswer } from '../answer-preview.service.ts';
import { answerLetter } from './answer-letter.service.ts';

export const answerRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/complaints/:id/answer-letter.pdf',
    {
      config: { tokenScopes: TOKEN_SCOPES },
      schema: {
        tags: ['complaints'],
        summary: 'The answer as a PDF letter (window envelope, for post)',
        description: 'Generated from the stored answer; 404 until the complaint is answered.',
        params: z.object({ id: z.uuid() }),
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const letter = await answerLetter(db, principal, request.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${letter.fileName}"`)
        .header('cache-control', 'no-store')
        .send(letter.pdf);
    },
  );

  app.post(
    '/api/complaints/:id/answer-preview',
    {
      config: { tokenScopes: TOKEN_SCOPES },
      schema: {
        tags: ['complaints'],
        summary: 'Preview the answer: its text in the letter and who receives it (cc included)',
        description:
          'Nothing is stored or sent. The cc (manager and management assistants, policy 2.3) is computed by the ' +
          'domain exactly as the answer step does; `delivery` is `post` when the complainant has no e-mail address.',
        params: z.object({ id: z.uuid() }),
        body: z.object({ text: z.string().trim().min(1).max(20_000) }),
        response: { 200: answerPreview },
      },
    },
    async (request) => previewAnswer(db, requirePrincipal(request), request.params.id, request.body.text),
  );
};
