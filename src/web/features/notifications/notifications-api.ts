import { z } from 'zod';
import { notificationList } from '../../../contract/notifications.ts';
import { api } from '../../lib/api-client.ts';

export const notificationsKey = ['notifications'] as const;

/** How often the bell asks for news: reminders are made by a job every few minutes, not in real time. */
export const NOTIFICATION_POLL_MS = 30_000;

export const fetchNotifications = () => api.get('/api/notifications?limit=20', { schema: notificationList });

export const markNotificationsRead = (ids: string[] | 'all') =>
  api.post('/api/notifications/read', { ids }, { schema: z.object({ updated: z.number().int() }) });
