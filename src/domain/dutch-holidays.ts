import type { CalendarSettings, LiberationDayMode } from './calendar-settings.ts';
import { addCalendarDays, formatLocalDate, getIsoWeekday, getYear, type LocalDate } from './local-date.ts';

// The corporation's days off besides weekends (policy 2.3, "werkdagen"); names as users see them.
export const HOLIDAY_NAMES = {
  new_years_day: 'Nieuwjaarsdag',
  good_friday: 'Goede Vrijdag',
  easter_monday: 'Tweede Paasdag',
  kings_day: 'Koningsdag',
  liberation_day: 'Bevrijdingsdag',
  ascension_day: 'Hemelvaartsdag',
  whit_monday: 'Tweede Pinksterdag',
  christmas_day: 'Eerste Kerstdag',
  boxing_day: 'Tweede Kerstdag',
  closing_day: 'Sluitingsdag',
} as const;
export type DayOffCode = keyof typeof HOLIDAY_NAMES;

export type DayOff = { readonly date: LocalDate; readonly code: DayOffCode; readonly name: string };

/** Easter Sunday in the Gregorian calendar (anonymous algorithm, Meeus/Jones/Butcher). */
export function computeEasterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatLocalDate(year, month, day);
}

/** Koningsdag 27 April (Koninginnedag 30 April before 2014); on a Sunday it moves to the Saturday before. */
export function computeKingsDay(year: number): LocalDate {
  const date = formatLocalDate(year, 4, year >= 2014 ? 27 : 30);
  return getIsoWeekday(date) === 7 ? addCalendarDays(date, -1) : date;
}

/** Lustrum years are the years divisible by five (policy 2.3 setting, default 'lustrum'). */
export function isLiberationDayOff(year: number, mode: LiberationDayMode): boolean {
  if (mode === 'every_year') return true;
  return mode === 'lustrum' && year % 5 === 0;
}

function makeDayOff(date: LocalDate, code: DayOffCode): DayOff {
  return { date, code, name: HOLIDAY_NAMES[code] };
}

/** All days off in a year under the given settings, sorted; weekend dates are included as they fall. */
export function listDaysOff(year: number, settings: CalendarSettings): DayOff[] {
  const easter = computeEasterSunday(year);
  const days: DayOff[] = [
    makeDayOff(formatLocalDate(year, 1, 1), 'new_years_day'),
    makeDayOff(addCalendarDays(easter, 1), 'easter_monday'),
    makeDayOff(computeKingsDay(year), 'kings_day'),
    makeDayOff(addCalendarDays(easter, 39), 'ascension_day'),
    makeDayOff(addCalendarDays(easter, 50), 'whit_monday'),
    makeDayOff(formatLocalDate(year, 12, 25), 'christmas_day'),
    makeDayOff(formatLocalDate(year, 12, 26), 'boxing_day'),
  ];
  // policy 2.3: Goede Vrijdag is a working day unless the corporation sets it off
  if (settings.goodFridayIsDayOff) days.push(makeDayOff(addCalendarDays(easter, -2), 'good_friday'));
  // policy 2.3: Bevrijdingsdag per setting (every year / lustrum / never)
  if (isLiberationDayOff(year, settings.liberationDay)) {
    days.push(makeDayOff(formatLocalDate(year, 5, 5), 'liberation_day'));
  }
  // policy 2.3: the corporation's own closing days (e.g. between Christmas and New Year)
  for (const date of settings.closingDays) {
    if (getYear(date) === year && !days.some((d) => d.date === date))
      days.push(makeDayOff(date, 'closing_day'));
  }
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
