import { z } from 'zod';
import {
  EMAIL_MODES,
  NOTIFICATION_TOPICS,
  STAFF_NOTIFICATION_LOCALES,
} from '../domain/notification-preferences.ts';

export const notificationItem = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    title: z.object({ nl: z.string(), en: z.string() }),
    complaintId: z.uuid().nullable(),
    complaintReference: z.string().nullable(),
    link: z
      .string()
      .nullable()
      .describe('The page of the staff application the notification leads to (a path), null when none'),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });

export const notificationList = z
  .object({ items: z.array(notificationItem), unread: z.number().int() })
  .meta({ id: 'NotificationList' });

export const notificationListQuery = z.object({
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const markReadInput = z
  .object({ ids: z.union([z.array(z.uuid()).max(500), z.literal('all')]) })
  .meta({ id: 'MarkNotificationsRead' });

export const termMonitorSettings = z
  .object({
    boardReminderWorkingDays: z
      .number()
      .int()
      .describe(
        'policy 2.5: the board is reminded from this many working days after a suspected criminal offence while it has not decided',
      ),
    updatedAt: z.string().nullable().describe('null while the organisation uses the defaults'),
  })
  .meta({ id: 'TermMonitorSettings' });

export const updateTermMonitorSettingsInput = z
  .object({ boardReminderWorkingDays: z.number().int().min(1).max(60) })
  .meta({ id: 'UpdateTermMonitorSettingsInput' });

export const emailMode = z.enum(EMAIL_MODES).meta({ id: 'NotificationEmailMode' });
export const notificationTopic = z.enum(NOTIFICATION_TOPICS).meta({ id: 'NotificationTopic' });

export const notificationPreferences = z
  .object({
    overall: emailMode
      .nullable()
      .describe("The overall e-mail choice; null: each topic's default (`defaults`)"),
    byTopic: z
      .partialRecord(notificationTopic, emailMode)
      .describe('A choice per topic; wins over `overall`'),
    locale: z.enum(STAFF_NOTIFICATION_LOCALES).describe('The language of notification e-mails'),
    defaults: z
      .object(
        Object.fromEntries(NOTIFICATION_TOPICS.map((topic) => [topic, emailMode])) as Record<
          (typeof NOTIFICATION_TOPICS)[number],
          typeof emailMode
        >,
      )
      .describe('Per topic, what applies without any choice'),
  })
  .meta({ id: 'NotificationPreferences' });

export const updateNotificationPreferencesInput = z
  .object({
    overall: emailMode.nullable(),
    byTopic: z.partialRecord(notificationTopic, emailMode),
    locale: z.enum(STAFF_NOTIFICATION_LOCALES),
  })
  .strict()
  .meta({ id: 'UpdateNotificationPreferencesInput' });
