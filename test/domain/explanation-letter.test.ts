import { describe, expect, test } from 'vitest';
import {
  checkLetterPosted,
  chooseExplanationDelivery,
  getEndOfLocalDay,
  hasAnswerTerm,
  isPolicyFindingOpen,
  listNextSteps,
  mayExportCommitteeDossier,
  mayMarkLetterPosted,
  postedExplanationInstant,
  type StaffRole,
} from '../../src/domain/index.ts';
import { KIND_B, NOW, openState } from './fixtures.ts';

const PREPARED = { preparedAt: new Date('2026-06-08T09:00:00Z'), postedOn: null };

describe('the explanation outside the procedure by post (policy 2.5)', () => {
  test('e-mail when we have an address, otherwise a letter to post', () => {
    expect(chooseExplanationDelivery(true)).toBe('email');
    expect(chooseExplanationDelivery(false)).toBe('post');
  });

  test.each([
    { postedOn: '2026-06-08', answeredAt: getEndOfLocalDay('2026-06-08') },
    { postedOn: '2026-06-09', answeredAt: getEndOfLocalDay('2026-06-09') },
    { postedOn: '2026-06-10', answeredAt: NOW }, // today: not later than now
  ])('posted on $postedOn counts from that day', ({ postedOn, answeredAt }) => {
    expect(postedExplanationInstant(postedOn, NOW)).toEqual(answeredAt);
    expect(checkLetterPosted(PREPARED, postedOn, NOW)).toEqual({
      ok: true,
      letter: { ...PREPARED, postedOn },
      answeredAt,
    });
  });

  test.each([
    { name: 'nothing prepared', letter: null, postedOn: '2026-06-09', reason: 'letter_not_prepared' },
    {
      name: 'posted twice',
      letter: { ...PREPARED, postedOn: '2026-06-09' },
      postedOn: '2026-06-09',
      reason: 'letter_already_posted',
    },
    { name: 'not a date', letter: PREPARED, postedOn: '2026-02-30', reason: 'letter_posted_date_invalid' },
    { name: 'tomorrow', letter: PREPARED, postedOn: '2026-06-11', reason: 'letter_posted_in_future' },
    {
      name: 'before it was prepared',
      letter: PREPARED,
      postedOn: '2026-06-07',
      reason: 'letter_posted_before_prepared',
    },
  ])('$name → $reason', ({ letter, postedOn, reason }) => {
    expect(checkLetterPosted(letter, postedOn, NOW)).toEqual({ ok: false, reason });
  });
});

describe('answer term of a repeat (policy 2.6)', () => {
  const repeat = (earlier: number, lawyer: 'none' | 'written_by_lawyer' = 'none') =>
    openState({
      repeat: {
        earlierComplaintId: 'c-0',
        lawyer,
        kind: 'disagrees_with_decision',
        newFacts: false,
        earlierRepeats: Array.from({ length: earlier }, () => ({ newFacts: false })),
      },
    });
  test.each([
    { name: 'a first complaint', state: openState(), term: true },
    { name: 'first repeat without new facts (stand by)', state: repeat(0), term: true },
    { name: 'second repeat (the last response)', state: repeat(1), term: true },
    { name: 'third repeat: recorded, no answer term', state: repeat(2), term: false },
    { name: 'third repeat by a lawyer: still answered', state: repeat(2, 'written_by_lawyer'), term: true },
  ])('$name', ({ state, term }) => {
    expect(hasAnswerTerm(state)).toBe(term);
  });
});

describe('who marks a letter posted (policy 2.5) and who exports the committee dossier (policy 1.3)', () => {
  const access = {
    handlerId: 'eva',
    responsibleManagerId: 'mia',
    departmentId: 'wonen',
    confidential: false,
    confidentialReason: null,
    subjectEmployeeId: null,
    subjectEmployeeDepartmentId: null,
  };
  const actor = (userId: string, roles: StaffRole[], managed: string[] = []) => ({
    userId,
    roles,
    departmentId: 'wonen',
    managedDepartmentIds: managed,
  });
  test.each([
    { name: 'the handler', who: actor('eva', ['employee']), letter: true, dossier: true },
    {
      name: 'the manager',
      who: actor('mia', ['employee', 'manager'], ['wonen']),
      letter: true,
      dossier: true,
    },
    {
      name: 'a management assistant',
      who: actor('anna', ['employee', 'management_assistant']),
      letter: true,
      dossier: true,
    },
    { name: 'the MT', who: actor('mt', ['employee', 'management_team']), letter: false, dossier: true },
    { name: 'a colleague', who: actor('karel', ['employee']), letter: false, dossier: false },
  ])('$name', ({ who, letter, dossier }) => {
    expect(mayMarkLetterPosted(who, access)).toBe(letter);
    expect(mayExportCommitteeDossier(who, access)).toBe(dossier);
  });
  test('a confidential complaint: not for a management assistant who may not see it', () => {
    const anna = actor('anna', ['employee', 'management_assistant']);
    expect(
      mayMarkLetterPosted(anna, {
        ...access,
        confidential: true,
        confidentialReason: 'complainant_asks' as const,
      }),
    ).toBe(false);
    expect(
      mayExportCommitteeDossier(anna, {
        ...access,
        confidential: true,
        confidentialReason: 'complainant_asks' as const,
      }),
    ).toBe(false);
  });
});

describe('next steps for the new paths', () => {
  const declined = {
    ...openState(),
    status: 'declined_outside_procedure' as const,
  };
  test('policy 2.5: a prepared letter waits to be posted', () => {
    expect(listNextSteps(declined)).toEqual(['send_explanation']);
    expect(listNextSteps({ ...declined, explanationLetter: { preparedAt: NOW, postedOn: null } })).toEqual([
      'post_explanation_letter',
    ]);
  });
  test('policy 2.4: a wrong policy waits for the manager, also after a withdrawal', () => {
    const assessment = { ...KIND_B, finding: 'policy_wrong' as const };
    expect(listNextSteps({ ...openState(), status: 'withdrawn', assessment })).toEqual([
      'decide_policy_finding',
    ]);
    expect(isPolicyFindingOpen(assessment)).toBe(true);
    const onAgenda = { ...assessment, managementTeamAgenda: { at: NOW, byUserId: null } };
    expect(listNextSteps({ ...openState(), status: 'withdrawn', assessment: onAgenda })).toEqual([]);
    expect(isPolicyFindingOpen(onAgenda)).toBe(false);
  });
});
