import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { organizationSettings, publicOrganization } from '../../../contract/organization.ts';
import { problem } from '../../../contract/problem.ts';
import type { Database } from '../../db/database.ts';
import { requireOrganizationPermission } from '../../http/principal.ts';
import {
  getOrganizationSettings,
  getPublicOrganization,
  resolveOrganizationForHost,
  saveOrganizationSettings,
} from './organization.service.ts';

const PERMISSION = 'admin.manage_reference_data';

export const organizationRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/organization',
    {
      config: { public: true },
      schema: {
        tags: ['organization'],
        summary: 'The housing corporation this address serves',
        description:
          'Public: used by the complaint portal and the sign-in page to show whose service this is.',
        response: { 200: publicOrganization, 404: problem },
      },
    },
    async (request) => {
      const organizationId = await resolveOrganizationForHost(db, request.hostname);
      return getPublicOrganization(db, organizationId);
    },
  );

  app.get(
    '/api/admin/organization',
    {
      schema: {
        tags: ['admin'],
        summary: 'The organisation’s name and postal address (letters and the portal show them)',
        description:
          'Phone, e-mail, opening hours and website are the portal’s contact details: `GET /api/admin/portal-settings`.',
        response: { 200: organizationSettings },
      },
    },
    async (request) => getOrganizationSettings(db, requireOrganizationPermission(request, PERMISSION)),
  );

  app.put(
    '/api/admin/organization',
    {
      schema: {
        tags: ['admin'],
        summary: 'Change the organisation’s name and postal address',
        body: organizationSettings,
        response: { 200: organizationSettings },
      },
    },
    async (request) =>
      saveOrganizationSettings(db, requireOrganizationPermission(request, PERMISSION), request.body),
  );
};
