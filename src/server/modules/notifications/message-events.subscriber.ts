import { ORGANIZATION_MATRIX } from '../../../domain/permissions.ts';
import type { MessageEventBus } from '../messages/index.ts';
import { listActiveUserIdsWithRole } from './notification.repository.ts';
import { deliverNotifications, notifyOfComplainantMessage } from './notification-delivery.service.ts';

// The notifications module's part in what the messages module publishes (decision 029).

// Those who can see the failed message in the outbox view and send it again
const RESPONSIBLE_ROLES = ORGANIZATION_MATRIX['admin.manage_reference_data'];

export function subscribeNotificationsToMessageEvents(bus: MessageEventBus): void {
  /**
   * A message given up on (permanent refusal or attempts used up) must reach a person, not only a status
   * column: every active administrator gets an in-app notification, linked to the case when there is one.
   * Written in the worker's transaction, so it exists exactly when the message is marked failed.
   */
  bus.subscribe('message.dead_lettered', 'notifications', async (trx, { message, at }) => {
    const userIds = new Set<string>();
    for (const role of RESPONSIBLE_ROLES)
      for (const id of await listActiveUserIdsWithRole(trx, message.organization_id, role)) userIds.add(id);
    // "Off" is honoured; "at once" waits for the digest: mailing about a failing mail could loop
    await deliverNotifications(
      trx,
      [...userIds].map((userId) => ({
        organizationId: message.organization_id,
        userId,
        complaintId: message.complaint_id,
        kind: 'message_failed',
        // A message sent again by hand can fail again: that is a new alert, hence the time in the key
        dedupeKey: `message_failed:${message.id}:${at.toISOString()}`,
      })),
      at,
      { mailAtOnce: false },
    );
    return undefined;
  });
  // issue 22: the handler hears of the complainant's e-mail reply on their case
  bus.subscribe('complainant.replied', 'notifications', async (trx, { complaint, key, at }) => {
    await notifyOfComplainantMessage(trx, complaint.id, key, at);
    return undefined;
  });
}
