import { z } from 'zod';
import {
  ACCESS_NEEDS,
  ADJUSTMENT_KINDS,
  CALL_BACK_TOPICS,
  type CallBackTopic,
  CONTACT_CHANNELS,
  DAY_PARTS,
  LEGAL_BASES,
  REPRESENTATIVE_AUTHORITIES,
} from '../domain/index.ts';

// Issue 26 (decision 051): what a complainant asked for, per person; staff read and change them on the case.

const note = (max: number) => z.string().trim().max(max).nullable();

export const adjustmentsInput = z
  .object({
    preferredChannel: z
      .enum(CONTACT_CHANNELS)
      .nullable()
      .optional()
      .describe('How messages reach the complainant; letter means a posted letter instead of an e-mail'),
    largePrint: z.boolean().optional().describe('Letters in large print'),
    interpreterLanguage: z
      .string()
      .trim()
      .max(60)
      .nullable()
      .optional()
      .describe("An interpreter's language"),
    callBack: z
      .object({ dayParts: z.array(z.enum(DAY_PARTS)).max(3), note: note(300) })
      .nullable()
      .optional()
      .describe('When to call back: day parts and/or free text'),
    representative: z
      .object({
        name: z.string().trim().min(1).max(200),
        contact: z.string().trim().min(1).max(200),
        authority: z.enum(REPRESENTATIVE_AUTHORITIES),
        authorityNote: note(300).describe('The document, or who recorded an oral authority'),
        authorityDate: z.iso.date(),
        receivesCopies: z.boolean().describe('The representative receives copies of messages'),
      })
      .nullable()
      .optional(),
    accessNeeds: z
      .object({
        needs: z.array(z.enum(ACCESS_NEEDS)).min(1).max(ACCESS_NEEDS.length),
        note: note(300),
        consentGiven: z.boolean().describe('Explicit consent to keep this (AVG art. 9(2)(a)); required'),
      })
      .nullable()
      .optional()
      .describe('Reading or hearing needs: health data, kept only with explicit consent'),
  })
  .meta({
    id: 'AdjustmentsInput',
    description: 'The whole set of adjustments: what is left out is removed (issue 26, decision 051).',
  });

/** Through what an adjustment was recorded (decision 052): a staff member, the complainant on the portal, an API token. */
export const ADJUSTMENT_RECORDED_VIA = ['staff', 'portal', 'api'] as const;
export type AdjustmentRecordedVia = (typeof ADJUSTMENT_RECORDED_VIA)[number];

/** The messages of the domain rule's refusals (decideAdjustments), shared by the case page's PUT and intake. */
export const ADJUSTMENT_PROBLEM_TEXT = {
  consent_required: {
    nl: 'Leg de uitdrukkelijke toestemming van de klager vast (AVG art. 9): anders bewaren we dit niet.',
    en: "Record the complainant's explicit consent (GDPR art. 9): without it this is not kept.",
  },
  call_back_empty: {
    nl: 'Kies een dagdeel of beschrijf wanneer we kunnen terugbellen.',
    en: 'Choose a part of the day or describe when to call back.',
  },
} as const;

export const adjustmentRecord = z.object({
  kind: z.enum(ADJUSTMENT_KINDS as [string, ...string[]]),
  legalBasis: z.enum(LEGAL_BASES),
  consentAt: z.iso.datetime({ offset: true }).nullable(),
  recordedByName: z
    .string()
    .nullable()
    .describe('The staff member who recorded it (null: not staff, or removed)'),
  recordedVia: z
    .enum(ADJUSTMENT_RECORDED_VIA)
    .describe(
      'staff: a staff member (recordedByName); portal: the complainant on the public form; api: a token',
    ),
  recordedAt: z.iso.datetime({ offset: true }),
});

export const complainantAdjustments = z
  .object({
    personId: z.uuid().nullable().describe('The complainant; null when the complaint has none (anonymised)'),
    adjustments: adjustmentsInput,
    records: z.array(adjustmentRecord),
    route: z.object({
      channel: z.enum(CONTACT_CHANNELS),
      largePrint: z.boolean(),
      copyToRepresentative: z.boolean(),
    }),
    warnings: z.array(z.enum(['emailed_despite_preference', 'call_back_missing'])),
    callBack: z
      .object({
        since: z.iso.datetime({ offset: true }).describe('The first message not yet followed by a call'),
        topics: z.array(z.enum(Object.keys(CALL_BACK_TOPICS) as [CallBackTopic, ...CallBackTopic[]])),
        dueOn: z.iso.date().describe('The working day by which to call (the next working day)'),
        late: z.boolean(),
      })
      .nullable()
      .describe('Decision 053: the call-back still to make; done when a phone contact is logged after it'),
    nextSteps: z
      .array(
        z.object({
          code: z.enum(['call_back_complainant', 'follow_preferred_channel']),
          nl: z.string(),
          en: z.string(),
          urgent: z.boolean(),
        }),
      )
      .describe("Decision 053: the adjustments' steps for the case's next-steps list, worded for action"),
  })
  .meta({ id: 'ComplainantAdjustments' });

export type ComplainantAdjustments = z.infer<typeof complainantAdjustments>;
export type AdjustmentsInput = z.infer<typeof adjustmentsInput>;

/** Issue 26: a person's recorded adjustments, read-only, for the staff intake (so staff don't ask again). */
export const personAdjustments = z
  .object({
    personId: z.uuid(),
    adjustments: adjustmentsInput,
    records: z.array(adjustmentRecord),
  })
  .meta({ id: 'PersonAdjustments' });
export type PersonAdjustments = z.infer<typeof personAdjustments>;
