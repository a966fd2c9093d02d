import Holidays from 'date-holidays';
import { describe, expect, test } from 'vitest';
import {
  type CalendarSettings,
  computeEasterSunday,
  computeKingsDay,
  DEFAULT_CALENDAR_SETTINGS,
  isLiberationDayOff,
  isWorkingDay,
  listDaysOff,
} from '../../src/domain/index.ts';

const ALL_ON: CalendarSettings = {
  ...DEFAULT_CALENDAR_SETTINGS,
  goodFridayIsDayOff: true,
  liberationDay: 'every_year',
};

// The independently computed table of issue 3 (policy 2.3 "werkdagen").
const HOLIDAY_TABLE = [
  { year: 2026, code: 'good_friday', date: '2026-04-03' },
  { year: 2026, code: 'easter_monday', date: '2026-04-06' },
  { year: 2026, code: 'kings_day', date: '2026-04-27' },
  { year: 2026, code: 'liberation_day', date: '2026-05-05' },
  { year: 2026, code: 'ascension_day', date: '2026-05-14' },
  { year: 2026, code: 'whit_monday', date: '2026-05-25' },
  { year: 2026, code: 'christmas_day', date: '2026-12-25' },
  { year: 2026, code: 'boxing_day', date: '2026-12-26' },
  { year: 2027, code: 'good_friday', date: '2027-03-26' },
  { year: 2027, code: 'easter_monday', date: '2027-03-29' },
  { year: 2027, code: 'kings_day', date: '2027-04-27' },
  { year: 2027, code: 'liberation_day', date: '2027-05-05' },
  { year: 2027, code: 'ascension_day', date: '2027-05-06' },
  { year: 2027, code: 'whit_monday', date: '2027-05-17' },
  { year: 2027, code: 'christmas_day', date: '2027-12-25' },
  { year: 2027, code: 'boxing_day', date: '2027-12-26' },
  { year: 2028, code: 'good_friday', date: '2028-04-14' },
  { year: 2028, code: 'easter_monday', date: '2028-04-17' },
  { year: 2028, code: 'kings_day', date: '2028-04-27' },
  { year: 2028, code: 'liberation_day', date: '2028-05-05' },
  { year: 2028, code: 'ascension_day', date: '2028-05-25' },
  { year: 2028, code: 'whit_monday', date: '2028-06-05' },
  { year: 2028, code: 'christmas_day', date: '2028-12-25' },
  { year: 2028, code: 'boxing_day', date: '2028-12-26' },
  { year: 2025, code: 'kings_day', date: '2025-04-26' },
  { year: 2025, code: 'liberation_day', date: '2025-05-05' },
  { year: 2025, code: 'ascension_day', date: '2025-05-29' },
  { year: 2025, code: 'whit_monday', date: '2025-06-09' },
] as const;

describe('holiday table of issue 3 (policy 2.3)', () => {
  test.each(HOLIDAY_TABLE)('policy 2.3: $code $year falls on $date', ({ year, code, date }) => {
    const found = listDaysOff(year, ALL_ON).filter((d) => d.code === code);
    expect(found.map((d) => d.date)).toEqual([date]);
  });

  test.each([
    { date: '2026-04-03', working: true, why: 'Goede Vrijdag is a working day by default' },
    { date: '2026-04-06', working: false, why: 'Tweede Paasdag' },
    { date: '2026-04-27', working: false, why: 'Koningsdag on a Monday' },
    { date: '2026-05-05', working: true, why: '2026 is no lustrum year' },
    { date: '2025-05-05', working: false, why: '2025 is a lustrum year' },
    { date: '2027-05-05', working: true, why: '2027 is no lustrum year' },
    { date: '2028-05-05', working: true, why: '2028 is no lustrum year' },
    { date: '2030-05-06', working: true, why: 'the day after Bevrijdingsdag 2030' },
    { date: '2030-05-03', working: true, why: 'Friday before' },
    { date: '2026-05-14', working: false, why: 'Hemelvaartsdag' },
    { date: '2026-05-15', working: true, why: 'Friday after Ascension is no day off' },
    { date: '2026-05-25', working: false, why: 'Tweede Pinksterdag' },
    { date: '2026-12-25', working: false, why: 'Eerste Kerstdag' },
    { date: '2026-12-24', working: true, why: 'Christmas Eve' },
    { date: '2026-12-31', working: true, why: 'Oudejaarsdag' },
    { date: '2027-01-01', working: false, why: 'Nieuwjaarsdag' },
    { date: '2028-12-26', working: false, why: 'Tweede Kerstdag on a Tuesday' },
    { date: '2027-04-27', working: false, why: 'Koningsdag on a Tuesday' },
  ])('policy 2.3: $date working=$working ($why), default settings', ({ date, working }) => {
    expect(isWorkingDay(date, DEFAULT_CALENDAR_SETTINGS)).toBe(working);
  });

  test('policy 2.3: Koningsdag 2025 moves to Saturday 26 April, so no working day is lost', () => {
    expect(computeKingsDay(2025)).toBe('2025-04-26');
    expect(isWorkingDay('2025-04-25', DEFAULT_CALENDAR_SETTINGS)).toBe(true);
    expect(isWorkingDay('2025-04-28', DEFAULT_CALENDAR_SETTINGS)).toBe(true);
  });

  test('policy 2.3: Koninginnedag before 2014 was 30 April, Saturday 29 April when the 30th was a Sunday', () => {
    expect(computeKingsDay(2013)).toBe('2013-04-30');
    expect(computeKingsDay(2006)).toBe('2006-04-29');
  });
});

describe('settings on top of the public holidays (policy 2.3)', () => {
  test.each([
    { mode: 'every_year', year: 2026, off: true },
    { mode: 'every_year', year: 2025, off: true },
    { mode: 'lustrum', year: 2025, off: true },
    { mode: 'lustrum', year: 2030, off: true },
    { mode: 'lustrum', year: 2026, off: false },
    { mode: 'never', year: 2025, off: false },
  ] as const)('policy 2.3: Bevrijdingsdag mode $mode in $year → day off $off', ({ mode, year, off }) => {
    expect(isLiberationDayOff(year, mode)).toBe(off);
    const settings = { ...DEFAULT_CALENDAR_SETTINGS, liberationDay: mode };
    expect(listDaysOff(year, settings).some((d) => d.code === 'liberation_day')).toBe(off);
  });

  test('policy 2.3: Goede Vrijdag becomes a day off only by setting', () => {
    expect(isWorkingDay('2027-03-26', DEFAULT_CALENDAR_SETTINGS)).toBe(true);
    expect(isWorkingDay('2027-03-26', { ...DEFAULT_CALENDAR_SETTINGS, goodFridayIsDayOff: true })).toBe(
      false,
    );
  });

  test('policy 2.3: closing days between Christmas and New Year are days off', () => {
    const settings = {
      ...DEFAULT_CALENDAR_SETTINGS,
      closingDays: ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31'],
    };
    expect(listDaysOff(2026, settings).filter((d) => d.code === 'closing_day')).toHaveLength(4);
    expect(isWorkingDay('2026-12-30', settings)).toBe(false);
    expect(listDaysOff(2027, settings).some((d) => d.code === 'closing_day')).toBe(false);
  });

  test('policy 2.3: a closing day on a holiday is listed once, as the holiday', () => {
    const settings = { ...DEFAULT_CALENDAR_SETTINGS, closingDays: ['2026-12-25'] };
    expect(
      listDaysOff(2026, settings)
        .filter((d) => d.date === '2026-12-25')
        .map((d) => d.code),
    ).toEqual(['christmas_day']);
  });
});

describe('cross-check against date-holidays 3 (independent implementation), 2020–2040', () => {
  const nl = new Holidays('NL');
  const CODES: Record<string, string> = {
    Nieuwjaar: 'new_years_day',
    'Tweede paasdag': 'easter_monday',
    Koningsdag: 'kings_day',
    Hemelvaartsdag: 'ascension_day',
    'Tweede pinksterdag': 'whit_monday',
    Kerstmis: 'christmas_day',
    'Tweede kerstdag': 'boxing_day',
    'Goede Vrijdag': 'good_friday',
    Bevrijdingsdag: 'liberation_day',
    Pasen: 'easter_sunday',
  };
  const years = Array.from({ length: 21 }, (_, i) => 2020 + i);

  test.each(years)(
    'policy 2.3: all holidays of %i match date-holidays (Goede Vrijdag, 5 May every year)',
    (year) => {
      const theirs = nl
        .getHolidays(year)
        .filter((h) => CODES[h.name] !== undefined)
        .map((h) => `${h.date.slice(0, 10)} ${CODES[h.name]}`)
        .filter((s) => !s.endsWith('easter_sunday'))
        .sort();
      const ours = listDaysOff(year, ALL_ON).map((d) => `${d.date} ${d.code}`);
      expect(ours).toEqual(theirs);
      const easter = nl.getHolidays(year).find((h) => h.name === 'Pasen');
      expect(computeEasterSunday(year)).toBe(easter?.date.slice(0, 10));
    },
  );
});
