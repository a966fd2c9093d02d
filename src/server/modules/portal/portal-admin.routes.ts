import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { complaintIdParams } from '../../../contract/complaints.ts';
import { portalSettings } from '../../../contract/portal.ts';
import type { Database } from '../../db/database.ts';
import { requireOrganizationPermission, requireStaff } from '../../http/principal.ts';
import { revokeComplaintStatusLinks } from './portal-links.service.ts';
import { getPortalSettings, savePortalSettings } from './portal-settings.service.ts';

export const portalAdminRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/admin/portal-settings',
    {
      schema: {
        tags: ['admin'],
        summary: 'Settings of the public complaint portal',
        response: { 200: portalSettings },
      },
    },
    async (request) =>
      getPortalSettings(db, requireOrganizationPermission(request, 'admin.manage_reference_data')),
  );

  app.put(
    '/api/admin/portal-settings',
    {
      schema: {
        tags: ['admin'],
        summary: 'Change the settings of the public complaint portal',
        description:
          'Branding, contact details, the links and texts that route repair, nuisance, fraud and rent matters elsewhere, the regional complaints committee, the intake department and how long status links stay valid after closure.',
        body: portalSettings,
        response: { 200: portalSettings },
      },
    },
    async (request) =>
      savePortalSettings(
        db,
        requireOrganizationPermission(request, 'admin.manage_reference_data'),
        request.body,
      ),
  );

  app.post(
    '/api/complaints/:id/status-links/revoke',
    {
      schema: {
        tags: ['complaints'],
        summary: "Revoke the complainant's private status link",
        description: 'The link then shows "link not valid". Allowed for whoever may see the complaint.',
        params: complaintIdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await revokeComplaintStatusLinks(db, requireStaff(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
