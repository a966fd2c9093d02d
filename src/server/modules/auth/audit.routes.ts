import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type AUTH_EVENT_TYPES, authEventPage, authEventQuery } from '../../../contract/audit.ts';
import { addCalendarDays, toInstant } from '../../../domain/index.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization } from '../../db/tenant-scope.ts';
import { requireOrganizationPermission } from '../../http/principal.ts';
import { listAuthEvents } from './auth-event.repository.ts';

/** A day on the Dutch calendar; its start in Europe/Amsterdam (from) or the start of the next day (until). */
const startOfDay = (date: string) => toInstant({ date, hour: 0, minute: 0, second: 0, millisecond: 0 });

export const auditRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/admin/auth-events',
    {
      schema: {
        tags: ['admin'],
        summary: 'Sign-in and account audit log (newest first)',
        description:
          'Logins, failed logins, lock-outs, role changes, token creation and use: who, when, from where.',
        querystring: authEventQuery,
        response: { 200: authEventPage },
      },
    },
    async (request) => {
      const staff = requireOrganizationPermission(request, 'admin.view_audit_log');
      const q = request.query;
      const rows = await inOrganization(db, staff.organizationId, (trx) =>
        listAuthEvents(trx, {
          limit: q.limit,
          ...(q.type ? { type: q.type } : {}),
          ...(q.userId ? { userId: q.userId } : {}),
          ...(q.from ? { from: startOfDay(q.from) } : {}),
          ...(q.until ? { until: startOfDay(addCalendarDays(q.until, 1)) } : {}),
          ...(q.before ? { beforeId: q.before } : {}),
        }),
      );
      const items = rows.map((row) => ({
        ...row,
        type: row.type as (typeof AUTH_EVENT_TYPES)[number],
        occurredAt: row.occurredAt.toISOString(),
      }));
      return { items, nextBefore: items.length === q.limit ? (items.at(-1)?.id ?? null) : null };
    },
  );
};
