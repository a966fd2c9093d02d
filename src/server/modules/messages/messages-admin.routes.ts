import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  messageTemplate,
  outboxListQuery,
  outboxMessage,
  outboxMessageDetail,
  templateLocale,
  templatePreview,
  templateText,
} from '../../../contract/messages.ts';
import type { Database } from '../../db/database.ts';
import { requireOrganizationPermission } from '../../http/principal.ts';
import * as service from './messages-admin.service.ts';

const idParams = z.object({ id: z.uuid() });
const templateParams = z.object({ kind: z.string().regex(/^[a-z_]{2,60}$/), locale: templateLocale });
const PERMISSION = 'admin.manage_reference_data';

export const messagesAdminRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/admin/outbox',
    {
      schema: {
        tags: ['admin'],
        summary: 'Sent and queued mail (the outbox), newest first',
        description:
          'Every e-mail Gehoord sends passes through here. Filter on `failed` to see what could not be delivered. ' +
          'A message about a complaint the reader may not open is listed `redacted` (no complaint, addresses, subject or error); ' +
          'filtered on such a complaint, the list is empty as for an unknown one. Messages shown are recorded in the access log.',
        querystring: outboxListQuery,
        response: { 200: z.array(outboxMessage) },
      },
    },
    async (request) =>
      service.listOutbox(db, requireOrganizationPermission(request, PERMISSION), request.query),
  );

  app.get(
    '/api/admin/outbox/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'One outbox message with its text',
        params: idParams,
        response: { 200: outboxMessageDetail },
      },
    },
    async (request) =>
      service.getOutboxMessage(db, requireOrganizationPermission(request, PERMISSION), request.params.id),
  );

  app.post(
    '/api/admin/outbox/:id/retry',
    {
      schema: {
        tags: ['admin'],
        summary: 'Queue a failed message again',
        params: idParams,
        response: { 200: outboxMessage },
      },
    },
    async (request) =>
      service.retryOutboxMessage(db, requireOrganizationPermission(request, PERMISSION), request.params.id),
  );

  app.get(
    '/api/admin/message-templates',
    {
      schema: {
        tags: ['admin'],
        summary: 'Message templates (Dutch and English) with their placeholders',
        response: { 200: z.array(messageTemplate) },
      },
    },
    async (request) => service.listTemplates(db, requireOrganizationPermission(request, PERMISSION)),
  );

  app.put(
    '/api/admin/message-templates/:kind/:locale',
    {
      schema: {
        tags: ['admin'],
        summary: "Change a template's wording",
        description: 'Placeholders are written `{{name}}`; an unknown one is a validation error.',
        params: templateParams,
        body: templateText,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const staff = requireOrganizationPermission(request, PERMISSION);
      await service.saveTemplate(db, staff, request.params.kind, request.params.locale, request.body);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/admin/message-templates/:kind/:locale',
    {
      schema: {
        tags: ['admin'],
        summary: 'Back to the built-in wording',
        params: templateParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const staff = requireOrganizationPermission(request, PERMISSION);
      await service.resetTemplate(db, staff, request.params.kind, request.params.locale);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/admin/message-templates/:kind/:locale/preview',
    {
      schema: {
        tags: ['admin'],
        summary: 'Preview a template with example values (nothing is stored)',
        params: templateParams,
        body: templateText,
        response: { 200: templatePreview },
      },
    },
    async (request) => {
      requireOrganizationPermission(request, PERMISSION);
      return service.previewTemplate(request.params.kind, request.body);
    },
  );
};
