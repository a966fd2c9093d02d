import { sql } from 'kysely';
import { executeKept } from '../../db/kept-statements.ts';
import type { Scoped } from '../../db/tenant-scope.ts';
import { subjectEmployeeDepartment } from '../complaints/index.ts';

/**
 * Records one integration event and queues a delivery to every active endpoint that wants it (same
 * transaction), in one statement: the event's insert feeds the deliveries' insert.
 */
export async function insertIntegrationEvent(
  trx: Scoped,
  event: {
    organizationId: string;
    type: string;
    complaintId: string | null;
    payload: Record<string, unknown>;
  },
) {
  // Decision 055: kept (parsed and planned once per connection)
  const [row] = await executeKept(
    trx,
    sql<{ id: number; event_id: string }>`
    with recorded as (
      insert into integration_event (organization_id, type, complaint_id, payload)
      values (${event.organizationId}, ${event.type}, ${event.complaintId}, ${JSON.stringify(event.payload)})
      returning id, event_id
    ), queued as (
      insert into webhook_delivery (organization_id, endpoint_id, integration_event_id, complaint_id)
      select w.organization_id, w.id, recorded.id, ${event.complaintId}::uuid
      from webhook_endpoint w, recorded
      where w.organization_id = ${event.organizationId} and w.active and ${event.type} = any(w.event_types)
    )
    select id, event_id from recorded`,
  );
  if (row === undefined) throw new Error('integration event not recorded');
  return row;
}

export type FeedCursor = { txid: string; id: number };

/**
 * The change feed after a cursor, in commit-safe order: only rows of transactions older than every running
 * one are returned, ordered by (transaction id, id), so a late commit can never fall behind a cursor.
 */
export async function readFeed(trx: Scoped, after: FeedCursor | null, limit: number) {
  const { rows } = await sql<{
    id: number;
    event_id: string;
    txid: string;
    type: string;
    complaint_id: string | null;
    payload: Record<string, unknown>;
    occurred_at: Date;
  }>`
    select id, event_id, txid::text as txid, type, complaint_id, payload, occurred_at
    from integration_event
    where txid < pg_snapshot_xmin(pg_current_snapshot())
      ${after === null ? sql`` : sql`and (txid, id) > (${after.txid}::xid8, ${after.id}::bigint)`}
    order by txid, id
    limit ${limit}`.execute(trx);
  return rows;
}

/** What the permission rule needs of each complaint, as it is NOW (the feed and webhooks decide at read time). */
export async function findComplaintAccessRows(trx: Scoped, complaintIds: readonly string[]) {
  if (complaintIds.length === 0) return [];
  return trx
    .selectFrom('complaint')
    .select([
      'complaint.id',
      'complaint.handler_id',
      'complaint.responsible_manager_id',
      'complaint.department_id',
      'complaint.confidential',
      'complaint.confidential_reason_code',
      'complaint.subject_employee_id',
    ])
    .select(subjectEmployeeDepartment('complaint').as('subject_employee_department_id'))
    .where('complaint.id', 'in', [...complaintIds])
    .execute();
}
