import { describe, expect, it } from 'vitest';
import { adjustmentsInput } from '../../src/contract/adjustments.ts';
import { registerComplaintInput } from '../../src/contract/complaints.ts';
import {
  type AdjustmentsDraft,
  adjustmentsDraftFrom,
  toAdjustmentsInput,
} from '../../src/web/features/complaint/forms/adjustments-draft.ts';
import {
  blankIntakeValues,
  type IntakeValues,
  leavesTriageToHandler,
  toAdjustments,
  toRegisterBody,
} from '../../src/web/features/intake/intake-form.ts';
import { validateForm } from '../../src/web/lib/form-errors.ts';

const PERSON = '00000000-0000-4000-8000-0000000000a1';
const EARLIER = '00000000-0000-4000-8000-0000000000b1';
const EMPLOYEE = '00000000-0000-4000-8000-0000000000c1';
const COMPLEX = '00000000-0000-4000-8000-0000000000d1';

const intake = (changes: Partial<IntakeValues>): IntakeValues => ({
  ...blankIntakeValues('phone', '2026-12-07T10:00'),
  complainantId: PERSON,
  description: 'Niemand heeft teruggebeld.',
  ...changes,
});

describe('the intake form as the register body (policy 1.1, 2.2, 2.6)', () => {
  it.each<[string, Partial<IntakeValues>, Record<string, unknown>]>([
    ['nothing extra', {}, { complainantId: PERSON }],
    [
      'a representative with contact and consent',
      {
        hasRepresentative: true,
        representativeName: ' Ilse de Vries ',
        representativeRelation: 'dochter',
        representativePhone: '06 98765432',
        representativeConsent: true,
      },
      {
        representative: {
          name: 'Ilse de Vries',
          relation: 'dochter',
          phone: '06 98765432',
          email: null,
          consentNoted: true,
        },
      },
    ],
    ['a complex named explicitly', { housingComplexId: COMPLEX }, { housingComplexId: COMPLEX }],
    // issue 21: the complainant's language goes with the registration (Dutch unless chosen)
    ['the language chosen for mails and letters', { complainantLocale: 'pl' }, { complainantLocale: 'pl' }],
    ['Dutch when nothing is chosen', {}, { complainantLocale: 'nl' }],
    [
      'a disagreement written by a lawyer',
      { repeatOf: EARLIER, repeatLawyer: 'written_by_lawyer', repeatNewFacts: true },
      {
        repeat: {
          kind: 'disagrees_with_decision',
          earlierComplaintId: EARLIER,
          lawyer: 'written_by_lawyer',
          newFacts: true,
        },
      },
    ],
    [
      'a repeat caused by an employee’s poor answer',
      {
        repeatOf: EARLIER,
        repeatKind: 'employee_response',
        repeatCause: 'poor_answer',
        repeatEmployeeId: EMPLOYEE,
        repeatNewFacts: true,
      },
      {
        repeat: {
          kind: 'employee_response',
          earlierComplaintId: EARLIER,
          lawyer: 'none',
          cause: 'poor_answer',
          employeeId: EMPLOYEE,
        },
      },
    ],
  ])('%s', (_, changes, expected) => {
    const result = validateForm(registerComplaintInput, toRegisterBody(intake(changes)));
    expect(result.ok && result.data).toMatchObject(expected);
  });

  it('leaves out what was not asked for: a hidden representative or an unlinked repeat', () => {
    const body = toRegisterBody(
      intake({ representativeName: 'Ilse', repeatKind: 'employee_response', repeatEmployeeId: EMPLOYEE }),
    );
    expect(body).not.toHaveProperty('representative');
    expect(body).not.toHaveProperty('repeat');
    expect(body).not.toHaveProperty('housingComplexId');
  });

  it.each<[string, Partial<IntakeValues>, string[]]>([
    [
      'a representative without name and relation',
      { hasRepresentative: true },
      ['representative.name', 'representative.relation'],
    ],
    [
      'an employee-caused repeat without employee and cause',
      { repeatOf: EARLIER, repeatKind: 'employee_response' },
      ['repeat.cause', 'repeat.employeeId'],
    ],
  ])('names the missing fields: %s', (_, changes, paths) => {
    const result = validateForm(registerComplaintInput, toRegisterBody(intake(changes)));
    expect(result.ok ? [] : Object.keys(result.errors).sort()).toEqual(paths);
  });

  it.each<[Partial<IntakeValues>, boolean]>([
    [{}, false],
    [{ repeatKind: 'employee_response' }, false],
    [{ repeatOf: EARLIER }, false],
    [{ repeatOf: EARLIER, repeatKind: 'employee_response' }, true],
  ])('leaves the triage to the handler the manager chooses: %o → %s', (changes, expected) => {
    expect(leavesTriageToHandler(intake(changes))).toBe(expected);
  });
});

const withAdjustments = (
  channel: 'phone' | 'desk' | 'letter',
  changes: Partial<AdjustmentsDraft>,
  more: Partial<IntakeValues> = {},
): IntakeValues => {
  const values = blankIntakeValues(channel, '2026-12-07T10:00');
  return { ...values, ...more, adjustments: { ...values.adjustments, ...changes } };
};
const REP = {
  name: 'M. de Vries',
  contact: '06 12345678',
  authority: 'oral_recorded' as const,
  authorityNote: ' ',
  authorityDate: '2026-12-07',
  receivesCopies: true,
};

describe('adjustments heard at intake (issue 26)', () => {
  it('none asked: nothing to save', () => {
    expect(toAdjustments(blankIntakeValues('phone', '2026-12-07T10:00'))).toBeNull();
  });
  it('the common ones, as the adjustments API takes them', () => {
    const input = toAdjustments(
      withAdjustments('desk', {
        preferredChannel: 'letter',
        largePrint: true,
        interpreterLanguage: ' Turks ',
      }),
    );
    expect(input).toEqual({
      preferredChannel: 'letter',
      largePrint: true,
      interpreterLanguage: 'Turks',
      callBack: null,
      representative: null,
      accessNeeds: null,
    });
    expect(adjustmentsInput.safeParse(input).success).toBe(true);
  });
  it('the whole set: a representative with copies, call-back times and needs with consent', () => {
    const input = toAdjustments(
      withAdjustments('phone', {
        callBack: { dayParts: ['morning', 'evening'], note: ' na 19 uur ' },
        representative: REP,
        accessNeeds: { needs: ['hard_of_hearing'], note: '', consentGiven: true },
      }),
    );
    expect(input).toMatchObject({
      callBack: { dayParts: ['morning', 'evening'], note: 'na 19 uur' },
      representative: { ...REP, authorityNote: null },
      accessNeeds: { needs: ['hard_of_hearing'], note: null, consentGiven: true },
    });
    expect(adjustmentsInput.safeParse(input).success).toBe(true);
  });
  it('a half-filled representative is sent, so its missing fields are named instead of dropped', () => {
    const values = withAdjustments(
      'phone',
      { representative: { ...REP, name: '', authorityDate: '' } },
      { description: 'De lift is stuk.' },
    );
    const checked = validateForm(registerComplaintInput, toRegisterBody(values));
    expect(checked.ok).toBe(false);
    if (!checked.ok)
      expect(Object.keys(checked.errors)).toEqual(
        expect.arrayContaining([
          'adjustments.representative.name',
          'adjustments.representative.authorityDate',
        ]),
      );
  });
  it('an untouched representative and empty call-back are not sent', () => {
    const input = toAdjustments(withAdjustments('phone', { largePrint: true }));
    expect(input?.representative).toBeNull();
    expect(input?.callBack).toBeNull();
    expect(input?.accessNeeds).toBeNull();
  });
  it('the case page starts from the recorded set and sends it back unchanged', () => {
    const recorded = {
      preferredChannel: 'phone' as const,
      largePrint: false,
      interpreterLanguage: null,
      callBack: { dayParts: ['afternoon' as const], note: null },
      representative: { ...REP, authorityNote: 'Gebeld op 7 december' },
      accessNeeds: null,
    };
    expect(toAdjustmentsInput(adjustmentsDraftFrom(recorded))).toEqual(recorded);
  });
  it('go with the registration itself, in one request (decision 052)', () => {
    const values = withAdjustments('letter', { largePrint: true }, { description: 'De lift is stuk.' });
    const body = toRegisterBody(values);
    expect(body.adjustments).toMatchObject({
      preferredChannel: null,
      largePrint: true,
      interpreterLanguage: null,
    });
    expect(registerComplaintInput.safeParse(body).success).toBe(true);
    expect(toRegisterBody(blankIntakeValues('letter', '2026-12-07T10:00'))).not.toHaveProperty('adjustments');
  });
  it('a refusal is named under adjustments., where the intake screen shows it', () => {
    const values = withAdjustments(
      'phone',
      { interpreterLanguage: 'x'.repeat(61) },
      { description: 'De lift is stuk.' },
    );
    const checked = validateForm(registerComplaintInput, toRegisterBody(values));
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(Object.keys(checked.errors)).toContain('adjustments.interpreterLanguage');
  });
});
