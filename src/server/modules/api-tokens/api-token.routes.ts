import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiToken, createApiTokenInput, createdApiToken } from '../../../contract/api-tokens.ts';
import { idParams } from '../../../contract/staff.ts';
import type { Database } from '../../db/database.ts';
import { clientInfo } from '../../http/authentication.ts';
import { requireOrganizationPermission } from '../../http/principal.ts';
import { createToken, listTokens, revokeToken } from './api-token.service.ts';

export const apiTokenRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/admin/api-tokens',
    {
      schema: {
        tags: ['admin'],
        summary: 'API tokens for integrations',
        response: { 200: z.array(apiToken) },
      },
    },
    async (request) => listTokens(db, requireOrganizationPermission(request, 'admin.manage_api_tokens')),
  );

  app.post(
    '/api/admin/api-tokens',
    {
      schema: {
        tags: ['admin'],
        summary: 'Create an API token (shown once)',
        description: 'Integrations send it as `Authorization: Bearer <token>`.',
        body: createApiTokenInput,
        response: { 201: createdApiToken },
      },
    },
    async (request, reply) => {
      const staff = requireOrganizationPermission(request, 'admin.manage_api_tokens');
      const created = await createToken(db, staff, request.body, clientInfo(request), new Date());
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/api/admin/api-tokens/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'Revoke an API token',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await revokeToken(
        db,
        requireOrganizationPermission(request, 'admin.manage_api_tokens'),
        request.params.id,
        clientInfo(request),
      );
      return reply.status(204).send(null);
    },
  );
};
