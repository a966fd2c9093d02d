import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answerComposer, draftInput, savedDraft } from '../../../contract/messages.ts';
import type { Database } from '../../db/database.ts';
import { requireStaff } from '../../http/principal.ts';
import { discardAnswerDraft, openAnswerComposer, saveAnswerDraft } from './composer.service.ts';

const params = z.object({ id: z.uuid() });

// Issue 22: the answer composer. Staff only: a draft belongs to a person, an API token has none.
export const composerRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/complaints/:id/answer-composer',
    {
      schema: {
        tags: ['complaints'],
        summary: 'Start writing the answer: standard texts filled in for this complaint, and your own draft',
        description:
          "The standard texts have the assessment's verdict and any compensation the manager approved filled in; " +
          'they hold no salutation or sign-off (the answer template has those). Only your own draft is returned.',
        params,
        response: { 200: answerComposer },
      },
    },
    async (request) => openAnswerComposer(db, requireStaff(request), request.params.id),
  );

  app.put(
    '/api/complaints/:id/answer-draft',
    {
      schema: {
        tags: ['complaints'],
        summary: 'Keep the answer you are writing (a draft of your own, saved as you type)',
        description: 'Replaces your earlier draft of this answer. Sending the answer deletes it.',
        params,
        body: draftInput,
        response: { 200: savedDraft },
      },
    },
    async (request) => saveAnswerDraft(db, requireStaff(request), request.params.id, request.body),
  );

  app.delete(
    '/api/complaints/:id/answer-draft',
    {
      schema: {
        tags: ['complaints'],
        summary: 'Throw away your draft of the answer',
        params,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await discardAnswerDraft(db, requireStaff(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
