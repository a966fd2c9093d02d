import { z } from 'zod';
import { TOKEN_SCOPES } from '../domain/permissions.ts';

export const tokenScope = z.enum(TOKEN_SCOPES).meta({
  id: 'TokenScope',
  description:
    'read = read complaints; register = read + register complaints; full = also log contacts and handle',
});

export const apiToken = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().describe('First characters, to recognise the token'),
    scope: tokenScope,
    createdAt: z.iso.datetime(),
    createdByName: z.string().nullable(),
    expiresAt: z.iso.datetime().nullable(),
    lastUsedAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ApiToken' });

export const createApiTokenInput = z
  .object({
    name: z.string().trim().min(1).max(120).meta({ example: 'CRM-koppeling' }),
    scope: tokenScope,
    expiresAt: z.iso.datetime({ offset: true }).optional(),
  })
  .meta({ id: 'CreateApiTokenInput' });

export const createdApiToken = z
  .object({ token: z.string().describe('Shown this once; store it in the integration'), apiToken })
  .meta({ id: 'CreatedApiToken' });
