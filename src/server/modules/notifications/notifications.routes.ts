import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  markReadInput,
  notificationList,
  notificationListQuery,
  notificationPreferences,
  termMonitorSettings,
  updateNotificationPreferencesInput,
  updateTermMonitorSettingsInput,
} from '../../../contract/notifications.ts';
import { serverNow } from '../../clock.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization } from '../../db/tenant-scope.ts';
import { requireOrganizationPermission, requireStaff } from '../../http/principal.ts';
import { notificationPath, notificationTitle } from './kinds/notification-kinds.ts';
import * as repository from './notification.repository.ts';
import {
  getNotificationPreferences,
  updateNotificationPreferences,
} from './notification-preferences.service.ts';
import { getTermMonitorSettings, updateTermMonitorSettings } from './term-monitor-settings.service.ts';

export const notificationRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary:
          'My notifications (reminders, escalations, board notices), newest first, with the unread count',
        querystring: notificationListQuery,
        response: { 200: notificationList },
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      return inOrganization(db, staff.organizationId, async (trx) => {
        const rows = await repository.listForUser(trx, staff.userId, {
          unreadOnly: request.query.unread === true,
          limit: request.query.limit,
        });
        return {
          unread: await repository.countUnread(trx, staff.userId),
          items: rows.map((r) => ({
            id: r.id,
            kind: r.kind,
            title: notificationTitle(r.kind),
            complaintId: r.complaint_id,
            complaintReference: r.reference,
            link: notificationPath(r.kind, r.complaint_id),
            createdAt: r.created_at.toISOString(),
            readAt: r.read_at?.toISOString() ?? null,
          })),
        };
      });
    },
  );

  app.post(
    '/api/notifications/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark notifications as read (some, or `"all"`)',
        body: markReadInput,
        response: { 200: z.object({ updated: z.number().int() }) },
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      const updated = await inOrganization(db, staff.organizationId, (trx) =>
        repository.markRead(trx, staff.userId, request.body.ids, serverNow()),
      );
      return { updated };
    },
  );

  app.get(
    '/api/notification-preferences',
    {
      schema: {
        tags: ['notifications'],
        summary: 'My e-mail choices for notifications (at once, daily digest or off; overall and per topic)',
        response: { 200: notificationPreferences },
      },
    },
    async (request) => getNotificationPreferences(db, requireStaff(request)),
  );

  app.put(
    '/api/notification-preferences',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Change my e-mail choices for notifications',
        description:
          'issue 22: the bell always shows every notification; this decides only the e-mail. A topic choice wins over the overall one.',
        body: updateNotificationPreferencesInput,
        response: { 200: notificationPreferences },
      },
    },
    async (request) => updateNotificationPreferences(db, requireStaff(request), request.body),
  );

  app.get(
    '/api/term-monitor-settings',
    {
      schema: {
        tags: ['notifications'],
        summary: "The organisation's reminder settings (the board's decision on a suspected offence)",
        response: { 200: termMonitorSettings },
      },
    },
    async (request) => getTermMonitorSettings(db, requireStaff(request)),
  );

  app.put(
    '/api/term-monitor-settings',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Change the reminder settings (administrators)',
        description: 'policy 2.5: working days (1–60) after which an undecided board is reminded; default 2.',
        body: updateTermMonitorSettingsInput,
        response: { 200: termMonitorSettings },
      },
    },
    async (request) =>
      updateTermMonitorSettings(
        db,
        requireOrganizationPermission(request, 'admin.manage_reference_data'),
        request.body,
      ),
  );
};
