import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { liveness, readiness } from '../../../contract/health.ts';
import type { Database } from '../../db/database.ts';
import { checkReadiness } from './health.service.ts';

export const healthRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/health/live',
    {
      schema: { tags: ['health'], summary: 'The process is up', response: { 200: liveness } },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/health/ready',
    {
      schema: {
        tags: ['health'],
        summary: 'The database is reachable and migrations are current',
        response: { 200: readiness, 503: readiness },
      },
    },
    async (_request, reply) => {
      const result = await checkReadiness(db);
      reply.header('cache-control', 'no-store');
      return reply.status(result.status === 'ready' ? 200 : 503).send(result);
    },
  );
};
