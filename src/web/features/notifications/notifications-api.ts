import { z } from 'zod';
import {
  notificationList,
  notificationPreferences,
  type updateNotificationPreferencesInput,
} from '../../../contract/notifications.ts';
import { api, apiRequest } from '../../lib/api-client.ts';

export const notificationsKey = ['notifications'] as const;

/** How often the bell asks for news: reminders are made by a job every few minutes, not in real time. */
export const NOTIFICATION_POLL_MS = 30_000;

export const fetchNotifications = () => api.get('/api/notifications?limit=20', { schema: notificationList });

export const markNotificationsRead = (ids: string[] | 'all') =>
  api.post('/api/notifications/read', { ids }, { schema: z.object({ updated: z.number().int() }) });

export const notificationPreferencesKey = ['notification-preferences'] as const;

export const fetchNotificationPreferences = () =>
  api.get('/api/notification-preferences', { schema: notificationPreferences });

export const saveNotificationPreferences = (input: z.infer<typeof updateNotificationPreferencesInput>) =>
  apiRequest('PUT', '/api/notification-preferences', { body: input, schema: notificationPreferences });
