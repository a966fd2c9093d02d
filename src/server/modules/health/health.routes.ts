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
        summary: 'Ready to serve (200 ready or degraded), or down (503)',
        description:
          '503 `down`: the database does not answer or migrations are pending — take this instance out of the pool ' +
          '(while it shuts down every request gets 503 and new connections are refused). 200 `degraded`: it serves, ' +
          'but the job runner is not running anywhere or is behind, or outgoing mail waits or fails — alert, keep ' +
          'sending. Installation-wide counts only, no organisation data.',
        response: { 200: readiness, 503: readiness },
      },
    },
    async (_request, reply) => {
      const result = await checkReadiness(db);
      reply.header('cache-control', 'no-store');
      return reply.status(result.status === 'down' ? 503 : 200).send(result);
    },
  );
};
