import {
  type BoardTrack,
  type CalendarSettings,
  type CommitteeCase,
  type ComplaintStatus,
  DEFAULT_MONITOR_SETTINGS,
  getCommitteeStage,
  isDigestDay,
  type MonitoredComplaint,
  type MonitorSettings,
  planActionReminders,
  planReminders,
  type ReminderKind,
  toLocalDate,
} from '../../../domain/index.ts';
import type { Database } from '../../db/database.ts';
import { asOwnerFor, type Scoped } from '../../db/tenant-scope.ts';
import { reviveDates } from '../complaints/index.ts';
import { enqueueMessage } from '../messages/index.ts';
import { calendarSettingsFor } from '../reference-data/index.ts';
import { notificationPath, notificationTitle } from './kinds/notification-kinds.ts';
import * as repository from './notification.repository.ts';
import { deliverNotifications, preferencesOf } from './notification-delivery.service.ts';

type Options = { publicUrl: string; settings?: MonitorSettings };

function committeeSince(committee: CommitteeCase): Date {
  return committee.ruling?.at ?? committee.referredAt;
}

async function monitoredComplaints(trx: Scoped, organizationId: string): Promise<MonitoredComplaint[]> {
  const rows = await repository.loadMonitoredComplaints(trx, organizationId);
  return rows.map((r) => {
    const committee = r.committee === null ? null : reviveDates<CommitteeCase>(r.committee);
    const track = r.board_track === null ? null : reviveDates<BoardTrack>(r.board_track);
    return {
      id: r.id,
      status: r.status as ComplaintStatus,
      dueAt: r.due_at,
      handlerId: r.handler_id,
      responsibleManagerId: r.responsible_manager_id,
      managingManagerId: r.managingManagerId,
      approvalRequestedAt: r.approvalRequestedAt === null ? null : new Date(r.approvalRequestedAt),
      legalAdviceRequestedAt: r.legalAdviceRequestedAt === null ? null : new Date(r.legalAdviceRequestedAt),
      committee:
        committee === null ? null : { stage: getCommitteeStage(committee), since: committeeSince(committee) },
      boardTrack: track === null ? null : { startedAt: track.startedAt, decided: track.decisions.length > 0 },
    };
  });
}

/** The process's monitor settings with what the organisation configured itself on top (policy 2.5). */
async function monitorSettingsFor(
  trx: Scoped,
  organizationId: string,
  base: MonitorSettings = DEFAULT_MONITOR_SETTINGS,
): Promise<MonitorSettings> {
  const own = await repository.findTermMonitorSettings(trx, organizationId);
  return own === null ? base : { ...base, boardReminderWorkingDays: own.boardReminderWorkingDays };
}

/** Turns today's reminders into notifications, once per person per reminder per working day (policy 2.3). */
export async function runTermMonitor(owner: Database, now: Date, options: Options, only?: ReminderKind[]) {
  let created = 0;
  const organizationIds = await owner.transaction().execute((trx) => repository.listOrganizationIds(trx));
  for (const organizationId of organizationIds) {
    created += await asOwnerFor(owner, organizationId, async (trx) => {
      const calendar = await calendarSettingsFor(trx);
      const planned = planReminders(
        await monitoredComplaints(trx, organizationId),
        now,
        calendar,
        await monitorSettingsFor(trx, organizationId, options.settings),
      );
      const reminders = only ? planned.filter((r) => only.includes(r.kind)) : planned;
      const roleMembers = new Map<string, string[]>();
      const notifications: repository.NewNotification[] = [];
      for (const reminder of reminders) {
        let userIds: string[];
        if (reminder.recipient.kind === 'user') userIds = [reminder.recipient.userId];
        else {
          const role = reminder.recipient.role;
          if (!roleMembers.has(role))
            roleMembers.set(role, await repository.listActiveUserIdsWithRole(trx, organizationId, role));
          userIds = roleMembers.get(role) ?? [];
        }
        for (const userId of userIds) {
          notifications.push({
            organizationId,
            userId,
            complaintId: reminder.complaintId,
            kind: reminder.kind,
            dedupeKey:
              reminder.recipient.kind === 'user' ? reminder.dedupeKey : `${reminder.dedupeKey}:${userId}`,
          });
        }
      }
      if (only === undefined) {
        // policy 3.1: overdue improvement actions remind their owner
        const actions = await repository.loadOpenImprovementActions(trx, organizationId);
        for (const reminder of planActionReminders(actions, now, calendar)) {
          notifications.push({
            organizationId,
            userId: reminder.userId,
            complaintId: null,
            kind: 'improvement_action_overdue',
            dedupeKey: reminder.dedupeKey,
          });
        }
      }
      // issue 22: in the bell, and by e-mail at once or in the digest as each person chose
      return (await deliverNotifications(trx, notifications, now)).length;
    });
  }
  return { created };
}

const complaintLink = (publicUrl: string, complaintId: string) => `${publicUrl}/klachten/${complaintId}`;

/**
 * policy 2.5: a suspected criminal offence reaches the board at once, not in tomorrow's digest — an in-app
 * notification and an e-mail to every board member, recorded on the board notification.
 */
export async function runBoardFastLane(owner: Database, now: Date, options: Options) {
  const boardNotifications = await owner.transaction().execute(async (trx) => {
    const pending = await repository.claimUnannouncedBoardNotifications(trx);
    for (const item of pending) {
      const boardIds = await repository.listActiveUserIdsWithRole(trx, item.organization_id, 'board');
      await repository.insertNotifications(
        trx,
        boardIds.map((userId) => ({
          organizationId: item.organization_id,
          userId,
          complaintId: item.complaint_id,
          kind: 'criminal_suspicion',
          dedupeKey: `criminal_suspicion:${item.complaint_id}`,
          digestedAt: now,
        })),
      );
      const board = await repository.findStaffContacts(trx, boardIds);
      if (board.length > 0) {
        await enqueueMessage(trx, {
          organizationId: item.organization_id,
          complaintId: item.complaint_id,
          kind: 'board_criminal_suspicion',
          to: board.map((b) => b.email),
          subject: `Vermoeden van een strafbaar feit bij klacht ${item.reference}`,
          bodyText:
            `Bij klacht ${item.reference} is een ernstig vermoeden van een strafbaar feit vastgelegd.\n` +
            `Volgens het klachtenbeleid (2.5) wordt dit direct aan de directie voorgelegd.\n\n` +
            `Bekijk de klacht: ${complaintLink(options.publicUrl, item.complaint_id)}\n`,
        });
      }
      await repository.markBoardNotificationAnnounced(trx, item.id, now);
    }
    return pending.length;
  });
  // policy 2.6: the manager hears at once that they must choose the handler of an employee-caused repeat
  const repeats = await runTermMonitor(owner, now, options, ['assign_repeat_handler']);
  return { boardNotifications, repeatNotifications: repeats.created };
}

const DIGEST_TEXT = {
  nl: {
    subject: (n: number) => `Gehoord: ${n} ${n === 1 ? 'punt' : 'punten'} voor vandaag`,
    greeting: (name: string) => `Beste ${name},`,
    intro: 'Dit vraagt vandaag uw aandacht:',
  },
  en: {
    subject: (n: number) => `Gehoord: ${n} ${n === 1 ? 'item' : 'items'} for today`,
    greeting: (name: string) => `Dear ${name},`,
    intro: 'This needs your attention today:',
  },
} as const;

/**
 * One e-mail per person per working day listing everything new, instead of a flood, in the person's language.
 * What they chose to get at once, or not by e-mail, is not in it (issue 22: marked digested when made).
 */
export async function sendDailyDigests(owner: Database, now: Date, options: Options) {
  let sent = 0;
  const organizationIds = await owner.transaction().execute((trx) => repository.listOrganizationIds(trx));
  for (const organizationId of organizationIds) {
    sent += await asOwnerFor(owner, organizationId, async (trx) => {
      const calendar: CalendarSettings = await calendarSettingsFor(trx);
      if (!isDigestDay(now, calendar)) return 0;
      const day = toLocalDate(now);
      const rows = await repository.listUndigested(trx, organizationId);
      const byUser = Map.groupBy(rows, (r) => r.user_id);
      const preferences = await preferencesOf(trx, [...byUser.keys()]);
      let count = 0;
      for (const [userId, items] of byUser) {
        if (!(await repository.claimDigest(trx, organizationId, userId, day, items.length))) continue;
        const first = items[0];
        if (first === undefined) continue;
        const locale = preferences.get(userId)?.locale ?? 'nl';
        const text = DIGEST_TEXT[locale];
        const lines = items.map((i) => {
          const label = notificationTitle(i.kind)[locale];
          const path = notificationPath(i.kind, i.complaint_id);
          return `- ${i.reference ? `${i.reference} ` : ''}${label}${path === null ? '' : `: ${options.publicUrl}${path}`}`;
        });
        const outboxId = await enqueueMessage(trx, {
          organizationId,
          complaintId: null,
          kind: 'daily_digest',
          to: [first.email],
          subject: text.subject(items.length),
          bodyText: `${text.greeting(first.name)}\n\n${text.intro}\n\n${lines.join('\n')}\n\nGehoord\n`,
        });
        await repository.recordDigestMessage(trx, userId, day, outboxId);
        await repository.markDigested(
          trx,
          items.map((i) => i.id),
          now,
        );
        count++;
      }
      return count;
    });
  }
  return { sent };
}
