import {
  canSeeComplaint,
  DEFAULT_NOTIFICATION_PREFERENCES,
  type EmailMode,
  emailModeFor,
  type NotificationPreferences,
  type NotificationTopic,
  type StaffNotificationLocale,
} from '../../../domain/index.ts';
import type { Scoped } from '../../db/tenant-scope.ts';
import { type ComplaintRow, findComplaint, toAccess } from '../complaints/index.ts';
import { appLink, enqueueMessage, findStaffActors } from '../messages/index.ts';
import { notificationPath, notificationTitle } from './kinds/notification-kinds.ts';
import * as repository from './notification.repository.ts';
import { findPreferenceRows } from './notification-preference.repository.ts';

// Issue 22: how a notification reaches its person. The bell always; by e-mail at once (queued in the
// outbox in the same transaction), in the daily digest, or not at all, as the person chose. A mail carries
// the title, the reference and a link, never the complaint's text (need-to-know, data-exits.ts).

/** Each person's choices, with the defaults for who never chose. */
export async function preferencesOf(
  trx: Scoped,
  userIds: readonly string[],
): Promise<Map<string, NotificationPreferences>> {
  const { settings, topics } = await findPreferenceRows(trx, userIds);
  const result = new Map<string, NotificationPreferences>();
  for (const userId of userIds) {
    const own = settings.find((s) => s.user_id === userId);
    const byTopic: Partial<Record<NotificationTopic, EmailMode>> = {};
    for (const t of topics) if (t.user_id === userId) byTopic[t.topic as NotificationTopic] = t.email_mode;
    result.set(userId, {
      overall: own?.email_mode ?? DEFAULT_NOTIFICATION_PREFERENCES.overall,
      locale: own?.locale ?? DEFAULT_NOTIFICATION_PREFERENCES.locale,
      byTopic,
    });
  }
  return result;
}

/** Of these people, those who may see the complaint (confidential complaints: only who may, policy 1.3, 2.5). */
export async function whoMaySee(trx: Scoped, complaint: ComplaintRow, userIds: Iterable<string>) {
  const unique = [...new Set(userIds)];
  const actors = await findStaffActors(trx, unique);
  const access = toAccess(complaint);
  return actors.filter((actor) => canSeeComplaint(actor, access)).map((actor) => actor.userId);
}

const MAIL_TEXT = {
  nl: {
    greeting: (name: string) => `Beste ${name},`,
    complaint: (reference: string) => `Klacht ${reference}`,
    open: 'Openen:',
    why: 'U krijgt deze e-mail door uw keuze voor meldingen. Wijzigen kan op uw accountpagina:',
  },
  en: {
    greeting: (name: string) => `Dear ${name},`,
    complaint: (reference: string) => `Complaint ${reference}`,
    open: 'Open:',
    why: 'You receive this e-mail because of your notification settings. Change them on your account page:',
  },
} as const;

/** The e-mail of one notification sent at once: title, reference and link only. */
export function immediateMail(
  locale: StaffNotificationLocale,
  notice: { kind: string; complaintId: string | null; reference: string | null; name: string },
) {
  const text = MAIL_TEXT[locale];
  const title = notificationTitle(notice.kind)[locale];
  const path = notificationPath(notice.kind, notice.complaintId);
  const about = notice.reference === null ? '' : `${text.complaint(notice.reference)}\n`;
  return {
    subject: `Gehoord: ${title}${notice.reference === null ? '' : ` (${notice.reference})`}`,
    bodyText:
      `${text.greeting(notice.name)}\n\n${title}\n${about}` +
      (path === null ? '' : `\n${text.open} ${appLink(path)}\n`) +
      `\n${text.why} ${appLink('/account')}\n\nGehoord\n`,
  };
}

/**
 * Writes the notifications (a person gets the same one once: the dedupe key) and, for who chose "at once",
 * queues the e-mail now; "off" and "at once" are kept out of the digest. A notification that arrives already
 * digested (the board's fast lane mails itself) is only put in the bell. Returns the new notifications.
 */
export async function deliverNotifications(
  trx: Scoped,
  notifications: readonly repository.NewNotification[],
  now: Date,
  /** false: "at once" waits for the digest (an alert about failing mail must not itself mail in a loop). */
  options: { mailAtOnce: boolean } = { mailAtOnce: true },
) {
  if (notifications.length === 0) return [];
  const preferences = await preferencesOf(trx, [...new Set(notifications.map((n) => n.userId))]);
  const modeOf = (n: repository.NewNotification): EmailMode => {
    if (n.digestedAt != null) return 'off';
    const mode = emailModeFor(n.kind, preferences.get(n.userId) ?? DEFAULT_NOTIFICATION_PREFERENCES);
    return mode === 'immediate' && !options.mailAtOnce ? 'digest' : mode;
  };
  const inserted = await repository.insertNotifications(
    trx,
    notifications.map((n) => ({ ...n, digestedAt: modeOf(n) === 'digest' ? null : (n.digestedAt ?? now) })),
  );
  const immediate = inserted.filter((row) => {
    const asked = notifications.find((n) => n.userId === row.user_id && n.dedupeKey === row.dedupe_key);
    return asked !== undefined && modeOf(asked) === 'immediate';
  });
  if (immediate.length === 0) return inserted;
  const contacts = new Map(
    (await repository.findStaffContacts(trx, [...new Set(immediate.map((r) => r.user_id))])).map((c) => [
      c.id,
      c,
    ]),
  );
  const references = await repository.findComplaintReferences(trx, [
    ...new Set(immediate.flatMap((r) => (r.complaint_id === null ? [] : [r.complaint_id]))),
  ]);
  for (const row of immediate) {
    const contact = contacts.get(row.user_id);
    if (contact === undefined || !contact.active) continue;
    const mail = immediateMail(preferences.get(row.user_id)?.locale ?? 'nl', {
      kind: row.kind,
      complaintId: row.complaint_id,
      reference: row.complaint_id === null ? null : (references.get(row.complaint_id) ?? null),
      name: contact.name,
    });
    await enqueueMessage(trx, {
      organizationId: row.organization_id,
      complaintId: row.complaint_id,
      kind: 'staff_notification',
      to: [contact.email],
      ...mail,
    });
  }
  return inserted;
}

/** The complainant wrote (status page or e-mail): the handler hears of it, or the accountable manager while nobody handles it. */
export async function notifyOfComplainantMessage(trx: Scoped, complaintId: string, key: string, now: Date) {
  const complaint = await findComplaint(trx, complaintId);
  if (complaint === undefined) return;
  const to = complaint.handler_id ?? complaint.responsible_manager_id;
  if (to === null) return;
  await deliverNotifications(
    trx,
    (await whoMaySee(trx, complaint, [to])).map((userId) => ({
      organizationId: complaint.organization_id,
      userId,
      complaintId: complaint.id,
      kind: 'complainant_message',
      dedupeKey: `complainant_message:${complaint.id}:${key}`,
    })),
    now,
  );
}

/** A low satisfaction score (satisfactionNeedsFollowUp): the handler and the accountable manager, once. */
export async function notifyOfLowRating(trx: Scoped, complaint: ComplaintRow, now: Date) {
  const to = [complaint.handler_id, complaint.responsible_manager_id].filter((id) => id !== null);
  await deliverNotifications(
    trx,
    (await whoMaySee(trx, complaint, to)).map((userId) => ({
      organizationId: complaint.organization_id,
      userId,
      complaintId: complaint.id,
      kind: 'low_satisfaction',
      dedupeKey: `low_satisfaction:${complaint.id}`,
    })),
    now,
  );
}
