import type { Locale } from '../../../contract/errors.ts';

/** A calendar day ('2026-11-30') in words; read as UTC so no time zone can move it to the day before. */
export function formatLocalDay(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'medium',
    timeZone: 'UTC',
  }).format(new Date(`${day.slice(0, 10)}T00:00:00Z`));
}
