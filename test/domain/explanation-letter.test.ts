import { describe, expect, test } from 'vitest';
import {
  checkLetterPosted,
  chooseExplanationDelivery,
  getEndOfLocalDay,
  hasAnswerTerm,
  postedExplanationInstant,
} from '../../src/domain/index.ts';
import { NOW, openState } from './fixtures.ts';

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
