import { isLocalDate, type LocalDate } from './local-date.ts';
import { fail, type Outcome, succeed } from './result.ts';

// Bevrijdingsdag (5 May) off every year, only in lustrum years (divisible by 5), or never (policy 2.3, admin setting).
export const LIBERATION_DAY_MODES = ['every_year', 'lustrum', 'never'] as const;
export type LiberationDayMode = (typeof LIBERATION_DAY_MODES)[number];

/**
 * The corporation's working-day settings (policy 2.3). Versioned: a deadline records the version it
 * was computed with and is never recomputed when settings change; only an extension moves it.
 */
export type CalendarSettings = Readonly<{
  version: number;
  termWorkingDays: number;
  cutOffTime: string;
  goodFridayIsDayOff: boolean;
  liberationDay: LiberationDayMode;
  closingDays: readonly LocalDate[];
}>;

export const DEFAULT_CALENDAR_SETTINGS: CalendarSettings = Object.freeze({
  version: 1,
  termWorkingDays: 5, // policy 2.3: "binnen vijf werkdagen"
  cutOffTime: '17:00',
  goodFridayIsDayOff: false,
  liberationDay: 'lustrum',
  closingDays: Object.freeze([]),
});

export type CalendarSettingsProblem =
  | 'version_invalid'
  | 'term_length_invalid'
  | 'cut_off_time_invalid'
  | 'liberation_day_mode_invalid'
  | 'closing_day_invalid';

const CUT_OFF_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
export const MAX_TERM_WORKING_DAYS = 60;

/** Minutes after local midnight of a valid 'HH:MM' cut-off time, or null. */
export function parseCutOffMinutes(cutOffTime: string): number | null {
  const match = CUT_OFF_PATTERN.exec(cutOffTime);
  return match === null ? null : Number(match[1]) * 60 + Number(match[2]);
}

export function validateCalendarSettings(
  settings: CalendarSettings,
): Outcome<{ settings: CalendarSettings }, CalendarSettingsProblem> {
  if (!Number.isSafeInteger(settings.version) || settings.version < 1) return fail('version_invalid');
  const term = settings.termWorkingDays;
  if (!Number.isSafeInteger(term) || term < 1 || term > MAX_TERM_WORKING_DAYS)
    return fail('term_length_invalid');
  if (parseCutOffMinutes(settings.cutOffTime) === null) return fail('cut_off_time_invalid');
  if (!LIBERATION_DAY_MODES.includes(settings.liberationDay)) return fail('liberation_day_mode_invalid');
  if (!settings.closingDays.every(isLocalDate)) return fail('closing_day_invalid');
  const closingDays = Object.freeze([...new Set(settings.closingDays)].sort());
  return succeed({ settings: Object.freeze({ ...settings, closingDays }) });
}

/** A changed copy of the settings under the next version number; stored deadlines keep their old version. */
export function reviseCalendarSettings(
  current: CalendarSettings,
  change: Partial<Omit<CalendarSettings, 'version'>>,
): Outcome<{ settings: CalendarSettings }, CalendarSettingsProblem> {
  return validateCalendarSettings({ ...current, ...change, version: current.version + 1 });
}
