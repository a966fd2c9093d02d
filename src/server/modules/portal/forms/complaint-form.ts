import { z } from 'zod';
import { ACCESS_NEEDS, type AccessNeed, decideAdjustments } from '../../../../domain/index.ts';
import type { PortalMessages } from '../i18n/messages.ts';

// The complaint form as the browser posts it (every value a string), checked field by field in the order
// the fields appear, so the error summary reads top to bottom like the form.

export const TOPICS = ['complaint', 'repair', 'nuisance', 'fraud', 'rent'] as const;
export type Topic = (typeof TOPICS)[number];
export const RELATIONS = ['tenant', 'prospective_tenant', 'buyer', 'other'] as const;
export const PREFERRED_CONTACTS = ['phone', 'email', 'letter'] as const;
/** Issue 26: the authorities a complainant can name themselves (an oral one is recorded by staff). */
export const PORTAL_AUTHORITIES = ['written_authorisation', 'guardian'] as const;

/**
 * Issue 26 (decision 052): what the complainant asks for on the form, in the adjustments' own shape; the
 * submission adds the representative's date (the day it was sent).
 */
export type FormAdjustments = {
  preferredChannel: 'letter' | null;
  largePrint: boolean;
  interpreterLanguage: string | null;
  representative: {
    name: string;
    contact: string;
    authority: (typeof PORTAL_AUTHORITIES)[number];
    receivesCopies: boolean;
  } | null;
  accessNeeds: { needs: AccessNeed[]; note: string | null; consentGiven: true } | null;
};

export type FormValues = Record<string, string>;
export type FieldProblem = { field: string; message: string };

export type ComplaintForm = {
  topic: Topic;
  onBehalf: boolean;
  relation: (typeof RELATIONS)[number];
  name: string;
  complainantName: string | null;
  representativeRelation: string | null;
  email: string | null;
  phone: string | null;
  preferredContact: (typeof PREFERRED_CONTACTS)[number];
  address: { postcode: string; houseNumber: number; addition: string | null } | null;
  description: string;
  desiredOutcome: string | null;
  adjustments: FormAdjustments;
};

const NEED_FIELDS = ACCESS_NEEDS.map((need) => `need_${need}` as const);

const FIELD_NAMES = [
  'topic',
  'onBehalf',
  'relation',
  'name',
  'complainantName',
  'representativeRelation',
  'consent',
  'email',
  'phone',
  'preferredContact',
  'postcode',
  'houseNumber',
  'addition',
  'description',
  'desiredOutcome',
  'largePrint',
  'interpreterLanguage',
  'repName',
  'repContact',
  'repAuthority',
  'repCopies',
  ...NEED_FIELDS,
  'needsNote',
  'needsConsent',
] as const;

/** Keeps only the form's own fields, as trimmed strings, for validation and for showing them again. */
export function pickFormValues(body: unknown): FormValues {
  const source = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const values: FormValues = {};
  for (const name of FIELD_NAMES) {
    const value = source[name];
    if (typeof value === 'string') values[name] = value.trim().slice(0, 25_000);
  }
  return values;
}

const emailSchema = z.email().max(254);

export function normalizePostcode(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

function isPhoneNumber(value: string): boolean {
  if (!/^[0-9+()\-\s.]{6,40}$/.test(value)) return false;
  const digits = value.replace(/\D/g, '').length;
  return digits >= 8 && digits <= 15;
}

const oneOf = <T extends string>(options: readonly T[], value: string | undefined): value is T =>
  value !== undefined && (options as readonly string[]).includes(value);

/** Where the summary links to: the field itself, or a group's first option. */
export const fieldAnchor = (field: string) =>
  ({
    topic: 'topic-complaint',
    onBehalf: 'onBehalf-self',
    relation: 'relation-tenant',
    preferredContact: 'preferredContact-phone',
    repAuthority: 'repAuthority-written_authorisation',
  })[field] ?? field;

/**
 * Issue 26: the adjustments part of the form. Reading or hearing needs are kept only with consent: the domain
 * rule (decideAdjustments, AVG art. 9(2)(a)) decides, the form names the consent box.
 */
function checkAdjustments(
  values: FormValues,
  t: PortalMessages,
  problem: (field: string, message: string) => void,
): FormAdjustments {
  const text = (name: string) => values[name] ?? '';
  const interpreter = text('interpreterLanguage');
  if (interpreter.length > 60) problem('interpreterLanguage', t.adjust.errors.interpreter);
  const [repName, repContact, repAuthority] = [text('repName'), text('repContact'), values.repAuthority];
  const wantsRepresentative = repName !== '' || repContact !== '';
  if (wantsRepresentative) {
    if (repName === '' || repName.length > 200) problem('repName', t.adjust.errors.representativeName);
    if (repContact === '' || repContact.length > 200)
      problem('repContact', t.adjust.errors.representativeContact);
    if (!oneOf(PORTAL_AUTHORITIES, repAuthority)) problem('repAuthority', t.adjust.errors.authority);
  }
  const needs = ACCESS_NEEDS.filter((need) => values[`need_${need}`] === 'yes');
  const note = text('needsNote');
  if (note.length > 300) problem('needsNote', t.adjust.errors.needsNote);
  const consentGiven = values.needsConsent === 'yes';
  const accessNeeds = needs.length > 0 ? { needs, note: note === '' ? null : note, consentGiven } : null;
  const decided = decideAdjustments([], { accessNeeds });
  if (!decided.ok && decided.problems.some((p) => p.code === 'consent_required'))
    problem('needsConsent', t.adjust.errors.needsConsent);
  return {
    preferredChannel: values.preferredContact === 'letter' ? 'letter' : null,
    largePrint: values.largePrint === 'yes',
    interpreterLanguage: interpreter === '' ? null : interpreter,
    representative:
      wantsRepresentative && oneOf(PORTAL_AUTHORITIES, repAuthority)
        ? {
            name: repName,
            contact: repContact,
            authority: repAuthority,
            receivesCopies: values.repCopies === 'yes',
          }
        : null,
    accessNeeds: accessNeeds === null ? null : { ...accessNeeds, consentGiven: true },
  };
}

export function validateComplaintForm(
  values: FormValues,
  t: PortalMessages,
): { ok: true; form: ComplaintForm } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  const text = (name: string) => values[name] ?? '';

  if (!oneOf(TOPICS, values.topic)) problem('topic', t.errors.topic);
  if (!oneOf(['self', 'other'], values.onBehalf)) problem('onBehalf', t.errors.onBehalf);
  if (!oneOf(RELATIONS, values.relation)) problem('relation', t.errors.relation);
  if (text('name') === '') problem('name', t.errors.name);
  else if (text('name').length > 200) problem('name', t.errors.nameTooLong);
  const onBehalf = values.onBehalf === 'other';
  if (onBehalf) {
    if (text('complainantName') === '') problem('complainantName', t.errors.complainantName);
    else if (text('complainantName').length > 200) problem('complainantName', t.errors.nameTooLong);
    if (text('representativeRelation') === '' || text('representativeRelation').length > 100)
      problem('representativeRelation', t.errors.representativeRelation);
    if (values.consent !== 'yes') problem('consent', t.errors.consent);
  }
  const email = text('email');
  const phone = text('phone');
  if (email === '' && phone === '') problem('email', t.errors.contact);
  if (email !== '' && !emailSchema.safeParse(email).success) problem('email', t.errors.email);
  if (phone !== '' && !isPhoneNumber(phone)) problem('phone', t.errors.phone);
  const postcode = normalizePostcode(text('postcode'));
  const houseNumber = text('houseNumber');
  const addition = text('addition');
  const preferred = values.preferredContact;
  if (!oneOf(PREFERRED_CONTACTS, preferred)) problem('preferredContact', t.errors.preferred);
  else if (preferred === 'email' && email === '') problem('preferredContact', t.errors.preferredEmailMissing);
  else if (preferred === 'phone' && phone === '') problem('preferredContact', t.errors.preferredPhoneMissing);
  else if (preferred === 'letter' && (postcode === '' || houseNumber === ''))
    problem('preferredContact', t.errors.preferredLetterMissing);
  if (postcode !== '' && !/^[1-9][0-9]{3}[A-Z]{2}$/.test(postcode)) problem('postcode', t.errors.postcode);
  if (postcode === '' && (houseNumber !== '' || addition !== ''))
    problem('postcode', t.errors.postcodeMissing);
  if (houseNumber !== '' && !/^[1-9][0-9]{0,4}$/.test(houseNumber))
    problem('houseNumber', t.errors.houseNumber);
  if (houseNumber === '' && postcode !== '') problem('houseNumber', t.errors.houseNumberMissing);
  if (addition.length > 10) problem('addition', t.errors.addition);
  if (text('description') === '') problem('description', t.errors.description);
  else if (text('description').length > 20_000) problem('description', t.errors.descriptionTooLong);
  if (text('desiredOutcome').length > 5000) problem('desiredOutcome', t.errors.desiredOutcomeTooLong);
  const adjustments = checkAdjustments(values, t, problem);

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    form: {
      topic: values.topic as Topic,
      onBehalf,
      relation: values.relation as ComplaintForm['relation'],
      name: text('name'),
      complainantName: onBehalf ? text('complainantName') : null,
      representativeRelation: onBehalf ? text('representativeRelation') : null,
      email: email === '' ? null : email,
      phone: phone === '' ? null : phone,
      preferredContact: preferred as ComplaintForm['preferredContact'],
      address:
        postcode === ''
          ? null
          : { postcode, houseNumber: Number(houseNumber), addition: addition === '' ? null : addition },
      description: text('description'),
      desiredOutcome: text('desiredOutcome') === '' ? null : text('desiredOutcome'),
      adjustments,
    },
  };
}
