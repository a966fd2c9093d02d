import type { CalendarSettings } from './calendar-settings.ts';
import { workingDaysBetweenInstants } from './complaint-term.ts';
import { isLocalDate, type LocalDate } from './local-date.ts';

// The arithmetic behind the report measures (policy 2.2, 3.2); docs/measures.md defines each measure.
// Every screen and export takes its numbers from here, so they cannot disagree.

/** A report period: half-open range of Amsterdam calendar days [from, until). */
export type ReportPeriod = Readonly<{ from: LocalDate; until: LocalDate; label: string }>;

export function yearPeriod(year: number): ReportPeriod {
  return { from: `${year}-01-01`, until: `${year + 1}-01-01`, label: String(year) };
}

export function isValidPeriod(from: string, until: string): boolean {
  return isLocalDate(from) && isLocalDate(until) && from < until;
}

/** The first day of each month touched by the period, for trend lines. */
export function monthsOf(period: ReportPeriod): string[] {
  const months: string[] = [];
  let [year, month] = period.from.split('-').map(Number) as [number, number];
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (`${key}-01` >= period.until) break;
    months.push(key);
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** numerator / denominator, or null when there is nothing to divide by (never 0 % of nothing). */
export function rate(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** Complaints per 1,000 units (verhuureenheden); null without units. */
export function perThousandUnits(complaints: number, units: number): number | null {
  return units === 0 ? null : (complaints * 1000) / units;
}

/** Median of a list: the middle value, or the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Nearest-rank percentile: the smallest value with at least p % of the values at or below it. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

/** One answered complaint, as far as timeliness and handling time need it. */
export type AnsweredComplaint = Readonly<{
  receivedAt: Date;
  answeredAt: Date;
  originalDueAt: Date;
  dueAt: Date;
  extended: boolean;
}>;

export type TimelinessSummary = Readonly<{
  answered: number;
  onTimeOriginal: number;
  onTimeExtended: number;
  extended: number;
  onTimeOriginalRate: number | null;
  onTimeExtendedRate: number | null;
  medianWorkingDays: number | null;
  p90WorkingDays: number | null;
}>;

/**
 * On time against the original term: answered no later than the original due instant. On time against
 * the extended term: no later than the due instant in force, which is the original one when never
 * extended (policy 2.3). Handling time: working days from the day of receipt to the day of the answer.
 */
export function summarizeTimeliness(
  rows: readonly AnsweredComplaint[],
  settings: CalendarSettings,
): TimelinessSummary {
  let onTimeOriginal = 0;
  let onTimeExtended = 0;
  let extended = 0;
  const days: number[] = [];
  for (const row of rows) {
    const at = row.answeredAt.getTime();
    if (at <= row.originalDueAt.getTime()) onTimeOriginal += 1;
    if (at <= row.dueAt.getTime()) onTimeExtended += 1;
    if (row.extended) extended += 1;
    days.push(Math.max(0, workingDaysBetweenInstants(row.receivedAt, row.answeredAt, settings)));
  }
  return {
    answered: rows.length,
    onTimeOriginal,
    onTimeExtended,
    extended,
    onTimeOriginalRate: rate(onTimeOriginal, rows.length),
    onTimeExtendedRate: rate(onTimeExtended, rows.length),
    medianWorkingDays: median(days),
    p90WorkingDays: percentile(days, 90),
  };
}

export type SatisfactionSummary = Readonly<{
  responses: number;
  answered: number;
  responseRate: number | null;
  meanHandling: number | null;
  meanOutcome: number | null;
  /** Index 0 holds the count of score 1, index 4 of score 5. */
  handlingDistribution: readonly number[];
  outcomeDistribution: readonly number[];
}>;

/** Satisfaction of the complaints answered in the period that got a response (scores 1–5). */
export function summarizeSatisfaction(
  scores: readonly Readonly<{ handling: number; outcome: number }>[],
  answered: number,
): SatisfactionSummary {
  const handlingDistribution = [0, 0, 0, 0, 0];
  const outcomeDistribution = [0, 0, 0, 0, 0];
  let handlingSum = 0;
  let outcomeSum = 0;
  for (const score of scores) {
    handlingDistribution[score.handling - 1] = (handlingDistribution[score.handling - 1] ?? 0) + 1;
    outcomeDistribution[score.outcome - 1] = (outcomeDistribution[score.outcome - 1] ?? 0) + 1;
    handlingSum += score.handling;
    outcomeSum += score.outcome;
  }
  const n = scores.length;
  return {
    responses: n,
    answered,
    responseRate: rate(n, answered),
    meanHandling: n === 0 ? null : handlingSum / n,
    meanOutcome: n === 0 ? null : outcomeSum / n,
    handlingDistribution,
    outcomeDistribution,
  };
}

/** Improvement actions count as overdue on a day when due before it and neither done nor dropped. */
export function isActionOverdueOn(
  action: Readonly<{ dueOn: LocalDate | null; status: string; completedOn: LocalDate | null }>,
  day: LocalDate,
): boolean {
  if (action.dueOn === null || action.dueOn >= day) return false;
  if (action.status === 'dropped') return false;
  return action.completedOn === null || action.completedOn > day;
}

const percentFormat = new Intl.NumberFormat('nl-NL', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const decimalFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1, minimumFractionDigits: 0 });
const integerFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });

/** The one way a rate is written in every report format: '83,3%', or '–' for no value. */
export function formatRate(value: number | null): string {
  return value === null ? '–' : percentFormat.format(value).replace(/\s/g, '');
}

/** Decimal figures (median days, per 1,000 units, means): one decimal, Dutch notation. */
export function formatDecimal(value: number | null): string {
  return value === null ? '–' : decimalFormat.format(value);
}

export function formatCount(value: number): string {
  return integerFormat.format(value);
}

/** The value as exported in CSV/Excel: rates and decimals rounded as they are printed. */
export function roundForExport(
  value: number | null,
  kind: 'rate' | 'decimal' | 'count' | 'cents',
): number | null {
  if (value === null) return null;
  if (kind === 'rate') return Math.round(value * 1000) / 1000;
  if (kind === 'decimal') return Math.round(value * 10) / 10;
  return value;
}
