import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createdWebhook,
  createWebhookInput,
  feedPage,
  feedQuery,
  updateWebhookInput,
  webhookDelivery,
  webhookEndpoint,
} from '../../../contract/integrations.ts';
import { TOKEN_SCOPES } from '../../../domain/index.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization, type Scoped } from '../../db/tenant-scope.ts';
import { AppError } from '../../http/app-error.ts';
import {
  requireOrganizationPermission,
  requirePrincipal,
  type StaffPrincipal,
} from '../../http/principal.ts';
import { recordAccesses } from '../access-log/index.ts';
import { recordAuthEvent } from '../auth/index.ts';
import { knownComplaintIds } from '../complaints/index.ts';
import { keepVisibleEvents } from './access/integration-visibility.ts';
import { type FeedCursor, readFeed } from './integration-event.repository.ts';
import { OutboundRefused, resolveSafeTarget } from './outbound/safe-outbound.ts';
import * as repository from './webhook.repository.ts';
import { webhookEnvelope } from './webhook-delivery.service.ts';

const tags = ['integrations'];
const idParams = z.object({ id: z.uuid() });

function toEndpoint(row: NonNullable<Awaited<ReturnType<typeof repository.findEndpoint>>>) {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    eventTypes: row.event_types as z.infer<typeof webhookEndpoint>['eventTypes'],
    allowPrivateNetwork: row.allow_private_network,
    active: row.active,
    disabledReason: row.disabled_reason,
    consecutiveFailures: row.consecutive_failures,
    createdAt: row.created_at.toISOString(),
  };
}

/** Refuses URLs that resolve to internal addresses unless the admin allowed private networks (SSRF). */
async function checkUrl(url: string, allowPrivateNetwork: boolean) {
  try {
    await resolveSafeTarget(new URL(url), allowPrivateNetwork);
  } catch (error) {
    if (error instanceof OutboundRefused) {
      throw new AppError('webhook_url_not_allowed', { detail: error.message });
    }
    throw error;
  }
}

/** Issue 22: an administrator's change to a webhook is in the audit log (ids and names, never the secret). */
function audit(
  trx: Scoped,
  staff: StaffPrincipal,
  type: 'webhook_created' | 'webhook_changed' | 'webhook_redelivered',
  details: Record<string, unknown>,
) {
  return recordAuthEvent(trx, {
    organizationId: staff.organizationId,
    type,
    actorUserId: staff.userId,
    ip: staff.origin?.ip ?? null,
    userAgent: staff.origin?.userAgent ?? null,
    details,
  });
}

function encodeCursor(cursor: FeedCursor): string {
  return Buffer.from(`${cursor.txid}:${cursor.id}`).toString('base64url');
}

function decodeCursor(text: string | undefined): FeedCursor | null {
  if (text === undefined) return null;
  const match = /^(\d{1,20}):(\d{1,19})$/.exec(Buffer.from(text, 'base64url').toString('utf8'));
  if (match === null) {
    throw new AppError('validation_failed', {
      fieldErrors: [
        {
          in: 'querystring',
          path: 'after',
          code: 'invalid_cursor',
          messages: { nl: 'Deze cursor is ongeldig.', en: 'This cursor is invalid.' },
        },
      ],
    });
  }
  return { txid: match[1] as string, id: Number(match[2]) };
}

export const integrationRoutes: FastifyPluginAsyncZod<{ db: Database; publicUrl: string }> = async (
  app,
  { db, publicUrl },
) => {
  const admin = (request: Parameters<typeof requireOrganizationPermission>[0]) =>
    requireOrganizationPermission(request, 'admin.manage_api_tokens');
  const scoped = <T>(organizationId: string, work: (trx: Scoped) => Promise<T>) =>
    inOrganization(db, organizationId, work);

  app.get(
    '/api/integrations/feed',
    {
      config: { tokenScopes: TOKEN_SCOPES },
      schema: {
        tags,
        summary: 'Incremental feed of complaint changes since a cursor (for systems that poll)',
        description:
          'Stable order, no gaps under concurrent writes: an event appears only once every transaction that began before it has finished. Same envelope as webhooks. Tokens with any scope; confidential complaints never appear, decided when the feed is read: events of a complaint that is confidential now are left out, also those from before it became confidential (a page may then hold fewer items than `limit`; keep following `nextCursor`). Every complaint a page carries is recorded in the access log (one entry per complaint).',
        querystring: feedQuery,
        response: { 200: feedPage },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      if (principal.kind === 'staff') admin(request);
      const after = decodeCursor(request.query.after);
      // Visibility is decided now, for older events too; the cursor still moves past what is left out
      const { rows, visible } = await scoped(principal.organizationId, async (trx) => {
        const page = await readFeed(trx, after, request.query.limit);
        const shown = await keepVisibleEvents(trx, principal, page);
        // issue 20: a feed page is a read of every complaint it carries (one entry each, one insert)
        const complaintIds = [
          ...new Set(shown.flatMap((e) => (e.complaint_id === null ? [] : [e.complaint_id]))),
        ];
        await recordAccesses(
          trx,
          principal,
          complaintIds.map((complaintId) => ({
            what: 'export' as const,
            complaintId,
            detail: { kind: 'change_feed' },
          })),
        );
        return { rows: page, visible: shown };
      });
      const last = rows.at(-1);
      return {
        items: visible.map(
          (row) => webhookEnvelope(row, publicUrl) as z.infer<typeof feedPage>['items'][number],
        ),
        nextCursor: last
          ? encodeCursor({ txid: last.txid, id: last.id })
          : (request.query.after ?? encodeCursor({ txid: '0', id: 0 })),
      };
    },
  );

  app.get(
    '/api/admin/webhooks',
    { schema: { tags, summary: 'Webhook endpoints', response: { 200: z.array(webhookEndpoint) } } },
    async (request) => {
      const staff = admin(request);
      return (await scoped(staff.organizationId, (trx) => repository.listEndpoints(trx))).map(toEndpoint);
    },
  );

  app.post(
    '/api/admin/webhooks',
    {
      schema: {
        tags,
        summary: 'Register a webhook endpoint (the signing secret is shown once)',
        description:
          'Deliveries are POSTs of an IntegrationEvent with `Gehoord-Event-Id`, `Gehoord-Event-Type` and `Gehoord-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, t + "." + body)>`; reject signatures older than 5 minutes.',
        body: createWebhookInput,
        response: { 201: createdWebhook },
      },
    },
    async (request, reply) => {
      const staff = admin(request);
      await checkUrl(request.body.url, request.body.allowPrivateNetwork);
      const secret = `whsec_${randomBytes(24).toString('base64url')}`;
      const endpoint = await scoped(staff.organizationId, async (trx) => {
        const id = await repository.insertEndpoint(trx, {
          organizationId: staff.organizationId,
          name: request.body.name,
          url: request.body.url,
          secret,
          eventTypes: [...new Set(request.body.eventTypes)],
          allowPrivateNetwork: request.body.allowPrivateNetwork,
          createdBy: staff.userId,
        });
        await audit(trx, staff, 'webhook_created', { webhookId: id, name: request.body.name });
        return repository.findEndpoint(trx, id);
      });
      if (endpoint === undefined) throw new AppError('not_found');
      return reply.status(201).send({ endpoint: toEndpoint(endpoint), secret });
    },
  );

  app.patch(
    '/api/admin/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Change, switch off or switch on again a webhook endpoint',
        params: idParams,
        body: updateWebhookInput,
        response: { 200: webhookEndpoint },
      },
    },
    async (request) => {
      const staff = admin(request);
      return scoped(staff.organizationId, async (trx) => {
        const current = await repository.findEndpoint(trx, request.params.id);
        if (current === undefined) throw new AppError('not_found');
        const body = request.body;
        if (body.url !== undefined || body.allowPrivateNetwork !== undefined) {
          await checkUrl(body.url ?? current.url, body.allowPrivateNetwork ?? current.allow_private_network);
        }
        await repository.updateEndpoint(trx, current.id, {
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.url !== undefined ? { url: body.url } : {}),
          ...(body.eventTypes !== undefined ? { event_types: [...new Set(body.eventTypes)] } : {}),
          ...(body.allowPrivateNetwork !== undefined
            ? { allow_private_network: body.allowPrivateNetwork }
            : {}),
          ...(body.active === true ? { active: true, disabled_reason: null, consecutive_failures: 0 } : {}),
          ...(body.active === false
            ? { active: false, disabled_reason: 'switched off by an administrator' }
            : {}),
        });
        await audit(trx, staff, 'webhook_changed', { webhookId: current.id, changed: Object.keys(body) });
        const updated = await repository.findEndpoint(trx, current.id);
        if (updated === undefined) throw new AppError('not_found');
        return toEndpoint(updated);
      });
    },
  );

  app.get(
    '/api/admin/webhooks/:id/deliveries',
    {
      schema: {
        tags,
        summary: 'Delivery log (newest first)',
        params: idParams,
        response: { 200: z.array(webhookDelivery) },
      },
    },
    async (request) => {
      const staff = admin(request);
      const { rows, showable } = await scoped(staff.organizationId, async (trx) => {
        if ((await repository.findEndpoint(trx, request.params.id)) === undefined)
          throw new AppError('not_found');
        const deliveries = await repository.listDeliveries(trx, request.params.id, 200);
        const ids = deliveries.flatMap((d) => (d.complaint_id === null ? [] : [d.complaint_id]));
        return { rows: deliveries, showable: await knownComplaintIds(trx, staff, ids) };
      });
      return rows.map((r) => ({
        id: r.id,
        eventId: r.event_id,
        type: r.type,
        // issue 20: a complaint the administrator may not see is not named
        complaintId: r.complaint_id !== null && showable.has(r.complaint_id) ? r.complaint_id : null,
        status: r.status,
        attempts: r.attempts,
        nextAttemptAt: r.next_attempt_at.toISOString(),
        lastStatusCode: r.last_status_code,
        lastError: r.last_error,
        deliveredAt: r.delivered_at?.toISOString() ?? null,
        createdAt: r.created_at.toISOString(),
      }));
    },
  );

  app.post(
    '/api/admin/webhooks/:id/deliveries/:deliveryId/redeliver',
    {
      schema: {
        tags,
        summary: 'Deliver one event again (manual redelivery)',
        params: z.object({ id: z.uuid(), deliveryId: z.coerce.number().int().positive() }),
        response: { 202: z.null() },
      },
    },
    async (request, reply) => {
      const staff = admin(request);
      const { id, deliveryId } = request.params;
      const found = await scoped(staff.organizationId, async (trx) => {
        if (!(await repository.resetDelivery(trx, id, deliveryId, new Date()))) return false;
        await audit(trx, staff, 'webhook_redelivered', { webhookId: id, deliveryId });
        return true;
      });
      if (!found) throw new AppError('not_found');
      return reply.status(202).send(null);
    },
  );
};
