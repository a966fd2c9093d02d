import { formatLocalDate, type LocalDate } from './local-date.ts';

// Deadlines are counted in Dutch office days; instants are stored in UTC (policy 2.3).
export const BUSINESS_TIME_ZONE = 'Europe/Amsterdam';

export type LocalDateTime = {
  readonly date: LocalDate;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function getFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

// Europe/Amsterdam follows the EU rule since 1996: summer time (UTC+2) from the last Sunday of March 01:00 UTC to
// the last Sunday of October 01:00 UTC, UTC+1 otherwise. Computing that is ≈ 50 × cheaper than
// Intl.DateTimeFormat#formatToParts, which the data generator calls millions of times. Other zones, and years
// outside the range below, ask Intl (tested against Intl for every transition 2020–2030).
const RULE_FIRST_YEAR = 1996;
const RULE_LAST_YEAR = 2037;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const summerTimeByYear = new Map<number, readonly [number, number]>();

/** 01:00 UTC on the last Sunday of a month (0-based), in milliseconds since the epoch. */
function lastSundayAtOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0, 1));
  return lastDay.getTime() - lastDay.getUTCDay() * 24 * HOUR_MS;
}

/** Europe/Amsterdam's offset in minutes by the EU rule, or null when the rule does not cover the instant. */
function amsterdamOffsetMinutes(epochMs: number): number | null {
  const year = new Date(epochMs).getUTCFullYear();
  if (year < RULE_FIRST_YEAR || year > RULE_LAST_YEAR) return null;
  let summer = summerTimeByYear.get(year);
  if (summer === undefined) {
    summer = [lastSundayAtOneUtc(year, 2), lastSundayAtOneUtc(year, 9)];
    summerTimeByYear.set(year, summer);
  }
  return epochMs >= summer[0] && epochMs < summer[1] ? 120 : 60;
}

function fromIntl(instant: Date, timeZone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const part of getFormatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    date: formatLocalDate(parts.year ?? 0, parts.month ?? 0, parts.day ?? 0),
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
    millisecond: instant.getUTCMilliseconds(),
  };
}

/** The wall-clock date and time of an instant in the given zone (default Europe/Amsterdam). */
export function toLocalDateTime(instant: Date, timeZone: string = BUSINESS_TIME_ZONE): LocalDateTime {
  const epochMs = instant.getTime();
  const offset = timeZone === BUSINESS_TIME_ZONE ? amsterdamOffsetMinutes(epochMs) : null;
  if (offset === null) return fromIntl(instant, timeZone);
  const wall = new Date(epochMs + offset * MINUTE_MS);
  return {
    date: formatLocalDate(wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate()),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    millisecond: wall.getUTCMilliseconds(),
  };
}

export function toLocalDate(instant: Date, timeZone: string = BUSINESS_TIME_ZONE): LocalDate {
  return toLocalDateTime(instant, timeZone).date;
}

function wallClockAsUtc(local: LocalDateTime): number {
  const [year, month, day] = local.date.split('-').map(Number);
  return Date.UTC(
    year ?? 0,
    (month ?? 1) - 1,
    day ?? 1,
    local.hour,
    local.minute,
    local.second,
    local.millisecond,
  );
}

/** Offset of the zone from UTC at an instant, in minutes (Amsterdam: +60 in winter, +120 in summer). */
export function getUtcOffsetMinutes(instant: Date, timeZone: string = BUSINESS_TIME_ZONE): number {
  const ruled = timeZone === BUSINESS_TIME_ZONE ? amsterdamOffsetMinutes(instant.getTime()) : null;
  if (ruled !== null) return ruled;
  const wall = wallClockAsUtc({ ...toLocalDateTime(instant, timeZone), millisecond: 0 });
  const utc = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((wall - utc) / 60_000);
}

/**
 * The instant at which the zone's clock shows the given wall time. Two passes settle DST changes;
 * a wall time inside the spring-forward gap resolves to the instant one hour later on the clock.
 */
export function toInstant(local: LocalDateTime, timeZone: string = BUSINESS_TIME_ZONE): Date {
  const wall = wallClockAsUtc(local);
  const firstOffset = getUtcOffsetMinutes(new Date(wall), timeZone);
  const candidate = wall - firstOffset * 60_000;
  const secondOffset = getUtcOffsetMinutes(new Date(candidate), timeZone);
  return new Date(secondOffset === firstOffset ? candidate : wall - secondOffset * 60_000);
}

/** 23:59:59.999 local on the given day: the end of a term day (policy 2.3). */
export function getEndOfLocalDay(date: LocalDate, timeZone: string = BUSINESS_TIME_ZONE): Date {
  return toInstant({ date, hour: 23, minute: 59, second: 59, millisecond: 999 }, timeZone);
}
