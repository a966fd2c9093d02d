import { integrationEventForTimeline } from '../../../../domain/index.ts';
import { serverNow } from '../../../clock.ts';
import type { Scoped } from '../../../db/tenant-scope.ts';
import type { ComplaintRow } from '../../complaints/index.ts';
import { insertIntegrationEvent } from '../integration-event.repository.ts';

type TimelineEvent = {
  type: string;
  summary?: string | null;
  contactKind?: string | null;
  contactDirection?: string | null;
  payload?: Record<string, unknown>;
};

/** The complaint as integrations see it: facts and ids, no internal notes or assessments. */
function complaintFacts(row: ComplaintRow) {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    channel: row.channel,
    receivedAt: row.received_at.toISOString(),
    dueAt: row.due_at.toISOString(),
    category: row.category,
    complainantId: row.complainant_id,
    unitId: row.unit_id,
    housingComplexId: row.housing_complex_id,
    handlerId: row.handler_id,
    repeatOfId: row.repeat_of_id,
    path: `/klachten/${row.id}`,
  };
}

/**
 * Turns the timeline events of one committed change into integration events (webhooks and the feed), in
 * the same transaction. Confidential complaints are never published: no integration may see them.
 */
export async function publishComplaintEvents(
  trx: Scoped,
  row: ComplaintRow,
  events: readonly TimelineEvent[],
) {
  if (row.confidential) return;
  for (const event of events) {
    const type = integrationEventForTimeline(event.type);
    if (type === null) continue;
    const payload: Record<string, unknown> = { complaint: complaintFacts(row) };
    if (type === 'complaint.contact_logged') {
      // The CRM contact record (policy 1.4: every contact is known in the customer system)
      payload.contact = {
        reference: row.reference,
        complainantId: row.complainant_id,
        at: (event.payload?.contactAt as string | undefined) ?? serverNow().toISOString(),
        channel: event.contactKind ?? null,
        direction: event.contactDirection ?? null,
        summary: event.summary ?? null,
        path: `/klachten/${row.id}`,
      };
    }
    await insertIntegrationEvent(trx, {
      organizationId: row.organization_id,
      type,
      complaintId: row.id,
      payload,
    });
    if (event.type === 'registered' && row.repeat_of_id !== null) {
      await insertIntegrationEvent(trx, {
        organizationId: row.organization_id,
        type: 'complaint.repeat_linked',
        complaintId: row.id,
        payload: { complaint: complaintFacts(row), earlierComplaintId: row.repeat_of_id },
      });
    }
  }
}
