import type { ComplaintEventBus } from '../complaints/index.ts';
import { publishComplaintEvents } from './publishing/complaint-publisher.ts';

// The integrations module's part in a complaint change (decision 029): the timeline events of every stored
// write become integration events (webhooks and the feed), in the change's own transaction.

export function subscribeIntegrationsToComplaintEvents(bus: ComplaintEventBus): void {
  bus.subscribe('complaint.changed', 'integrations', async (trx, { complaint, events }) => {
    await publishComplaintEvents(trx, complaint, events);
    return undefined;
  });
}
