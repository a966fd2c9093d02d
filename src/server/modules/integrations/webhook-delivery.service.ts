import type { Database } from '../../db/database.ts';
import { insertNotifications, listActiveUserIdsWithRole } from '../notifications/index.ts';
import { keepVisibleEvents } from './access/integration-visibility.ts';
import { OutboundRefused, postSafely } from './outbound/safe-outbound.ts';
import { signWebhook } from './outbound/webhook-signature.ts';
import * as repository from './webhook.repository.ts';

export const MAX_ATTEMPTS = 8;
/** After this many failures in a row without one success, the endpoint is switched off and admins are told. */
export const DISABLE_AFTER_CONSECUTIVE_FAILURES = 20;

/** 10 s, 20 s, 40 s … capped at an hour. */
export function retryDelayMs(attempt: number): number {
  return Math.min(10_000 * 2 ** (attempt - 1), 3_600_000);
}

/** The envelope every receiver gets (documented in docs/integrations/webhooks.md and the OpenAPI webhooks). */
export function webhookEnvelope(
  event: { event_id: string; type: string; occurred_at: Date; payload: Record<string, unknown> },
  publicUrl: string,
) {
  return {
    id: event.event_id,
    type: event.type,
    occurredAt: event.occurred_at.toISOString(),
    data: withLinks(event.payload, publicUrl),
  };
}

/** Stored payloads carry paths; receivers get absolute links to the back office. */
export function withLinks(payload: Record<string, unknown>, publicUrl: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(payload)) {
    if (key === 'path' && typeof value === 'string') out.link = `${publicUrl}${value}`;
    else if (value !== null && typeof value === 'object' && !Array.isArray(value))
      out[key] = withLinks(value as Record<string, unknown>, publicUrl);
    else out[key] = value;
  }
  return out;
}

/**
 * Delivers due webhooks one at a time (each in its own transaction, locked with SKIP LOCKED so several
 * workers cooperate). At least once: a receiver de-duplicates on the event id.
 */
export async function runWebhookDeliveries(
  owner: Database,
  options: { publicUrl: string; now?: () => Date; maxDeliveries?: number; timeoutMs?: number },
) {
  const clock = options.now ?? (() => new Date());
  let delivered = 0;
  let failed = 0;
  let withheld = 0;
  for (let i = 0; i < (options.maxDeliveries ?? 100); i++) {
    const outcome = await owner.transaction().execute(async (trx) => {
      const now = clock();
      const due = await repository.claimDueDelivery(trx, now);
      if (due === undefined) return 'idle' as const;
      // Decided at delivery time: a complaint that became confidential after the event was queued is not
      // sent at all (docs/integrations/webhooks.md)
      const [visible] = await keepVisibleEvents(trx, { kind: 'webhook' }, [due]);
      if (visible === undefined) {
        await repository.markWithheld(trx, due.id);
        return 'withheld' as const;
      }
      // the event as the receiver may see it now (linked complaints it may not see are left out)
      const body = JSON.stringify(webhookEnvelope(visible, options.publicUrl));
      const ref = { id: due.id, endpointId: due.endpoint_id };
      let status: number | null = null;
      let error: string;
      try {
        const response = await postSafely(
          new URL(due.url),
          body,
          {
            'user-agent': 'Gehoord-Webhooks/1',
            'gehoord-event-id': due.event_id,
            'gehoord-event-type': due.type,
            'gehoord-signature': signWebhook(due.secret, body, now),
          },
          { allowPrivateNetwork: due.allow_private_network, timeoutMs: options.timeoutMs ?? 10_000 },
        );
        status = response.status;
        if (status >= 200 && status < 300) {
          await repository.markDelivered(trx, ref, status, now);
          return 'delivered' as const;
        }
        error = `HTTP ${status}`;
      } catch (caught) {
        error = caught instanceof OutboundRefused ? `refused: ${caught.message}` : (caught as Error).message;
      }
      const attempt = due.attempts + 1;
      const endpoint = await repository.markAttemptFailed(trx, ref, {
        status,
        error,
        nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempt)),
        giveUp: attempt >= MAX_ATTEMPTS,
      });
      if (endpoint.consecutive_failures >= DISABLE_AFTER_CONSECUTIVE_FAILURES) {
        await repository.disableEndpoint(
          trx,
          due.endpoint_id,
          `${endpoint.consecutive_failures} failed deliveries in a row (last: ${error})`,
        );
        const admins = await listActiveUserIdsWithRole(trx, due.organization_id, 'admin');
        await insertNotifications(
          trx,
          admins.map((userId) => ({
            organizationId: due.organization_id,
            userId,
            complaintId: null,
            kind: 'webhook_disabled',
            dedupeKey: `webhook_disabled:${due.endpoint_id}:${now.toISOString()}`,
          })),
        );
      }
      return 'failed' as const;
    });
    if (outcome === 'idle') break;
    if (outcome === 'delivered') delivered++;
    else if (outcome === 'withheld') withheld++;
    else failed++;
  }
  return { delivered, failed, withheld };
}

/** Polls for due deliveries every `intervalMs` until stopped. */
export function startWebhookWorker(
  owner: Database,
  options: { publicUrl: string; intervalMs?: number; onError: (error: unknown) => void },
) {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    if (stopped) return;
    running = runWebhookDeliveries(owner, { publicUrl: options.publicUrl })
      .catch(options.onError)
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, options.intervalMs ?? 2000);
      });
  };
  let timer = setTimeout(tick, options.intervalMs ?? 2000);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
