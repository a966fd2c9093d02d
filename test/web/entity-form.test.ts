import { describe, expect, it } from 'vitest';
import { createApiTokenInput } from '../../src/contract/api-tokens.ts';
import { errorCatalog } from '../../src/contract/errors.ts';
import { createDepartmentInput } from '../../src/contract/staff.ts';
import {
  blankToNull,
  checkInput,
  emptyToNull,
  errorFor,
  type FieldSpecs,
  failureOf,
  fieldErrorsAfter,
  summaryOf,
  withValue,
} from '../../src/web/components/forms/form-state.ts';
import { en } from '../../src/web/i18n/messages.en.ts';
import { nl } from '../../src/web/i18n/messages.nl.ts';
import { ApiError } from '../../src/web/lib/api-client.ts';

const text = (nlText: string, enText = nlText) => ({ nl: nlText, en: enText });

/** A 400 as the API sends it: problem+json `errors[]` with a path and a message in both languages. */
const validationProblem = (...fields: [path: string, nl: string, en?: string][]) =>
  new ApiError({
    status: 400,
    code: 'validation_failed',
    messages: errorCatalog.validation_failed,
    fieldErrors: fields.map(([path, nlText, enText]) => ({
      in: 'body' as const,
      path,
      code: 'custom',
      messages: text(nlText, enText),
    })),
  });

const notFound = new ApiError({ status: 404, code: 'not_found', messages: errorCatalog.not_found });

// The API-token form: its date field is called `expiresOn` in the form and `expiresAt` in the API.
type TokenValues = { name: string; scope: string; expiresOn: string };
const tokenFields: FieldSpecs<TokenValues> = {
  name: { id: 'new-token-name', label: 'Naam van de koppeling' },
  scope: { id: 'new-token-scope', label: 'Mag' },
  expiresOn: { id: 'new-token-expires', label: 'Geldig tot en met', path: 'expiresAt' },
};

describe('the shared admin form: what a failed request leaves on the fields', () => {
  it.each<[string, unknown, Record<string, { nl: string; en: string }>]>([
    [
      'per-field problems, keyed by API path',
      validationProblem(['name', 'Vul dit veld in.', 'Fill in this field.'], ['expiresAt', 'Geen datum.']),
      { name: text('Vul dit veld in.', 'Fill in this field.'), expiresAt: text('Geen datum.') },
    ],
    [
      'the first problem of a field wins',
      validationProblem(['name', 'Eerste.'], ['name', 'Tweede.']),
      {
        name: text('Eerste.'),
      },
    ],
    ['a whole-form failure leaves the fields clean', notFound, {}],
    ['a validation failure without fields is a whole-form failure', validationProblem(), {}],
    ['not an API error at all', new Error('boom'), {}],
    ['nothing failed', null, {}],
  ])('%s', (_name, error, expected) => {
    expect(fieldErrorsAfter(error)).toEqual(expected);
  });
});

describe('the shared admin form: the message above the form', () => {
  it.each<[string, unknown, 'nl' | 'en', string | undefined]>([
    ['nothing failed', null, 'nl', undefined],
    [
      'field problems are shown at the fields, not above',
      validationProblem(['name', 'Te lang.']),
      'nl',
      undefined,
    ],
    ["the API's own message, in Dutch", notFound, 'nl', errorCatalog.not_found.nl],
    ["the API's own message, in English", notFound, 'en', errorCatalog.not_found.en],
    [
      'an unexpected failure gets the general message',
      new Error('boom'),
      'nl',
      errorCatalog.internal_error.nl,
    ],
  ])('%s', (_name, error, locale, expected) => {
    expect(failureOf(error, locale, locale === 'nl' ? nl : en)).toBe(expected);
  });
});

describe('the shared admin form: errors at the fields and in the summary', () => {
  const errors = fieldErrorsAfter(
    validationProblem(
      ['expiresAt', 'Kies een datum.', 'Choose a date.'],
      ['name', 'Vul dit veld in.', 'Fill in.'],
    ),
  );

  it.each<[keyof TokenValues, 'nl' | 'en', string | undefined]>([
    ['name', 'nl', 'Vul dit veld in.'],
    ['name', 'en', 'Fill in.'],
    ['expiresOn', 'nl', 'Kies een datum.'],
    ['scope', 'nl', undefined],
  ])('field %s in %s', (name, locale, expected) => {
    expect(errorFor(errors, tokenFields, name, locale)).toBe(expected);
  });

  it('lists the errors in the order of the form (not of the response), each linking to its field', () => {
    expect(summaryOf(errors, tokenFields, 'nl')).toEqual([
      { fieldId: 'new-token-name', label: 'Naam van de koppeling', message: 'Vul dit veld in.' },
      { fieldId: 'new-token-expires', label: 'Geldig tot en met', message: 'Kies een datum.' },
    ]);
  });

  it('lists nothing when nothing is wrong, and skips errors of fields the form does not show', () => {
    expect(summaryOf({}, tokenFields, 'nl')).toEqual([]);
    expect(summaryOf({ roles: text('Kies een rol.') }, tokenFields, 'nl')).toEqual([]);
  });
});

describe('the shared admin form: the check before sending', () => {
  it.each<[string, unknown, boolean]>([
    ['a name', { name: 'Wonen', managerUserId: null }, true],
    ['no name', { name: '', managerUserId: null }, false],
    ['a manager that is not an id', { name: 'Wonen', managerUserId: 'Pieter' }, false],
  ])('department with %s', (_name, input, ok) => {
    expect(checkInput(createDepartmentInput, input).ok).toBe(ok);
  });

  it("an empty required field gets the contract's 'fill in' message, keyed by the API path", () => {
    const result = checkInput(createApiTokenInput, { name: '', scope: 'read' });
    expect(result).toEqual({
      ok: false,
      errors: { name: { nl: 'Vul dit veld in.', en: 'Fill in this field.' } },
    });
  });

  it("sends the schema's output (trimmed), not what was typed", () => {
    expect(checkInput(createApiTokenInput, { name: '  CRM  ', scope: 'read' })).toEqual({
      ok: true,
      data: { name: 'CRM', scope: 'read' },
    });
  });

  it('without a schema the input goes to the server as it is (the server checks it)', () => {
    const input = { name: '', active: false };
    expect(checkInput(undefined, input)).toEqual({ ok: true, data: input });
  });
});

describe('the shared admin form: values', () => {
  it('changes one field in a new object', () => {
    const before = { name: 'Wonen', active: true };
    const after = withValue(before, 'active', false);
    expect(after).toEqual({ name: 'Wonen', active: false });
    expect(before.active).toBe(true);
    expect(after).not.toBe(before);
  });

  it.each<[string, string | null]>([
    ['', null],
    ['   ', null],
    [' loodgieter ', 'loodgieter'],
  ])('optional text %j is sent as %j', (input, expected) => {
    expect(blankToNull(input)).toBe(expected);
  });

  it.each<[string, string | null]>([
    ['', null],
    ['0b6f0a52-7c1e-4a8e-9a55-5f4d3c2b1a00', '0b6f0a52-7c1e-4a8e-9a55-5f4d3c2b1a00'],
  ])('select value %j is sent as %j', (input, expected) => {
    expect(emptyToNull(input)).toBe(expected);
  });
});

describe('list fields (issue 22)', () => {
  type SsoValues = { allowedIssuers: string };
  const fields: FieldSpecs<SsoValues> = {
    allowedIssuers: { id: 'sso-issuers', label: 'Toegestane issuers' },
  };
  it('an error of one item of a list shows on the list field and in the summary', () => {
    const errors = fieldErrorsAfter(
      validationProblem(['allowedIssuers.1', 'Geen geldige URL.', 'Not a URL.']),
    );
    expect(errorFor(errors, fields, 'allowedIssuers', 'nl')).toBe('Geen geldige URL.');
    expect(errorFor(errors, fields, 'allowedIssuers', 'en')).toBe('Not a URL.');
    expect(summaryOf(errors, fields, 'nl')).toEqual([
      { fieldId: 'sso-issuers', label: 'Toegestane issuers', message: 'Geen geldige URL.' },
    ]);
  });
  it('a field whose name only starts the same is not matched', () => {
    const errors = fieldErrorsAfter(validationProblem(['allowedIssuersExtra', 'Fout.']));
    expect(errorFor(errors, fields, 'allowedIssuers', 'nl')).toBeUndefined();
  });
});
