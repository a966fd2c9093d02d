import { z } from 'zod';
import { LEGAL_HOLD_KINDS, type LegalHoldKind } from '../domain/retention.ts';

const localDate = z.iso.date().describe('A calendar day in Europe/Amsterdam, YYYY-MM-DD');

export const privacySettings = z
  .object({
    retentionYears: z
      .number()
      .int()
      .min(1)
      .max(10)
      .describe('Years after closing that a complaint keeps its personal data (default 2)'),
    legalHoldMaxYears: z
      .number()
      .int()
      .min(1)
      .max(20)
      .describe('No personal data is kept longer than this after closing, legal holds included (default 5)'),
    mailIncludesCaseText: z
      .boolean()
      .describe('E-mails carry the case texts; off (default): reference and a link only'),
  })
  .meta({ id: 'PrivacySettings' });

export const updatePrivacySettingsInput = privacySettings
  .partial()
  .meta({ id: 'UpdatePrivacySettingsInput' });

export const legalHoldKind = z
  .enum(Object.keys(LEGAL_HOLD_KINDS) as [LegalHoldKind, ...LegalHoldKind[]])
  .meta({ id: 'LegalHoldKind', description: 'committee, huurcommissie, court, insurer or compensation' });

export const legalHold = z
  .object({
    id: z.uuid().nullable().describe('null for a hold the data itself shows (derived)'),
    complaintId: z.uuid(),
    kind: legalHoldKind,
    reason: z.string(),
    placedOn: localDate,
    liftedOn: localDate.nullable(),
    derived: z.boolean(),
  })
  .meta({ id: 'LegalHold' });

export const createLegalHoldInput = z
  .object({
    kind: legalHoldKind,
    reason: z.string().trim().min(1).max(1000).meta({ example: 'Bezwaar loopt bij de Huurcommissie' }),
    placedOn: localDate.optional().describe('Default: today'),
  })
  .meta({ id: 'CreateLegalHoldInput' });

export const liftLegalHoldInput = z
  .object({ liftedOn: localDate.optional().describe('Default: today') })
  .meta({ id: 'LiftLegalHoldInput' });

const retentionItem = z.object({
  complaintId: z.uuid(),
  reference: z.string(),
  closedOn: localDate,
});

export const retentionPreview = z
  .object({
    today: localDate,
    settings: privacySettings,
    anonymise: z.array(retentionItem.extend({ because: z.enum(['term_expired', 'hold_maximum_reached']) })),
    held: z.array(retentionItem.extend({ holds: z.array(legalHold), anonymiseOnAtLatest: localDate })),
  })
  .meta({ id: 'RetentionPreview' });

export const accessLogQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
  userId: z.uuid().optional(),
  complaintId: z.uuid().optional(),
  personId: z.uuid().optional(),
  before: z.coerce.number().int().min(1).optional().describe('Page on: the smallest id of the previous page'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const accessLogEntry = z
  .object({
    id: z.number().int(),
    at: z.iso.datetime(),
    what: z.string(),
    complaintId: z.uuid().nullable(),
    reference: z.string().nullable(),
    personId: z.uuid().nullable(),
    userId: z.uuid().nullable(),
    userName: z.string().nullable(),
    tokenId: z.uuid().nullable(),
    tokenName: z.string().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AccessLogEntry' });

export const accessLogPage = z
  .object({ items: z.array(accessLogEntry), nextBefore: z.number().int().nullable() })
  .meta({ id: 'AccessLogPage' });

export const erasureResult = z
  .object({
    personId: z.uuid(),
    complaintsAnonymised: z.number().int(),
    filesDeleted: z.number().int(),
  })
  .meta({ id: 'ErasureResult' });
