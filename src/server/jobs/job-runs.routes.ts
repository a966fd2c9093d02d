import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { inOrganization } from '../db/tenant-scope.ts';
import { requireOrganizationPermission } from '../http/principal.ts';

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
      const rows = await inOrganization(db, staff.organizationId, (trx) => {
        let query = trx.selectFrom('job_run').selectAll();
        if (request.query.failedOnly === 'true') query = query.where('outcome', '=', 'failed');
        return query.orderBy('started_at', 'desc').limit(200).execute();
      });
      return rows.map((r) => ({
        id: r.id,
        job: r.job,
        startedAt: r.started_at.toISOString(),
        finishedAt: r.finished_at.toISOString(),
        outcome: r.outcome,
        result: r.result,
        error: r.error,
      }));
    },
  );
};
