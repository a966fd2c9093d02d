import { noticesForChange } from '../../../domain/index.ts';
import type { ComplaintEventBus } from '../complaints/index.ts';
import * as repository from './notification.repository.ts';
import { deliverNotifications, whoMaySee } from './notification-delivery.service.ts';
import { listActiveDepartmentMemberIds } from './notification-preference.repository.ts';

// The notifications module's part in a complaint change (decision 029): notifications for staff (the bell,
// and an e-mail as each chose), written in the change's own transaction.

export function subscribeNotificationsToComplaintEvents(bus: ComplaintEventBus): void {
  bus.subscribe('complaint.changed', 'notifications', async (trx, change) => {
    const { complaint, events, at } = change;
    const notifications: repository.NewNotification[] = [];
    const add = (userIds: readonly string[], kind: string, dedupeKey: string) => {
      for (const userId of userIds)
        notifications.push({
          organizationId: complaint.organization_id,
          userId,
          complaintId: complaint.id,
          kind,
          dedupeKey: kind === 'new_in_queue' ? `${dedupeKey}:${userId}` : dedupeKey,
        });
    };
    // policy 2.4: the accountable manager gets a wrong or missing policy at once; one per complaint and finding
    for (const event of events) {
      const managerId = event.payload?.managerId;
      if (event.type === 'policy_finding_referred' && typeof managerId === 'string')
        add(
          [managerId],
          'policy_finding_for_manager',
          `policy_finding_for_manager:${complaint.id}:${String(event.payload?.finding)}`,
        );
    }
    // issue 22: assignments, approvals, a new complaint in an unassigned queue
    const decided = events.some((e) => e.type === 'approval_given' || e.type === 'approval_refused');
    const notices = noticesForChange({
      complaint: {
        id: complaint.id,
        version: complaint.version,
        channel: complaint.channel,
        handlerId: complaint.handler_id,
        departmentId: complaint.department_id,
      },
      events,
      cause: change.cause,
      actorUserId: change.actorUserId,
      approvalRequesterId: decided ? await repository.findApprovalRequester(trx, complaint.id) : null,
    });
    for (const notice of notices) {
      const candidates =
        notice.to === 'user'
          ? [notice.userId]
          : (await listActiveDepartmentMemberIds(trx, complaint.organization_id, notice.departmentId)).filter(
              (id) => id !== change.actorUserId,
            );
      add(await whoMaySee(trx, complaint, candidates), notice.kind, notice.dedupeKey);
    }
    await deliverNotifications(trx, notifications, at);
    return undefined;
  });
}
