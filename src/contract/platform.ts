import { z } from 'zod';

// Issue 25 (decision 047): the platform administrator's API — onboarding, host names, suspension of corporations.

const LOCALES = ['nl', 'en'] as const;

/** A DNS host name without port, lower case (what the Host header carries before the port). */
export const hostName = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(253)
  .regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/)
  .describe('Host name without scheme or port, e.g. klachten.woonstad.nl');

export const hostNames = z.array(hostName).min(1).max(10);

export const platformSignInInput = z
  .object({
    email: z.string().trim().toLowerCase().min(3).max(254),
    password: z.string().min(1).max(256),
  })
  .meta({ id: 'PlatformSignIn' });

export const platformPasswordInput = z
  .object({
    token: z
      .string()
      .min(10)
      .max(200)
      .describe('The token after # in the link `npm run org -- admin create` printed'),
    password: z.string().min(1).max(256),
  })
  .meta({ id: 'PlatformPassword' });

export const platformMe = z.object({ email: z.string() }).meta({ id: 'PlatformAdministrator' });

export const createCorporationInput = z
  .object({
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9-]{1,62}$/)
      .describe('Short name: lower-case letters, digits and hyphens'),
    name: z.string().trim().min(1).max(200),
    hostnames: hostNames,
    locales: z.array(z.enum(LOCALES)).min(1).max(2).default(['nl']).describe('Languages, the default first'),
    sessionIdleMinutes: z.number().int().min(5).max(1440).optional(),
    sessionAbsoluteHours: z.number().int().min(1).max(168).optional(),
  })
  .meta({ id: 'CreateCorporation' });

export type CreateCorporationInput = z.infer<typeof createCorporationInput>;

export const corporationSummary = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    hostnames: z.array(z.string()),
    locales: z.array(z.string()),
    suspendedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    staffAccounts: z.number().int().describe('Active staff accounts (a number only)'),
    complaintsThisYear: z.number().int().describe('Complaints received this calendar year (a number only)'),
  })
  .meta({ id: 'CorporationSummary' });

export type CorporationSummary = z.infer<typeof corporationSummary>;

export const corporationList = z
  .object({ items: z.array(corporationSummary) })
  .meta({ id: 'CorporationList' });

export const createdCorporation = z
  .object({
    corporation: corporationSummary,
    setupUrl: z.string().describe('One-time link (24 h) for the first administrator, on its own host name'),
    setupLinkExpiresAt: z.iso.datetime(),
  })
  .meta({ id: 'CreatedCorporation' });

export type CreatedCorporation = z.infer<typeof createdCorporation>;

export const hostNamesInput = z.object({ hostnames: hostNames }).meta({ id: 'CorporationHostNames' });

export const corporationIdParams = z.object({ id: z.uuid() });

/** Decision 047: an export of a corporation, encrypted to the public key the corporation hands over (PEM). */
export const startExportInput = z
  .object({ publicKey: z.string().trim().min(1).max(20_000) })
  .meta({ id: 'StartCorporationExport' });

export const corporationExport = z
  .object({
    id: z.uuid(),
    corporationId: z.uuid(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    tablesDone: z.number().int(),
    tablesTotal: z.number().int(),
    rowsDone: z.number().int(),
    filesDone: z.number().int(),
    sizeBytes: z.number().int().nullable(),
    error: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    /** Until the archive is removed (EXPORT_KEEP_DAYS after it was made). */
    expiresAt: z.string(),
    downloadUrl: z.string().nullable(),
  })
  .meta({ id: 'CorporationExport' });

export const corporationExportList = z
  .object({ exports: z.array(corporationExport) })
  .meta({ id: 'CorporationExportList' });

export const corporationExportParams = z.object({ id: z.uuid(), exportId: z.uuid() });
