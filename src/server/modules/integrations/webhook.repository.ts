import { sql } from 'kysely';
import type { Scoped } from '../../db/tenant-scope.ts';

export async function insertEndpoint(
  trx: Scoped,
  endpoint: {
    organizationId: string;
    name: string;
    url: string;
    secret: string;
    eventTypes: string[];
    allowPrivateNetwork: boolean;
    createdBy: string;
  },
) {
  const row = await trx
    .insertInto('webhook_endpoint')
    .values({
      organization_id: endpoint.organizationId,
      name: endpoint.name,
      url: endpoint.url,
      secret: endpoint.secret,
      event_types: endpoint.eventTypes,
      allow_private_network: endpoint.allowPrivateNetwork,
      created_by: endpoint.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const endpointColumns = [
  'id',
  'name',
  'url',
  'event_types',
  'allow_private_network',
  'active',
  'disabled_reason',
  'consecutive_failures',
  'created_at',
] as const;

export async function listEndpoints(trx: Scoped) {
  return trx.selectFrom('webhook_endpoint').select(endpointColumns).orderBy('created_at').execute();
}

export async function findEndpoint(trx: Scoped, id: string) {
  return trx.selectFrom('webhook_endpoint').select(endpointColumns).where('id', '=', id).executeTakeFirst();
}

export async function updateEndpoint(trx: Scoped, id: string, values: Record<string, unknown>) {
  await trx
    .updateTable('webhook_endpoint')
    .set({ ...(values as object), updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function listDeliveries(trx: Scoped, endpointId: string, limit: number) {
  return trx
    .selectFrom('webhook_delivery as d')
    .innerJoin('integration_event as e', 'e.id', 'd.integration_event_id')
    .select([
      'd.id',
      'e.event_id',
      'e.type',
      'd.complaint_id',
      'd.status',
      'd.attempts',
      'd.next_attempt_at',
      'd.last_status_code',
      'd.last_error',
      'd.delivered_at',
      'd.created_at',
    ])
    .where('d.endpoint_id', '=', endpointId)
    .orderBy('d.id', 'desc')
    .limit(limit)
    .execute();
}

export async function resetDelivery(trx: Scoped, endpointId: string, deliveryId: number, now: Date) {
  const result = await trx
    .updateTable('webhook_delivery')
    .set({ status: 'pending', next_attempt_at: now, last_error: null })
    .where('id', '=', deliveryId)
    .where('endpoint_id', '=', endpointId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

// The delivery worker runs as the owner across organisations.

/**
 * The next due delivery, locked; never one that would overtake an earlier undelivered event of the same
 * complaint for the same endpoint (order per complaint).
 */
export async function claimDueDelivery(trx: Scoped, now: Date) {
  const { rows } = await sql<{
    id: number;
    organization_id: string;
    endpoint_id: string;
    attempts: number;
    url: string;
    secret: string;
    allow_private_network: boolean;
    event_id: string;
    type: string;
    payload: Record<string, unknown>;
    occurred_at: Date;
    complaint_id: string | null;
  }>`
    select d.id, d.organization_id, d.endpoint_id, d.attempts, w.url, w.secret, w.allow_private_network,
           e.event_id, e.type, e.payload, e.occurred_at, d.complaint_id
    from webhook_delivery d
    join webhook_endpoint w on w.id = d.endpoint_id
    join integration_event e on e.id = d.integration_event_id
    join organization o on o.id = d.organization_id
    where d.status = 'pending' and d.next_attempt_at <= ${now} and w.active
      -- A suspended corporation's deliveries are held, not dropped (decision 047): they wait until it is resumed.
      and o.suspended_at is null
      and not exists (
        select 1 from webhook_delivery p
        where p.endpoint_id = d.endpoint_id and p.complaint_id = d.complaint_id
          and p.id < d.id and p.status = 'pending')
    order by d.id
    limit 1
    for update of d skip locked`.execute(trx);
  return rows[0];
}

export async function markDelivered(
  trx: Scoped,
  delivery: { id: number; endpointId: string },
  status: number,
  now: Date,
) {
  await trx
    .updateTable('webhook_delivery')
    .set({
      status: 'delivered',
      delivered_at: now,
      last_status_code: status,
      last_error: null,
      attempts: sql`attempts + 1`,
    })
    .where('id', '=', delivery.id)
    .execute();
  await trx
    .updateTable('webhook_endpoint')
    .set({ consecutive_failures: 0 })
    .where('id', '=', delivery.endpointId)
    .execute();
}

/** Not sent: the complaint may no longer be seen by integrations. Not a failure of the endpoint. */
export async function markWithheld(trx: Scoped, deliveryId: number) {
  await trx
    .updateTable('webhook_delivery')
    .set({ status: 'withheld', last_error: 'withheld: the complaint is confidential now' })
    .where('id', '=', deliveryId)
    .execute();
}

export async function markAttemptFailed(
  trx: Scoped,
  delivery: { id: number; endpointId: string },
  outcome: { status: number | null; error: string; nextAttemptAt: Date; giveUp: boolean },
) {
  await trx
    .updateTable('webhook_delivery')
    .set({
      status: outcome.giveUp ? 'failed' : 'pending',
      attempts: sql`attempts + 1`,
      next_attempt_at: outcome.nextAttemptAt,
      last_status_code: outcome.status,
      last_error: outcome.error.slice(0, 500),
    })
    .where('id', '=', delivery.id)
    .execute();
  const row = await trx
    .updateTable('webhook_endpoint')
    .set({ consecutive_failures: sql`consecutive_failures + 1` })
    .where('id', '=', delivery.endpointId)
    .returning(['consecutive_failures', 'organization_id', 'name'])
    .executeTakeFirstOrThrow();
  return row;
}

export async function disableEndpoint(trx: Scoped, endpointId: string, reason: string) {
  await trx
    .updateTable('webhook_endpoint')
    .set({ active: false, disabled_reason: reason, updated_at: sql`now()` })
    .where('id', '=', endpointId)
    .execute();
}
