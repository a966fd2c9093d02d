import { rate } from './report-measures.ts';

// Satisfaction figures (issue 26, decision 050; docs/measures.md "Tevredenheid"): the response rate and the
// scores of the satisfaction forms, per group (category, channel, department, team, verdict, quarter). Every
// screen and export takes its figures and the minimum-answers rule from here, so they cannot disagree.

/** Below this many answers no score is shown for a group: too few to mean anything, and too close to a person. */
export const SATISFACTION_MINIMUM_ANSWERS = 5;

/** Whether a score (mean or distribution) over this many answers may be shown. */
export function satisfactionScoreShown(answers: number): boolean {
  return answers >= SATISFACTION_MINIMUM_ANSWERS;
}

/** What stands in place of a withheld score: 'te weinig antwoorden (n=3)'. */
export function tooFewAnswersText(answers: number, locale: 'nl' | 'en' = 'nl'): string {
  return locale === 'nl' ? `te weinig antwoorden (n=${answers})` : `too few answers (n=${answers})`;
}

/** One complaint answered in the period, as far as the satisfaction figures need it. */
export type SatisfactionRecord = Readonly<{
  /** The satisfaction form was sent (a `satisfaction_requested` event). */
  requested: boolean;
  /** The scores (1–5) when the form was answered, else null. */
  scores: Readonly<{ handling: number; outcome: number }> | null;
  /** The complaint went on to the complaints committee (at any time). */
  toCommittee: boolean;
}>;

/** A score of a group: shown with its mean and distribution, or withheld below the minimum. */
export type SatisfactionScore =
  | Readonly<{ shown: true; answers: number; mean: number; distribution: readonly number[] }>
  | Readonly<{ shown: false; answers: number }>;

export type SatisfactionFigures = Readonly<{
  /** Forms asked for: sent, or answered without a recorded request (the form was reached, so it was asked). */
  asked: number;
  /** Forms answered. */
  answers: number;
  /** answers ÷ asked; null when nothing was asked. */
  responseRate: number | null;
  handling: SatisfactionScore;
  outcome: SatisfactionScore;
  /** Respondents whose complaint went on to the complaints committee. */
  respondentsToCommittee: number;
  /** respondentsToCommittee ÷ answers; withheld (null) below the minimum, like a score. */
  committeeShare: number | null;
}>;

function score(distribution: number[], sum: number, answers: number): SatisfactionScore {
  if (!satisfactionScoreShown(answers)) return { shown: false, answers };
  return { shown: true, answers, mean: sum / answers, distribution };
}

/** One answered complaint as a report row carries it: the scores as two columns, null when not answered. */
export type SatisfactionAnswerRow = Readonly<{
  requested: boolean;
  handling: number | null;
  outcome: number | null;
  toCommittee: boolean;
  /** How many complaints the row stands for (counted in SQL); 1 when absent. */
  n?: number;
}>;

type Tally = {
  asked: number;
  answers: number;
  toCommittee: number;
  handlingSum: number;
  outcomeSum: number;
  handling: number[];
  outcome: number[];
};

const newTally = (): Tally => ({
  asked: 0,
  answers: 0,
  toCommittee: 0,
  handlingSum: 0,
  outcomeSum: 0,
  handling: [0, 0, 0, 0, 0],
  outcome: [0, 0, 0, 0, 0],
});

function count(
  tally: Tally,
  requested: boolean,
  handling: number | null,
  outcome: number | null,
  toCommittee: boolean,
  n = 1,
) {
  if (handling === null || outcome === null) {
    if (requested) tally.asked += n;
    return;
  }
  tally.asked += n;
  tally.answers += n;
  if (toCommittee) tally.toCommittee += n;
  tally.handling[handling - 1] = (tally.handling[handling - 1] ?? 0) + n;
  tally.outcome[outcome - 1] = (tally.outcome[outcome - 1] ?? 0) + n;
  tally.handlingSum += handling * n;
  tally.outcomeSum += outcome * n;
}

function figuresOf(tally: Tally): SatisfactionFigures {
  const { asked, answers, toCommittee } = tally;
  return {
    asked,
    answers,
    responseRate: rate(answers, asked),
    handling: score(tally.handling, tally.handlingSum, answers),
    outcome: score(tally.outcome, tally.outcomeSum, answers),
    respondentsToCommittee: toCommittee,
    committeeShare: satisfactionScoreShown(answers) ? rate(toCommittee, answers) : null,
  };
}

/** The figures of one group of complaints (one pass: a report sums thousands of records per table). */
export function summarizeSatisfactionFigures(records: readonly SatisfactionRecord[]): SatisfactionFigures {
  const tally = newTally();
  for (const r of records)
    count(tally, r.requested, r.scores?.handling ?? null, r.scores?.outcome ?? null, r.toCommittee);
  return figuresOf(tally);
}

/**
 * The figures per group key, in first-seen order of the keys: one pass over the rows, no copy of them (a
 * national report groups about 10,000 rows six ways).
 */
export function satisfactionFiguresBy<R extends SatisfactionAnswerRow, K>(
  rows: readonly R[],
  keyOf: (row: R) => K,
): Map<K, SatisfactionFigures> {
  const tallies = new Map<K, Tally>();
  for (const row of rows) {
    const key = keyOf(row);
    let tally = tallies.get(key);
    if (tally === undefined) {
      tally = newTally();
      tallies.set(key, tally);
    }
    count(tally, row.requested, row.handling, row.outcome, row.toCommittee, row.n ?? 1);
  }
  return new Map([...tallies].map(([key, tally]) => [key, figuresOf(tally)]));
}

/** A score as a report cell: the mean, or the withheld text. */
export function scoreMeanOrWithheld(value: SatisfactionScore, locale: 'nl' | 'en' = 'nl'): number | string {
  return value.shown ? value.mean : tooFewAnswersText(value.answers, locale);
}

/** A score's distribution over 1–5 as one text ('1: 0 · 2: 1 · 3: 2 · 4: 3 · 5: 4'), or the withheld text. */
export function scoreDistributionOrWithheld(value: SatisfactionScore, locale: 'nl' | 'en' = 'nl'): string {
  if (!value.shown) return tooFewAnswersText(value.answers, locale);
  return value.distribution.map((n, i) => `${i + 1}: ${n}`).join(' · ');
}

/** The four quarters ending with the one that holds the period's last day: the satisfaction trend. */
export function trendQuarters(lastDay: string): string[] {
  let year = Number(lastDay.slice(0, 4));
  let quarter = Math.floor((Number(lastDay.slice(5, 7)) - 1) / 3) + 1;
  const quarters: string[] = [];
  for (let i = 0; i < 4; i += 1) {
    quarters.unshift(`${year}-Q${quarter}`);
    quarter -= 1;
    if (quarter === 0) {
      quarter = 4;
      year -= 1;
    }
  }
  return quarters;
}
