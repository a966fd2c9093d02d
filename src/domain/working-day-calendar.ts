import type { CalendarSettings } from './calendar-settings.ts';
import { listDaysOff } from './dutch-holidays.ts';
import {
  addCalendarDays,
  fromEpochDay,
  getIsoWeekday,
  getYear,
  type LocalDate,
  toEpochDay,
} from './local-date.ts';

// Memo of days off per settings object and year; invisible to callers (settings are immutable values).
const daysOffCache = new WeakMap<CalendarSettings, Map<number, ReadonlySet<LocalDate>>>();

function getDaysOff(year: number, settings: CalendarSettings): ReadonlySet<LocalDate> {
  let byYear = daysOffCache.get(settings);
  if (byYear === undefined) {
    byYear = new Map();
    daysOffCache.set(settings, byYear);
  }
  let days = byYear.get(year);
  if (days === undefined) {
    days = new Set(listDaysOff(year, settings).map((d) => d.date));
    byYear.set(year, days);
  }
  return days;
}

function assertInteger(n: number): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`working-day count must be an integer, got ${n}`);
}

/** Monday to Friday, minus holidays and closing days (policy 2.3, "werkdag"). */
export function isWorkingDay(date: LocalDate, settings: CalendarSettings): boolean {
  if (getIsoWeekday(date) > 5) return false;
  return !getDaysOff(getYear(date), settings).has(date);
}

/** The first working day strictly after the given day. */
export function getNextWorkingDay(date: LocalDate, settings: CalendarSettings): LocalDate {
  let day = addCalendarDays(date, 1);
  while (!isWorkingDay(day, settings)) day = addCalendarDays(day, 1);
  return day;
}

/** The last working day strictly before the given day. */
export function getPreviousWorkingDay(date: LocalDate, settings: CalendarSettings): LocalDate {
  let day = addCalendarDays(date, -1);
  while (!isWorkingDay(day, settings)) day = addCalendarDays(day, -1);
  return day;
}

/**
 * The n-th working day after (n > 0) or before (n < 0) the given day, which itself need not be a
 * working day; n = 0 returns the day unchanged (policy 2.3: "binnen vijf werkdagen").
 */
export function addWorkingDays(date: LocalDate, n: number, settings: CalendarSettings): LocalDate {
  assertInteger(n);
  let day = date;
  for (let i = 0; i < n; i += 1) day = getNextWorkingDay(day, settings);
  for (let i = 0; i > n; i -= 1) day = getPreviousWorkingDay(day, settings);
  return day;
}

/**
 * Signed count of working days in (from, to] — negative, the count in (to, from], when `to` is earlier.
 * Deadline to due day = "nog 2 werkdagen"; due day to today = "3 werkdagen te laat" (policy 2.3).
 */
export function workingDaysBetween(from: LocalDate, to: LocalDate, settings: CalendarSettings): number {
  const sign = toEpochDay(to) >= toEpochDay(from) ? 1 : -1;
  const [start, end] = sign === 1 ? [from, to] : [to, from];
  const last = toEpochDay(end);
  let count = 0;
  for (let epochDay = toEpochDay(start) + 1; epochDay <= last; epochDay += 1) {
    if (isWorkingDay(fromEpochDay(epochDay), settings)) count += 1;
  }
  return count === 0 ? 0 : sign * count;
}
