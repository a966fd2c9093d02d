import type { PortalEventBus } from '../portal/index.ts';
import { insertNotifications } from './notification.repository.ts';

// The notifications module's part in what the portal publishes (decision 029).

export function subscribeNotificationsToPortalEvents(bus: PortalEventBus): void {
  // A low rating: the manager accountable for the complaint hears of it (in the app and the daily digest),
  // whatever the channel the complaint came by (policy 1.3: the manager stays ultimately responsible)
  bus.subscribe('satisfaction.rated', 'notifications', async (trx, { complaint, followUp }) => {
    if (followUp && complaint.responsible_manager_id)
      await insertNotifications(trx, [
        {
          organizationId: complaint.organization_id,
          userId: complaint.responsible_manager_id,
          complaintId: complaint.id,
          kind: 'low_satisfaction',
          dedupeKey: `low_satisfaction:${complaint.id}`,
        },
      ]);
    return undefined;
  });
}
