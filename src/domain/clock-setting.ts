import { toInstant } from './business-time.ts';
import { isLocalDate } from './local-date.ts';

// The server clock setting (GEHOORD_CLOCK, decision 042): an instant the clock starts at, after which it runs
// forward in real time. With a UTC offset or `Z` it is that instant; without one it is wall time in Amsterdam.
// `<setting>@<instant with Z or offset>` says at what real instant the clock read that setting, so several
// processes (web instances, the worker, a restarted one) stand on one clock instead of each starting anew.
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

/** A clock setting read whole: the instant it names and, for `…@…`, the real instant the clock read it. */
export type ClockSetting = { startsAt: Date; readAt: Date | null };

/** Reads a GEHOORD_CLOCK value, anchored (`2026-12-25T10:00@2026-12-07T22:00:00Z`) or not; null when invalid. */
export function readClockSetting(value: string): ClockSetting | null {
  const [setting = '', anchor, ...rest] = value.trim().split('@');
  if (rest.length > 0) return null;
  const startsAt = parseClockSetting(setting);
  if (startsAt === null) return null;
  if (anchor === undefined) return { startsAt, readAt: null };
  // the anchor is a real instant, so it must say its zone
  if (!/(Z|[+-]\d{2}:\d{2})$/.test(anchor)) return null;
  const readAt = parseClockSetting(anchor);
  return readAt === null ? null : { startsAt, readAt };
}
