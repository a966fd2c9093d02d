import { describe, expect, test } from 'vitest';
import {
  type Assessment,
  approvedCompensation,
  countLetterFrames,
  findLetterFrame,
} from '../../src/domain/index.ts';

describe('the letter frame of an answer text (issue 22)', () => {
  test.each([
    ['Beste mevrouw De Vries,\n\nDe ketel is vervangen.', 'Beste mevrouw De Vries,', null],
    ['Geachte heer Demir,\nWij vergoeden de schade.', 'Geachte heer Demir,', null],
    ['Dear Ms Smith,\n\nThe boiler was replaced.\n\nKind regards,', 'Dear Ms Smith,', 'Kind regards,'],
    ['De ketel is vervangen.\n\nMet vriendelijke groet,\n\nEva Jansen', null, 'Met vriendelijke groet,'],
    ['De ketel is vervangen.\n\nHoogachtend', null, 'Hoogachtend'],
    // not a salutation line: the sentence goes on after the comma
    ['Beste mevrouw De Vries, zoals besproken wordt de ketel vervangen.', null, null],
    ['Wij hebben uw klacht beoordeeld. Uw klacht is gegrond.', null, null],
    ['Met vriendelijke groet van de aannemer hebben wij niets te maken.', null, null],
  ])('%j', (text, salutation, closing) => {
    expect(findLetterFrame(text)).toEqual({ salutation, closing });
  });

  test('counts every salutation and sign-off in a whole letter', () => {
    const doubled =
      'Beste Jannie,\n\nBeste Jannie,\n\nDe ketel is vervangen.\n\nMet vriendelijke groet,\n\nMet vriendelijke groet,\n\nEva';
    expect(countLetterFrames(doubled)).toEqual({ salutations: 2, closings: 2 });
    expect(countLetterFrames('Beste Jannie,\n\nTekst.\n\nMet vriendelijke groet,\n\nEva')).toEqual({
      salutations: 1,
      closings: 1,
    });
  });
});

describe('the compensation an answer may promise (policy 2.4)', () => {
  const base = {
    kind: 'policy_not_followed',
    verdict: 'upheld',
    apologyOffered: true,
    errorAdmitted: true,
    demonstrableDamage: true,
  } as const;
  const approval = { role: 'manager', byUserId: 'm1', at: new Date('2026-12-01T10:00:00Z') };

  test('only an amount the manager approved', () => {
    const approved = { ...base, compensation: { amountCents: 15_000, approval, paidAt: null } };
    const waiting = { ...base, compensation: { amountCents: 15_000, approval: null, paidAt: null } };
    expect(approvedCompensation(approved as Assessment)).toBe(15_000);
    expect(approvedCompensation(waiting as Assessment)).toBeNull();
    expect(approvedCompensation({ ...base, compensation: null } as Assessment)).toBeNull();
    expect(approvedCompensation(null)).toBeNull();
  });
});
