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

/** The wall-clock date and time of an instant in the given zone (default Europe/Amsterdam). */
export function toLocalDateTime(instant: Date, timeZone: string = BUSINESS_TIME_ZONE): LocalDateTime {
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
