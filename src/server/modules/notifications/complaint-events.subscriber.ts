import type { ComplaintEventBus } from '../complaints/index.ts';
import { insertNotifications } from './notification.repository.ts';

// The notifications module's part in a complaint change (decision 029): in-app notifications for staff,
// written in the change's own transaction.

export function subscribeNotificationsToComplaintEvents(bus: ComplaintEventBus): void {
  // policy 2.4: the accountable manager gets a wrong or missing policy at once; one per complaint and finding
  bus.subscribe('complaint.changed', 'notifications', async (trx, { complaint, events }) => {
    const referred = events.flatMap((event) => {
      const managerId = event.payload?.managerId;
      return event.type === 'policy_finding_referred' && typeof managerId === 'string'
        ? [{ managerId, finding: String(event.payload?.finding) }]
        : [];
    });
    if (referred.length > 0)
      await insertNotifications(
        trx,
        referred.map(({ managerId, finding }) => ({
          organizationId: complaint.organization_id,
          userId: managerId,
          complaintId: complaint.id,
          kind: 'policy_finding_for_manager' as const,
          dedupeKey: `policy_finding_for_manager:${complaint.id}:${finding}`,
        })),
      );
    return undefined;
  });
}
