// A calendar day in the business time zone, written 'YYYY-MM-DD' (policy 2.3: "werkdagen" are days, not instants).
export type LocalDate = string;

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const match = LOCAL_DATE_PATTERN.exec(value);
  if (match === null) return false;
  return (
    formatLocalDate(Number(match[1]), Number(match[2]), Number(match[3])) === fromEpochDay(toEpochDay(value))
  );
}

export function formatLocalDate(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01; pure arithmetic on the date label, no time zone involved. */
export function toEpochDay(date: LocalDate): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function fromEpochDay(epochDay: number): LocalDate {
  const d = new Date(epochDay * MS_PER_DAY);
  return formatLocalDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function getIsoWeekday(date: LocalDate): number {
  const weekday = new Date(toEpochDay(date) * MS_PER_DAY).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

export function getYear(date: LocalDate): number {
  return Number(date.slice(0, 4));
}

export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return toEpochDay(a) - toEpochDay(b);
}
