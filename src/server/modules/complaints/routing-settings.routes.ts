import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { routingSettings, updateRoutingSettingsInput } from '../../../contract/routing-settings.ts';
import type { Database } from '../../db/database.ts';
import { requireOrganizationPermission, requireStaff } from '../../http/principal.ts';
import { getRoutingSettings, updateRoutingSettings } from './routing-settings.service.ts';

export const routingSettingsRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/routing-settings',
    {
      schema: {
        tags: ['admin'],
        summary: "The organisation's routing rule (who handles a complaint about an employee's conduct)",
        description:
          'policy 1.3: every staff member may read it (triage shows where a complaint will go); defaults apply while none is saved.',
        response: { 200: routingSettings },
      },
    },
    async (request) => getRoutingSettings(db, requireStaff(request)),
  );

  app.put(
    '/api/routing-settings',
    {
      schema: {
        tags: ['admin'],
        summary: "Change the organisation's routing rule (administrators)",
        description:
          "policy 1.3: with `conductToManager` on, a complaint about an employee's conduct (category 4 with an employee as subject) goes to their manager at triage, with reason `organization_rule`. Cases already routed stay where they are.",
        body: updateRoutingSettingsInput,
        response: { 200: routingSettings },
      },
    },
    async (request) =>
      updateRoutingSettings(
        db,
        requireOrganizationPermission(request, 'admin.manage_reference_data'),
        request.body,
      ),
  );
};
