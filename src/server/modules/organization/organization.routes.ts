import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { publicOrganization } from '../../../contract/organization.ts';
import { problem } from '../../../contract/problem.ts';
import type { Database } from '../../db/database.ts';
import { getPublicOrganization, resolveOrganizationForHost } from './organization.service.ts';

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
};
