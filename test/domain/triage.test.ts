import { describe, expect, test } from 'vitest';
import {
  COMPLAINT_CATEGORIES,
  type ComplaintCategory,
  composeOutsideProcedureExplanation,
  decideTriage,
  NOT_A_COMPLAINT_KINDS,
  type NotAComplaintKind,
  OUTSIDE_PROCEDURE_GROUNDS,
  type OutsideProcedureGround,
  type TriageInput,
} from '../../src/domain/index.ts';

const FLAGS = { suspectedCriminalOffence: false, allegesDiscriminationByStaff: false };
const SUBJECT = { kind: 'employee', employeeId: 'emp-1' } as const;

function complaint(category: ComplaintCategory | null, extra: Partial<TriageInput> = {}): TriageInput {
  return { ...FLAGS, outcome: 'complaint', category, subject: SUBJECT, ...extra } as TriageInput;
}

describe('complaint, with category and subject (policy 1.2)', () => {
  test.each(
    Object.entries(COMPLAINT_CATEGORIES).map(([code, c]) => ({
      code: code as ComplaintCategory,
      n: c.number,
    })),
  )('policy 1.2: category $n ($code) is a complaint with an answer duty', ({ code }) => {
    const result = decideTriage(complaint(code), null);
    expect(result).toMatchObject({
      ok: true,
      decision: { outcome: 'complaint', category: code, answerDuty: 'answer' },
    });
  });

  test.each([
    { kind: 'employee', employeeId: 'emp-1' },
    { kind: 'department', departmentId: 'dep-1' },
    { kind: 'contractor', contractorName: 'Loodgieter BV' },
  ] as const)('policy 1.2: the subject may be a $kind', (subject) => {
    expect(
      decideTriage({ ...FLAGS, outcome: 'complaint', category: 'treated_wrongly', subject }, null).ok,
    ).toBe(true);
  });

  test('policy 1.2: a complaint needs a category', () => {
    expect(decideTriage(complaint(null), null)).toEqual({ ok: false, reason: 'category_required' });
  });

  test('policy 1.2: a complaint needs a subject', () => {
    const input = { ...FLAGS, outcome: 'complaint', category: 'repair_badly_done', subject: null } as const;
    expect(decideTriage(input, null)).toEqual({ ok: false, reason: 'subject_required' });
  });
});

describe('not a complaint: referred to its own process (policy 1.2)', () => {
  test.each(
    Object.entries(NOT_A_COMPLAINT_KINDS).map(([kind, k]) => ({
      kind: kind as NotAComplaintKind,
      to: k.referTo,
    })),
  )('policy 1.2: a $kind is referred to $to, referral recorded, no answer duty', ({ kind, to }) => {
    const result = decideTriage({ ...FLAGS, outcome: 'not_a_complaint', kind, note: 'doorgezet' }, null);
    expect(result).toMatchObject({
      ok: true,
      decision: {
        outcome: 'not_a_complaint',
        kind,
        referral: { to, detail: 'doorgezet' },
        answerDuty: 'none',
      },
    });
  });

  test('policy 1.2: "other" needs a note saying where it went', () => {
    const input = { ...FLAGS, outcome: 'not_a_complaint', kind: 'other', note: ' ' } as const;
    expect(decideTriage(input, null)).toEqual({ ok: false, reason: 'note_required_for_other' });
  });
});

describe('outside the procedure: the seven grounds (policy 2.5 a–g)', () => {
  const CASES: { ground: OutsideProcedureGround; letter: string; to: string; detail: string | null }[] = [
    { ground: 'pending_at_dispute_body', letter: 'a', to: 'dispute_body', detail: 'de huurcommissie' },
    {
      ground: 'decided_by_dispute_body',
      letter: 'b',
      to: 'procedure_or_ruling',
      detail: 'kantonrechter Delft, 3 maart 2026',
    },
    { ground: 'rent_or_service_costs', letter: 'c', to: 'objection_procedure', detail: null },
    { ground: 'government_decision', letter: 'd', to: 'legal_basis', detail: 'Woningwet art. 13' },
    { ground: 'insurer_claim', letter: 'e', to: 'insurer', detail: 'Centraal Beheer, dossier 123' },
    { ground: 'handled_by_committee', letter: 'f', to: 'committee_ruling', detail: 'RKC-2026-014' },
    { ground: 'discriminatory_content', letter: 'g', to: 'none', detail: null },
  ];

  test('policy 2.5: exactly seven grounds, lettered a–g', () => {
    expect(Object.values(OUTSIDE_PROCEDURE_GROUNDS).map((g) => g.letter)).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
      'g',
    ]);
  });

  test.each(CASES)(
    'policy 2.5 $letter: $ground refers to $to, explanation owed within the term',
    ({ ground, letter, to, detail }) => {
      expect(OUTSIDE_PROCEDURE_GROUNDS[ground].letter).toBe(letter);
      const result = decideTriage(
        { ...FLAGS, outcome: 'outside_procedure', ground, referralDetail: detail },
        null,
      );
      expect(result).toMatchObject({
        ok: true,
        decision: {
          outcome: 'outside_procedure',
          ground,
          referral: { to, detail },
          answerDuty: 'explanation_within_term',
        },
      });
      const text = composeOutsideProcedureExplanation(ground, detail);
      expect(text).not.toContain('{detail}');
      if (detail !== null) expect(text).toContain(detail);
    },
  );

  test.each(CASES.filter((c) => c.detail !== null))(
    'policy 2.5 $letter: $ground cannot be chosen without saying where the complainant is referred',
    ({ ground }) => {
      const result = decideTriage(
        { ...FLAGS, outcome: 'outside_procedure', ground, referralDetail: '' },
        null,
      );
      expect(result).toEqual({ ok: false, reason: 'referral_detail_required' });
    },
  );

  test('policy 2.5 c: the objection procedure (bezwaarprocedure) is named in the explanation', () => {
    expect(composeOutsideProcedureExplanation('rent_or_service_costs', null)).toContain('bezwaarprocedure');
  });

  test('policy 2.5 g: the explanation says the discriminatory nature is the reason', () => {
    expect(composeOutsideProcedureExplanation('discriminatory_content', null)).toContain('discriminerend');
  });

  test('policy 2.5 f: the committee precedent supplies the reference when none is typed', () => {
    const input = {
      ...FLAGS,
      outcome: 'outside_procedure',
      ground: 'handled_by_committee',
      referralDetail: null,
    } as const;
    const result = decideTriage(input, { reference: 'RKC-2025-099', stage: 'followed_up' });
    expect(result).toMatchObject({
      ok: true,
      decision: { referral: { to: 'committee_ruling', detail: 'RKC-2025-099' } },
    });
  });

  test('policy 2.5 f: a later complaint on a matter the committee handled is not taken as a complaint', () => {
    const result = decideTriage(complaint('treated_wrongly'), { reference: 'RKC-2025-099', stage: 'ruled' });
    expect(result).toEqual({ ok: false, reason: 'matter_already_handled_by_committee' });
  });
});

describe('discrimination by staff is category 4, never ground g (policy 1.2, 2.5 g)', () => {
  const alleges = { allegesDiscriminationByStaff: true };

  test('policy 1.2: a complaint about discrimination by staff is accepted in category 4', () => {
    const result = decideTriage(complaint('treated_wrongly', alleges), null);
    expect(result).toMatchObject({
      ok: true,
      decision: { outcome: 'complaint', category: 'treated_wrongly' },
    });
  });

  test.each(['no_or_late_answer', 'repair_badly_done', 'request_wrongly_handled'] as const)(
    'policy 1.2: a complaint about discrimination by staff cannot be filed as %s',
    (category) => {
      expect(decideTriage(complaint(category, alleges), null)).toEqual({
        ok: false,
        reason: 'discrimination_by_staff_is_category_4',
      });
    },
  );

  test('policy 2.5 g: a complaint about discrimination by staff is never declined as discriminatory', () => {
    const input = {
      ...FLAGS,
      ...alleges,
      outcome: 'outside_procedure',
      ground: 'discriminatory_content',
      referralDetail: null,
    } as const;
    expect(decideTriage(input, null)).toEqual({ ok: false, reason: 'discrimination_by_staff_is_category_4' });
  });

  test('policy 1.2: a complaint about discrimination by staff is never referred away as "not a complaint"', () => {
    const input = { ...FLAGS, ...alleges, outcome: 'not_a_complaint', kind: 'question', note: null } as const;
    expect(decideTriage(input, null)).toEqual({ ok: false, reason: 'discrimination_by_staff_is_category_4' });
  });

  test('policy 1.2 / 2.5 g: the UI texts say so', () => {
    expect(COMPLAINT_CATEGORIES.treated_wrongly.hint).toContain('discriminatie door een medewerker');
    expect(OUTSIDE_PROCEDURE_GROUNDS.discriminatory_content.hint).toContain('categorie 4');
  });
});

describe('suspected criminal offence: the board is informed whatever the outcome (policy 2.5)', () => {
  const inputs: { name: string; input: TriageInput }[] = [
    { name: 'complaint', input: complaint('treated_wrongly') },
    {
      name: 'not a complaint',
      input: { ...FLAGS, outcome: 'not_a_complaint', kind: 'housing_fraud_report', note: null },
    },
    {
      name: 'outside procedure',
      input: {
        ...FLAGS,
        outcome: 'outside_procedure',
        ground: 'rent_or_service_costs',
        referralDetail: null,
      },
    },
  ];
  test.each(inputs)('policy 2.5: $name with a suspected offence → board must be informed', ({ input }) => {
    const result = decideTriage({ ...input, suspectedCriminalOffence: true }, null);
    expect(result).toMatchObject({ ok: true, decision: { boardMustBeInformed: true } });
  });
  test.each(inputs)('policy 2.5: $name without a suspected offence → no board notice', ({ input }) => {
    expect(decideTriage(input, null)).toMatchObject({ ok: true, decision: { boardMustBeInformed: false } });
  });
});
