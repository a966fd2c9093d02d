import type { PortalEventBus } from '../portal/index.ts';
import { notifyOfComplainantMessage, notifyOfLowRating } from './notification-delivery.service.ts';

// The notifications module's part in what the portal publishes (decision 029).

export function subscribeNotificationsToPortalEvents(bus: PortalEventBus): void {
  // A low rating ("low": satisfactionNeedsFollowUp): the handler and the manager accountable for the complaint
  // hear of it, whatever the channel the complaint came by (policy 1.3: the manager stays ultimately responsible)
  bus.subscribe('satisfaction.rated', 'notifications', async (trx, { complaint, followUp, at }) => {
    if (followUp) await notifyOfLowRating(trx, complaint, at);
    return undefined;
  });
  // issue 22: the handler hears of a message the complainant added on the status page
  bus.subscribe('complainant.messaged', 'notifications', async (trx, { complaint, key, at }) => {
    await notifyOfComplainantMessage(trx, complaint.id, key, at);
    return undefined;
  });
}
