import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  linkSsoIdentityInput,
  ssoIdentity,
  ssoSettings,
  updateSsoSettingsInput,
  userIdentityParams,
} from '../../../contract/sso.ts';
import { idParams } from '../../../contract/staff.ts';
import type { Database } from '../../db/database.ts';
import { clientInfo } from '../../http/authentication.ts';
import { requireOrganizationPermission } from '../../http/principal.ts';
import type { OidcClient } from './oidc/oidc-client.ts';
import * as identities from './sso-identities.service.ts';
import * as settings from './sso-settings.service.ts';

const noContent = z.null().describe('No content');

/** Administration of single sign-on: the organisation's settings and the identities linked to accounts. */
export const ssoAdminRoutes: FastifyPluginAsyncZod<{ db: Database; client: OidcClient | null }> = async (
  app,
  { db, client },
) => {
  app.get(
    '/api/admin/sso-settings',
    {
      schema: {
        tags: ['admin'],
        summary: 'Single sign-on settings of this organisation',
        response: { 200: ssoSettings },
      },
    },
    async (request) =>
      settings.getSsoSettings(db, requireOrganizationPermission(request, 'admin.manage_users'), client),
  );

  app.put(
    '/api/admin/sso-settings',
    {
      schema: {
        tags: ['admin'],
        summary: 'Change the single sign-on settings of this organisation',
        description:
          'Allow-list issuers and/or Entra ID tenants, allow linking by verified e-mail for everyone (per account: ' +
          '`ssoLinkAllowed` on `PATCH /api/admin/users/{id}`), and switch just-in-time accounts on or off.',
        body: updateSsoSettingsInput,
        response: { 200: ssoSettings },
      },
    },
    async (request) =>
      settings.updateSsoSettings(
        db,
        requireOrganizationPermission(request, 'admin.manage_users'),
        client,
        request.body,
        clientInfo(request),
      ),
  );

  app.get(
    '/api/admin/users/:id/sso-identities',
    {
      schema: {
        tags: ['admin'],
        summary: 'Provider identities linked to a staff account',
        params: idParams,
        response: { 200: z.array(ssoIdentity) },
      },
    },
    async (request) =>
      identities.listSsoIdentities(
        db,
        requireOrganizationPermission(request, 'admin.manage_users'),
        request.params.id,
      ),
  );

  app.delete(
    '/api/admin/users/:id/sso-identities/:identityId',
    {
      schema: {
        tags: ['admin'],
        summary: 'Unlink a provider identity from a staff account',
        params: userIdentityParams,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      await identities.unlinkSsoIdentity(
        db,
        requireOrganizationPermission(request, 'admin.manage_users'),
        request.params.id,
        request.params.identityId,
        clientInfo(request),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/admin/users/:id/sso-identities',
    {
      schema: {
        tags: ['admin'],
        summary: 'Link a provider identity to a staff account by hand',
        description:
          'For providers that vouch for no e-mail address: copy issuer and subject from the `sso_refused` audit ' +
          'event of the person’s first attempt. 409 when the identity is already linked.',
        params: idParams,
        body: linkSsoIdentityInput,
        response: { 201: ssoIdentity },
      },
    },
    async (request, reply) => {
      const staff = requireOrganizationPermission(request, 'admin.manage_users');
      const linked = await identities.linkSsoIdentity(
        db,
        staff,
        request.params.id,
        request.body,
        clientInfo(request),
      );
      return reply.status(201).send(linked);
    },
  );
};
