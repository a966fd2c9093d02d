import { getEndOfLocalDay, toLocalDate, toLocalDateTime } from './business-time.ts';
import { type CalendarSettings, parseCutOffMinutes } from './calendar-settings.ts';
import type { LocalDate } from './local-date.ts';
import {
  addWorkingDays,
  getNextWorkingDay,
  isWorkingDay,
  workingDaysBetween,
} from './working-day-calendar.ts';

/** A deadline as stored: computed once, with the settings version it was computed under (policy 2.3). */
export type TermDeadline = Readonly<{
  termStartDay: LocalDate;
  dueDay: LocalDate;
  dueAt: Date;
  settingsVersion: number;
  termWorkingDays: number;
}>;

/**
 * Day 0 of the term: the day of receipt if it is a working day and the complaint came in before the
 * cut-off time, otherwise the next working day (policy 2.3).
 */
export function computeTermStartDay(receivedAt: Date, settings: CalendarSettings): LocalDate {
  const local = toLocalDateTime(receivedAt);
  const cutOff = parseCutOffMinutes(settings.cutOffTime);
  if (cutOff === null) throw new RangeError(`invalid cut-off time ${settings.cutOffTime}`);
  const beforeCutOff = local.hour * 60 + local.minute < cutOff;
  // policy 2.3: received on a working day before the office cut-off → that day is day 0
  if (beforeCutOff && isWorkingDay(local.date, settings)) return local.date;
  // policy 2.3: received after the cut-off or on a day off → the next working day is day 0
  return getNextWorkingDay(local.date, settings);
}

/** Due at 23:59:59.999 Amsterdam time on the N-th working day after day 0 (policy 2.3, N = 5 by default). */
export function computeDueAt(receivedAt: Date, settings: CalendarSettings): TermDeadline {
  const termStartDay = computeTermStartDay(receivedAt, settings);
  const dueDay = addWorkingDays(termStartDay, settings.termWorkingDays, settings);
  return {
    termStartDay,
    dueDay,
    dueAt: getEndOfLocalDay(dueDay),
    settingsVersion: settings.version,
    termWorkingDays: settings.termWorkingDays,
  };
}

/** Signed working days between the Amsterdam calendar days of two instants (see workingDaysBetween). */
export function workingDaysBetweenInstants(from: Date, to: Date, settings: CalendarSettings): number {
  return workingDaysBetween(toLocalDate(from), toLocalDate(to), settings);
}

export type TermProgress =
  | { readonly state: 'on_track'; readonly workingDaysLeft: number }
  | { readonly state: 'due_today'; readonly workingDaysLeft: 0 }
  | { readonly state: 'overdue'; readonly workingDaysLate: number };

/**
 * Where `now` stands against a due instant: "nog 2 werkdagen", "vandaag", "3 werkdagen te laat"
 * (policy 2.3). Overdue on a weekend right after the due day counts 0 working days late.
 */
export function describeTermProgress(now: Date, dueAt: Date, settings: CalendarSettings): TermProgress {
  const today = toLocalDate(now);
  const dueDay = toLocalDate(dueAt);
  if (now.getTime() > dueAt.getTime()) {
    return { state: 'overdue', workingDaysLate: Math.max(0, workingDaysBetween(dueDay, today, settings)) };
  }
  if (today === dueDay) return { state: 'due_today', workingDaysLeft: 0 };
  return { state: 'on_track', workingDaysLeft: workingDaysBetween(today, dueDay, settings) };
}

/**
 * Why day 0 of the term is the day it is (policy 2.3): the day of receipt (received on a working day before the
 * cut-off), the next working day (received after the cut-off, or on a weekend, holiday or closing day), or a later
 * day on which the term started anew (e.g. a complaint taken back into the procedure).
 */
export type TermStartRule = 'day_of_receipt' | 'after_cut_off' | 'day_off' | 'restarted';

/** How the term of one complaint is counted, from what was stored (issue 22: "why 6 working days?"). */
export type TermExplanation = Readonly<{
  receivedDay: LocalDate;
  /** Day 0: it does not count; the term is `workingDays` working days after it. */
  startDay: LocalDate;
  startRule: TermStartRule;
  cutOffTime: string;
  /** The working days between day 0 and the original due day: the term length it was computed with. */
  workingDays: number;
  originalDueDay: LocalDate;
  dueDay: LocalDate;
  /** The due day was moved by an extension. */
  extended: boolean;
}>;

/**
 * Explains a stored term. The length is recounted from day 0 to the original due day (the stored deadline is
 * never recomputed), so it stays true when the settings have changed since.
 */
export function explainTerm(
  receivedAt: Date,
  term: Readonly<{ termStartDay: LocalDate; originalDueAt: Date; dueAt: Date }>,
  settings: CalendarSettings,
): TermExplanation {
  const receivedDay = toLocalDate(receivedAt);
  const startDay = term.termStartDay;
  const originalDueDay = toLocalDate(term.originalDueAt);
  const dueDay = toLocalDate(term.dueAt);
  const startRule: TermStartRule =
    startDay === receivedDay
      ? 'day_of_receipt'
      : startDay === getNextWorkingDay(receivedDay, settings)
        ? isWorkingDay(receivedDay, settings)
          ? 'after_cut_off'
          : 'day_off'
        : 'restarted';
  return {
    receivedDay,
    startDay,
    startRule,
    cutOffTime: settings.cutOffTime,
    workingDays: workingDaysBetween(startDay, originalDueDay, settings),
    originalDueDay,
    dueDay,
    extended: dueDay !== originalDueDay,
  };
}
