import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AUTH_EVENT_TYPES } from '../../../contract/auth.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization } from '../../db/tenant-scope.ts';
import { requireOrganizationPermission } from '../../http/principal.ts';
import { listAuthEvents } from './auth-event.repository.ts';

const authEvent = z
  .object({
    id: z.number().int(),
    occurredAt: z.iso.datetime(),
    type: z.enum(AUTH_EVENT_TYPES),
    actorUserId: z.uuid().nullable(),
    actorName: z.string().nullable(),
    subjectUserId: z.uuid().nullable(),
    subjectName: z.string().nullable(),
    apiTokenId: z.uuid().nullable(),
    apiTokenName: z.string().nullable(),
    email: z.string().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuthEvent' });

const query = z.object({
  type: z.enum(AUTH_EVENT_TYPES).optional(),
  userId: z.uuid().optional(),
  before: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe('Cursor: the id of the last event of the previous page'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const auditRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/admin/auth-events',
    {
      schema: {
        tags: ['admin'],
        summary: 'Sign-in and account audit log (newest first)',
        description:
          'Logins, failed logins, lock-outs, role changes, token creation and use: who, when, from where.',
        querystring: query,
        response: { 200: z.object({ items: z.array(authEvent), nextBefore: z.number().int().nullable() }) },
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
