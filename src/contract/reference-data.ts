import { z } from 'zod';
import { LIBERATION_DAY_MODES } from '../domain/calendar-settings.ts';
import { emailAddress } from './auth.ts';

/** A refinement's own message in Dutch and English (picked up by the validation-message mapper). */
export const bilingual = (nl: string, en: string) => ({ params: { messages: { nl, en } } });

export const POSTCODE_PATTERN = /^[1-9][0-9]{3}[A-Z]{2}$/;

/** "1234 ab" → "1234AB": how PostgreSQL stores it and how people search for it. */
export function normalizePostcode(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

export const postcode = z
  .string()
  .max(20)
  .overwrite(normalizePostcode)
  .refine(
    (value) => POSTCODE_PATTERN.test(value),
    bilingual('Vul een postcode in zoals 2678 AB.', 'Enter a Dutch postcode such as 2678 AB.'),
  )
  .meta({
    example: '2678 AB',
    description: 'Dutch postcode; spaces and lower case are normalised to 2678AB',
  });

export const phoneNumber = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .refine(
    (value) => /^\+?[0-9][0-9 ()-]*$/.test(value),
    bilingual(
      'Vul een telefoonnummer in met cijfers (spaties, +, - en haakjes mogen).',
      'Enter a phone number in digits (spaces, +, - and brackets allowed).',
    ),
  )
  .meta({ example: '06 12345678' });

/** PostgreSQL text cannot hold U+0000; refuse it here rather than fail in the database. */
export const withoutNul = <T extends z.ZodString>(schema: T) =>
  schema.refine(
    (value) => !value.includes('\u0000'),
    bilingual('Bevat een teken dat niet is toegestaan.', 'Contains a character that is not allowed.'),
  );

const text = (max: number) => withoutNul(z.string().trim().min(1).max(max));
const optionalText = (max: number) => text(max).nullable().optional();
const externalId = optionalText(100).describe("Id in the corporation's own system; imports match on it");

export const PERSON_RELATIONS = ['tenant', 'prospective_tenant', 'buyer', 'other'] as const;
export const personRelation = z.enum(PERSON_RELATIONS).meta({
  id: 'PersonRelation',
  description: 'tenant = huurder, prospective_tenant = woningzoekende, buyer = koper, other = anders',
});

export const REFERENCE_VALUE_KINDS = [
  'category',
  'outside_procedure_ground',
  'referral_target',
  'not_a_complaint_kind',
] as const;
export const referenceValueKind = z.enum(REFERENCE_VALUE_KINDS).meta({
  id: 'ReferenceValueKind',
  description:
    'category = klachtcategorie (1.2), outside_procedure_ground = grond buiten de procedure (2.5), ' +
    'referral_target = waarheen verwezen, not_a_complaint_kind = soort melding die geen klacht is (1.2)',
});

export const idParams = z.object({ id: z.uuid() });

export const listQuery = z.object({
  search: withoutNul(z.string().trim().max(100))
    .optional()
    .describe('Words that must each appear (in any order) in a name, address, postcode or number'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const pageOf = <T extends z.ZodType>(item: T, id: string) =>
  z
    .object({
      items: z.array(item),
      total: z.number().int().describe('Matching rows in all pages'),
      limit: z.number().int(),
      offset: z.number().int(),
    })
    .meta({ id });

// Housing complexes (complexen) and units (verhuureenheden)

export const housingComplex = z
  .object({
    id: z.uuid(),
    complexNumber: z.string().meta({ description: 'Complexnummer', example: '1040' }),
    name: z.string(),
    place: z.string(),
    externalId: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'HousingComplex' });

export const createHousingComplexInput = z
  .object({
    complexNumber: text(20).meta({ example: '1040' }),
    name: text(200).meta({ example: 'De Hoven' }),
    place: text(100).meta({ example: 'Maasland' }),
    externalId,
  })
  .meta({ id: 'CreateHousingComplexInput' });

export const updateHousingComplexInput = createHousingComplexInput
  .partial()
  .meta({ id: 'UpdateHousingComplexInput' });

export const unit = z
  .object({
    id: z.uuid(),
    housingComplexId: z.uuid().nullable(),
    complexNumber: z.string().nullable(),
    complexName: z.string().nullable(),
    externalId: z.string().nullable(),
    street: z.string(),
    houseNumber: z.number().int(),
    houseNumberAddition: z.string().nullable(),
    postcode: z.string(),
    place: z.string(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Unit' });

export const createUnitInput = z
  .object({
    housingComplexId: z.uuid().nullable().optional(),
    externalId,
    street: text(200).meta({ example: 'Dorpsstraat' }),
    houseNumber: z.number().int().min(1).max(99_999).meta({ example: 12 }),
    houseNumberAddition: optionalText(10).meta({ example: 'A' }),
    postcode,
    place: text(100).meta({ example: 'Maasland' }),
  })
  .meta({ id: 'CreateUnitInput' });

export const updateUnitInput = createUnitInput.partial().meta({ id: 'UpdateUnitInput' });

export const unitListQuery = listQuery.extend({ housingComplexId: z.uuid().optional() });

/** Issue 22: a new caller's address, found in the imported units by postcode and house number (+ addition). */
export const addressLookupQuery = z.object({
  postcode,
  houseNumber: z.coerce.number().int().min(1).max(99_999).meta({ example: 12 }),
  addition: withoutNul(z.string().trim().max(10))
    .optional()
    .describe('Huisnummertoevoeging; left out: every unit at that number')
    .meta({ example: 'A' }),
});

export const addressLookupResult = z
  .object({ items: z.array(unit).describe('Units at this address (several when the addition was left out)') })
  .meta({ id: 'AddressLookupResult' });

// Persons (complainants) and representatives

export const person = z
  .object({
    id: z.uuid(),
    externalId: z.string().nullable(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    postalAddress: z.string().nullable(),
    relation: personRelation,
    unitId: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Person' });

export const createPersonInput = z
  .object({
    name: text(200).meta({ example: 'Mevrouw A. Bakker' }),
    email: emailAddress.nullable().optional(),
    phone: phoneNumber.nullable().optional(),
    postalAddress: optionalText(500).meta({ example: 'Dorpsstraat 12A, 2678 AB Maasland' }),
    relation: personRelation,
    unitId: z.uuid().nullable().optional(),
    externalId,
  })
  .meta({ id: 'CreatePersonInput' });

export const updatePersonInput = createPersonInput.partial().meta({ id: 'UpdatePersonInput' });

export const personListQuery = listQuery.extend({
  unitId: z.uuid().optional(),
  relation: personRelation.optional(),
});

export const representative = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    relation: z.string(),
    consentNoted: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Representative' });

export const createRepresentativeInput = z
  .object({
    name: text(200).meta({ example: 'J. Bakker' }),
    email: emailAddress.nullable().optional(),
    phone: phoneNumber.nullable().optional(),
    relation: text(100).meta({ example: 'zoon', description: 'How this person relates to the complainant' }),
    consentNoted: z
      .boolean()
      .optional()
      .describe("The complainant's consent to act on their behalf has been noted (policy 1.1)"),
  })
  .meta({ id: 'CreateRepresentativeInput' });

export const updateRepresentativeInput = createRepresentativeInput
  .partial()
  .meta({ id: 'UpdateRepresentativeInput' });

// Contractors (derden)

export const contractor = z
  .object({
    id: z.uuid(),
    name: z.string(),
    trade: z.string().nullable(),
    active: z.boolean(),
    responsibleDepartmentId: z
      .uuid()
      .nullable()
      .describe('The department that handles complaints about this contractor (policy 1.3)'),
    responsibleDepartmentName: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Contractor' });

export const createContractorInput = z
  .object({
    name: text(200).meta({ example: 'Installatiebedrijf Van der Berg' }),
    trade: optionalText(100).meta({ example: 'loodgieter' }),
    responsibleDepartmentId: z
      .uuid()
      .nullable()
      .optional()
      .describe(
        'An active department of this organisation; complaints about the contractor are routed there (422 otherwise)',
      ),
  })
  .meta({ id: 'CreateContractorInput' });

export const updateContractorInput = createContractorInput
  .extend({ active: z.boolean().optional() })
  .partial()
  .meta({ id: 'UpdateContractorInput' });

export const contractorListQuery = listQuery.extend({
  active: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});

// The policy's code lists

export const referenceValue = z
  .object({
    kind: referenceValueKind,
    code: z.string().describe('Fixed by the policy; only label, order and active can change'),
    label: z.string(),
    sortOrder: z.number().int(),
    active: z.boolean(),
  })
  .meta({ id: 'ReferenceValue' });

export const referenceValueParams = z.object({
  kind: referenceValueKind,
  code: z.string().regex(/^[a-z_]{2,60}$/),
});

export const updateReferenceValueInput = z
  .object({
    label: text(300).optional(),
    sortOrder: z.number().int().min(0).max(10_000).optional(),
    active: z.boolean().optional().describe('false hides the value from new choices; history keeps it'),
  })
  .meta({ id: 'UpdateReferenceValueInput' });

// Working-day calendar settings (policy 2.3)

export const calendarSettings = z
  .object({
    version: z.number().int(),
    termWorkingDays: z.number().int(),
    cutOffTime: z.string().meta({ example: '17:00' }),
    goodFridayIsDayOff: z.boolean(),
    liberationDay: z.enum(LIBERATION_DAY_MODES),
    closingDays: z.array(z.string()).meta({ example: ['2026-12-24'] }),
    createdAt: z.iso.datetime(),
    createdByName: z.string().nullable(),
  })
  .meta({ id: 'CalendarSettings' });

export const reviseCalendarSettingsInput = z
  .object({
    basedOnVersion: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('The version this change was made on; when another version was added since: 409'),
    termWorkingDays: z.number().int().optional().describe('Working days to answer a complaint (1–60)'),
    cutOffTime: z
      .string()
      .max(10)
      .optional()
      .describe("'HH:MM'; complaints received later start a day later"),
    goodFridayIsDayOff: z.boolean().optional(),
    liberationDay: z
      .enum(LIBERATION_DAY_MODES)
      .optional()
      .describe('Bevrijdingsdag off: every_year, lustrum, never'),
    closingDays: z
      .array(z.string().max(10))
      .max(366)
      .optional()
      .describe("Extra closing days, 'YYYY-MM-DD'; replaces the list"),
  })
  .meta({ id: 'ReviseCalendarSettingsInput' });

export type HousingComplex = z.infer<typeof housingComplex>;
export type Unit = z.infer<typeof unit>;
export type Person = z.infer<typeof person>;
export type Representative = z.infer<typeof representative>;
export type Contractor = z.infer<typeof contractor>;
export type ReferenceValue = z.infer<typeof referenceValue>;
export type CalendarSettingsView = z.infer<typeof calendarSettings>;
export type ReferenceValueKind = z.infer<typeof referenceValueKind>;
export type Page<T> = { items: T[]; total: number; limit: number; offset: number };
