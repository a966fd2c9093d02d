import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { requireOrganizationPermission } from '../http/principal.ts';
import { listJobRuns } from './job-runs.service.ts';

const jobRun = z
  .object({
    id: z.number().int(),
    job: z.string(),
    startedAt: z.string(),
    finishedAt: z.string(),
    outcome: z.enum(['done', 'failed']),
    result: z.unknown(),
    error: z.string().nullable(),
  })
  .meta({ id: 'JobRun' });

export const jobRunRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/admin/job-runs',
    {
      schema: {
        tags: ['admin'],
        summary: 'Recent runs of the scheduled jobs (reminders, digests, retention …), failures first',
        description: 'A failed run is retried with backoff (30 s doubling up to 15 min, 5 times).',
        querystring: z.object({ failedOnly: z.enum(['true', 'false']).optional() }),
        response: { 200: z.array(jobRun) },
      },
    },
    async (request) => {
      const staff = requireOrganizationPermission(request, 'admin.view_audit_log');
      return listJobRuns(db, staff, { failedOnly: request.query.failedOnly === 'true' });
    },
  );
};
