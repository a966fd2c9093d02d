import { describe, expect, test } from 'vitest';
import {
  SATISFACTION_MINIMUM_ANSWERS,
  satisfactionFiguresBy,
  satisfactionScoreShown,
  scoreDistributionOrWithheld,
  scoreMeanOrWithheld,
  summarizeSatisfactionFigures,
  tooFewAnswersText,
  trendQuarters,
} from '../../src/domain/satisfaction-figures.ts';

const answered = (handling: number, outcome: number, toCommittee = false) => ({
  requested: true,
  scores: { handling, outcome },
  toCommittee,
});
const unanswered = { requested: true, scores: null, toCommittee: false };

describe('satisfaction figures (decision 050)', () => {
  test('no score below five answers, the count always', () => {
    expect(SATISFACTION_MINIMUM_ANSWERS).toBe(5);
    expect(satisfactionScoreShown(4)).toBe(false);
    expect(satisfactionScoreShown(5)).toBe(true);
    const four = summarizeSatisfactionFigures([1, 2, 3, 4].map((s) => answered(s, s, s === 1)));
    expect(four.answers).toBe(4);
    expect(four.handling).toEqual({ shown: false, answers: 4 });
    expect(four.committeeShare).toBeNull();
    expect(scoreMeanOrWithheld(four.handling)).toBe('te weinig antwoorden (n=4)');
    expect(scoreMeanOrWithheld(four.outcome, 'en')).toBe('too few answers (n=4)');
    expect(tooFewAnswersText(3)).toBe('te weinig antwoorden (n=3)');
  });

  test('response rate, mean, distribution and the share to the committee, by hand', () => {
    const f = summarizeSatisfactionFigures([
      answered(5, 4),
      answered(4, 4, true),
      answered(4, 3),
      answered(3, 3),
      answered(1, 1),
      unanswered,
      unanswered,
      { requested: false, scores: null, toCommittee: true }, // never asked: outside the rate
      { requested: false, scores: { handling: 3, outcome: 5 }, toCommittee: false }, // answered, so asked
    ]);
    expect(f.asked).toBe(8);
    expect(f.answers).toBe(6);
    expect(f.responseRate).toBe(6 / 8);
    expect(f.handling).toEqual({ shown: true, answers: 6, mean: 20 / 6, distribution: [1, 0, 2, 2, 1] });
    expect(scoreDistributionOrWithheld(f.outcome)).toBe('1: 1 · 2: 0 · 3: 2 · 4: 2 · 5: 1');
    expect(f.respondentsToCommittee).toBe(1);
    expect(f.committeeShare).toBe(1 / 6);
    expect(summarizeSatisfactionFigures([]).responseRate).toBeNull();
  });

  test('grouping keeps every group apart', () => {
    // rows as the report reads them: the scores as two columns, null when the form was not answered
    const row = (key: string, handling: number | null, outcome: number | null) => ({
      key,
      requested: true,
      handling,
      outcome,
      toCommittee: false,
    });
    const groups = satisfactionFiguresBy(
      [row('a', 5, 5), row('b', 1, 1), row('a', null, null)],
      (r) => r.key,
    );
    expect(groups.get('a')?.asked).toBe(2);
    expect(groups.get('a')?.answers).toBe(1);
    expect(groups.get('b')?.answers).toBe(1);
  });

  test('a row counted in SQL (n complaints) gives the same figures as n rows', () => {
    const one = { requested: true, handling: 4, outcome: 2, toCommittee: true };
    const asked = { requested: true, handling: null, outcome: null, toCommittee: false };
    const counted = satisfactionFiguresBy(
      [
        { ...one, n: 5 },
        { ...asked, n: 2 },
      ],
      () => 'q',
    ).get('q');
    const listed = satisfactionFiguresBy([one, one, one, one, one, asked, asked], () => 'q').get('q');
    expect(counted).toEqual(listed);
    expect(counted?.asked).toBe(7);
    expect(counted?.answers).toBe(5);
    expect(scoreDistributionOrWithheld(counted?.handling ?? { shown: false, answers: 0 })).toBe(
      '1: 0 · 2: 0 · 3: 0 · 4: 5 · 5: 0',
    );
  });

  test('the trend: four quarters up to the one holding the last day', () => {
    expect(trendQuarters('2026-06-30')).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
    expect(trendQuarters('2026-12-31')).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(trendQuarters('2027-01-15')).toEqual(['2026-Q2', '2026-Q3', '2026-Q4', '2027-Q1']);
  });
});
