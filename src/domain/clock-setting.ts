import { toInstant } from './business-time.ts';
import { isLocalDate } from './local-date.ts';

// The server clock setting (GEHOORD_CLOCK, decision 042): an instant the clock starts at, after which it runs
// forward in real time. With a UTC offset or `Z` it is that instant; without one it is wall time in Amsterdam.
const SETTING = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?$/;

/** The instant a clock setting names, or null when it is not a date and time this setting accepts. */
export function parseClockSetting(value: string): Date | null {
  const match = SETTING.exec(value.trim());
  if (!match) return null;
  const [, date, hour, minute, second = '0', fraction = '0', zone] = match;
  if (!isLocalDate(date)) return null;
  const parts = { hour: Number(hour), minute: Number(minute), second: Number(second) };
  if (parts.hour > 23 || parts.minute > 59 || parts.second > 59) return null;
  if (zone !== undefined) {
    const instant = new Date(value.trim());
    return Number.isNaN(instant.getTime()) ? null : instant;
  }
  return toInstant({ date, ...parts, millisecond: Number(fraction.padEnd(3, '0')) });
}
