import { toLocalDate } from './business-time.ts';
import { type Quarter, quarterOfDay, quarterRange } from './learning.ts';
import { perThousandUnits, type ReportPeriod, rate, yearPeriod } from './report-measures.ts';
import { satisfactionScoreShown } from './satisfaction-figures.ts';

// The anonymised sector benchmark (issue 24, decision 040): a corporation that opted in sees its own figures
// beside the quartiles of every opted-in corporation's figure. The figures come from the same complaint sets as
// the quarterly report (docs/measures.md), counted per organisation; this file turns them into measures and
// quartiles and decides when a sector figure must be withheld.

/** Below this many opted-in corporations with a value for a measure, the sector figure is withheld. */
export const SECTOR_MINIMUM_GROUP = 5;

export const SECTOR_MEASURES = [
  'on_time_share',
  'per_thousand_units',
  'committee_per_thousand_units',
  'satisfaction_handling',
  'repeat_share',
] as const;
export type SectorMeasure = (typeof SECTOR_MEASURES)[number];

/** One organisation's counts for a period: the sizes of report sets, its units and satisfaction scores. */
export type SectorFigures = Readonly<{
  received: number;
  answered: number;
  /** Answered no later than the term in force (set answered_on_time_extended, policy 2.3). */
  answeredOnTime: number;
  repeats: number;
  committeeReferred: number;
  units: number;
  satisfactionResponses: number;
  /** Sum of the handling scores (1–5) of those responses. */
  satisfactionHandlingSum: number;
}>;

export const NO_SECTOR_FIGURES: SectorFigures = {
  received: 0,
  answered: 0,
  answeredOnTime: 0,
  repeats: 0,
  committeeReferred: 0,
  units: 0,
  satisfactionResponses: 0,
  satisfactionHandlingSum: 0,
};

/**
 * One measure of one organisation; null when it has nothing to measure (no answers, no units, no scores) or,
 * for satisfaction, when its mean rests on fewer answers than the minimum (decision 050): such a corporation
 * adds nothing to the sector's quartiles and is not shown a figure of its own.
 */
export function sectorMeasureValue(measure: SectorMeasure, f: SectorFigures): number | null {
  switch (measure) {
    case 'on_time_share':
      return rate(f.answeredOnTime, f.answered);
    case 'per_thousand_units':
      return perThousandUnits(f.received, f.units);
    case 'committee_per_thousand_units':
      return perThousandUnits(f.committeeReferred, f.units);
    case 'satisfaction_handling':
      return f.satisfactionResponses === 0 || !satisfactionScoreShown(f.satisfactionResponses)
        ? null
        : f.satisfactionHandlingSum / f.satisfactionResponses;
    case 'repeat_share':
      return rate(f.repeats, f.received);
  }
}

/**
 * When an organisation's own figure for a measure is withheld for too few answers (satisfaction, decision 050):
 * the number of answers it would rest on, shown as 'te weinig antwoorden (n=…)'; else null.
 */
export function sectorOwnTooFewAnswers(measure: SectorMeasure, f: SectorFigures): number | null {
  if (measure !== 'satisfaction_handling' || f.satisfactionResponses === 0) return null;
  return satisfactionScoreShown(f.satisfactionResponses) ? null : f.satisfactionResponses;
}

export type Quartiles = Readonly<{ p25: number; p50: number; p75: number }>;

/**
 * Quartiles by linear interpolation between the sorted values (as Excel's QUARTILE.INC): the median is the
 * middle value or the mean of the two middle ones, and P25/P75 usually lie between two corporations' values
 * rather than being one corporation's figure.
 */
export function quartiles(values: readonly number[]): Quartiles | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => {
    const position = (sorted.length - 1) * p;
    const below = Math.floor(position);
    const low = sorted[below] as number;
    const high = sorted[Math.min(below + 1, sorted.length - 1)] as number;
    return low + (high - low) * (position - below);
  };
  return { p25: at(0.25), p50: at(0.5), p75: at(0.75) };
}

export type SectorFigure =
  | Readonly<{ status: 'shown'; corporations: number; quartiles: Quartiles }>
  | Readonly<{ status: 'withheld'; minimum: number }>;

/**
 * The sector's figure per measure over the participants (the opted-in corporations). Only corporations with a
 * value count for a measure; fewer than the minimum → withheld, and then not even how many there were is kept.
 * No minimum, maximum or single corporation's figure leaves here.
 */
export function summarizeSector(
  participants: readonly SectorFigures[],
  minimum = SECTOR_MINIMUM_GROUP,
): { measure: SectorMeasure; sector: SectorFigure }[] {
  return SECTOR_MEASURES.map((measure) => {
    const values = participants
      .map((p) => sectorMeasureValue(measure, p))
      .filter((v): v is number => v !== null);
    const q = values.length >= minimum ? quartiles(values) : null;
    return {
      measure,
      sector:
        q === null
          ? { status: 'withheld', minimum }
          : { status: 'shown', corporations: values.length, quartiles: q },
    };
  });
}

/**
 * The periods the sector's figures are kept for at an instant: the quarter in progress and the one before it
 * (the dashboard, the quarterly report), and the year in progress and the one before it (the annual report).
 */
export function sectorBenchmarkPeriods(now: Date): ReportPeriod[] {
  const today = toLocalDate(now);
  const current = quarterOfDay(today);
  const [year, q] = [Number(current.slice(0, 4)), Number(current.slice(-1))];
  const previous: Quarter = q === 1 ? `${year - 1}-Q4` : `${year}-Q${(q - 1) as 1 | 2 | 3}`;
  return [
    { ...quarterRange(previous), label: previous },
    { ...quarterRange(current), label: current },
    yearPeriod(year - 1),
    yearPeriod(year),
  ];
}
