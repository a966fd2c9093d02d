import { REMINDER_KINDS } from './term-monitoring.ts';

// Issue 22: who hears what by e-mail. The bell always shows every notification; the e-mail goes at once, in
// the daily digest, or not at all, per topic or overall, as each person chooses on their account page.

export const EMAIL_MODES = ['immediate', 'digest', 'off'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

export const STAFF_NOTIFICATION_LOCALES = ['nl', 'en'] as const;
export type StaffNotificationLocale = (typeof STAFF_NOTIFICATION_LOCALES)[number];

/** The topics a person chooses for; every notification kind belongs to exactly one. */
export const NOTIFICATION_TOPICS = [
  'assignment',
  'reassignment',
  'approval_requested',
  'approval_decided',
  'complainant_message',
  'low_satisfaction',
  'new_in_queue',
  'term_warning',
  'other',
] as const;
export type NotificationTopic = (typeof NOTIFICATION_TOPICS)[number];

/** Without a choice of their own: what asks for action now comes at once, the rest in the digest. */
export const DEFAULT_EMAIL_MODE: Readonly<Record<NotificationTopic, EmailMode>> = {
  assignment: 'immediate',
  reassignment: 'immediate',
  approval_requested: 'immediate',
  approval_decided: 'immediate',
  complainant_message: 'immediate',
  low_satisfaction: 'immediate',
  new_in_queue: 'digest',
  term_warning: 'digest',
  other: 'digest',
};

/** The notification kinds of issue 22 (the term warnings are the monitor's REMINDER_KINDS). */
export const EVENT_NOTIFICATION_KINDS = {
  assigned: 'assignment',
  reassigned_away: 'reassignment',
  approval_requested: 'approval_requested',
  approval_given: 'approval_decided',
  approval_refused: 'approval_decided',
  complainant_message: 'complainant_message',
  low_satisfaction: 'low_satisfaction',
  new_in_queue: 'new_in_queue',
} as const satisfies Record<string, NotificationTopic>;
export type EventNotificationKind = keyof typeof EVENT_NOTIFICATION_KINDS;

export function topicOf(kind: string): NotificationTopic {
  if (Object.hasOwn(EVENT_NOTIFICATION_KINDS, kind))
    return EVENT_NOTIFICATION_KINDS[kind as EventNotificationKind];
  if (Object.hasOwn(REMINDER_KINDS, kind)) return 'term_warning';
  return 'other';
}

export type NotificationPreferences = Readonly<{
  /** The overall choice; null: each topic's default. */
  overall: EmailMode | null;
  byTopic: Readonly<Partial<Record<NotificationTopic, EmailMode>>>;
  locale: StaffNotificationLocale;
}>;

export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = {
  overall: null,
  byTopic: {},
  locale: 'nl',
};

/** A choice for the topic wins over the overall choice, which wins over the topic's default. */
export function emailModeFor(kind: string, preferences: NotificationPreferences): EmailMode {
  const topic = topicOf(kind);
  return preferences.byTopic[topic] ?? preferences.overall ?? DEFAULT_EMAIL_MODE[topic];
}
