import { z } from 'zod';
import { staffRole } from './auth.ts';

/** Where to land after signing in: a path on this site only (no scheme, no `//host`), so no open redirect. */
export const returnToPath = z
  .string()
  .max(500)
  .regex(/^\/(?![/\\])[^\s]*$/, 'must be a path on this site, starting with a single /')
  .meta({ example: '/klachten' });

export const ssoStartQuery = z.object({
  returnTo: returnToPath.optional().describe('Page to open after signing in; default `/`'),
});

export const ssoCallbackQuery = z.object({
  code: z.string().max(4096).optional(),
  state: z.string().max(1024).optional(),
  iss: z.string().max(1024).optional(),
  error: z.string().max(256).optional(),
  error_description: z.string().max(2048).optional(),
  session_state: z.string().max(1024).optional(),
});

export const ssoAvailability = z
  .object({
    enabled: z
      .boolean()
      .describe('Single sign-on is configured and this organisation allows at least one issuer or tenant'),
    startUrl: z
      .string()
      .nullable()
      .describe('Link the login screen opens to start signing in; null when off'),
  })
  .meta({ id: 'SsoAvailability' });

const issuerUrl = z
  .url({ protocol: /^https?$/ })
  .max(500)
  .meta({ example: 'https://login.microsoftonline.com/8f0c2a5e-3b1d-4c6e-9a7f-1d2e3f4a5b6c/v2.0' });
const tenantId = z.string().trim().min(1).max(200).meta({
  example: '8f0c2a5e-3b1d-4c6e-9a7f-1d2e3f4a5b6c',
  description: 'Microsoft Entra ID tenant id (`tid`)',
});

export const ssoSettings = z
  .object({
    configured: z.boolean().describe('Whether OIDC_ISSUER and OIDC_CLIENT_ID are set for this installation'),
    issuer: z.string().nullable().describe('The configured provider (OIDC_ISSUER)'),
    redirectUri: z.string().nullable().describe('Register this redirect URI at the provider'),
    allowedIssuers: z.array(z.string()),
    allowedTenantIds: z.array(z.string()),
    linkByEmailAllowed: z.boolean(),
    provisioning: z.object({
      enabled: z.boolean(),
      role: staffRole,
      departmentId: z.uuid().nullable(),
    }),
    updatedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'SsoSettings' });

export const updateSsoSettingsInput = z
  .object({
    allowedIssuers: z
      .array(issuerUrl)
      .max(20)
      .describe('Exact `iss` values whose users may sign in here (e.g. one Entra tenant’s issuer)'),
    allowedTenantIds: z
      .array(tenantId)
      .max(20)
      .describe('Entra ID tenants (`tid`) whose users may sign in here, for a multi-tenant app registration'),
    linkByEmailAllowed: z
      .boolean()
      .describe(
        'A first SSO login may link to the existing account with the same verified e-mail address. ' +
          'Off: only accounts an administrator marked (`ssoLinkAllowed`) link by e-mail.',
      ),
    provisioning: z.object({
      enabled: z.boolean().describe('Create an account on a first SSO login that matches no account'),
      role: staffRole.describe('Role of accounts created that way'),
      departmentId: z.uuid().nullable().describe('Department of accounts created that way'),
    }),
  })
  .meta({ id: 'UpdateSsoSettingsInput' });

export const ssoIdentity = z
  .object({
    id: z.uuid(),
    issuer: z.string(),
    subject: z.string().describe('The provider’s stable subject; Entra ID: `tid:oid`'),
    tenantId: z.string().nullable(),
    createdAt: z.iso.datetime(),
    lastLoginAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'SsoIdentity' });

export const linkSsoIdentityInput = z
  .object({
    issuer: issuerUrl.describe('The `iss` of the person’s ID token (see the `sso_refused` audit event)'),
    subject: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .describe(
        'The subject as Gehoord records it (Entra ID: `tid:oid`), from the `sso_refused` audit event',
      ),
    tenantId: tenantId.nullable().default(null),
  })
  .meta({ id: 'LinkSsoIdentityInput' });

export const userIdentityParams = z.object({ id: z.uuid(), identityId: z.uuid() });

export type SsoSettings = z.infer<typeof ssoSettings>;
export type UpdateSsoSettingsInput = z.infer<typeof updateSsoSettingsInput>;
export type SsoIdentity = z.infer<typeof ssoIdentity>;
export type LinkSsoIdentityInput = z.infer<typeof linkSsoIdentityInput>;
export type SsoAvailability = z.infer<typeof ssoAvailability>;
