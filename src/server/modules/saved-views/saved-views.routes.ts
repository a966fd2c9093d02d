import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { savedView, savedViewInput, savedViewList, savedViewParams } from '../../../contract/work-queue.ts';
import type { Database } from '../../db/database.ts';
import { requireStaff } from '../../http/principal.ts';
import * as service from './saved-views.service.ts';

export const savedViewRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/saved-views',
    {
      schema: {
        tags: ['work queue'],
        summary: 'My saved work-queue views and those shared with my department',
        response: { 200: savedViewList },
      },
    },
    async (request) => service.listViews(db, requireStaff(request)),
  );

  app.post(
    '/api/saved-views',
    {
      schema: {
        tags: ['work queue'],
        summary: 'Save a work-queue view (the same name replaces it), optionally shared with my department',
        description: 'issue 22: a view is a name and the queue’s filter query string; no personal data.',
        body: savedViewInput,
        response: { 201: savedView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.saveView(db, requireStaff(request), request.body)),
  );

  app.delete(
    '/api/saved-views/:id',
    {
      schema: {
        tags: ['work queue'],
        summary: 'Delete one of my saved views',
        description:
          'Only the owner deletes a view (403 for a view shared with me, 404 for one I cannot see).',
        params: savedViewParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await service.deleteView(db, requireStaff(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
