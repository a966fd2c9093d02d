import type { Locale } from '../../../contract/errors.ts';

const tag = (locale: Locale) => (locale === 'nl' ? 'nl-NL' : 'en-GB');

// Times are shown in the corporation's time zone: a complaint received at 17:05 Amsterdam time counts from the
// next working day (policy 2.3), whatever zone the browser is in.
const ZONE = 'Europe/Amsterdam';

export function formatDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(tag(locale), { dateStyle: 'medium', timeZone: ZONE }).format(new Date(iso));
}

export function formatDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(tag(locale), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: ZONE,
  }).format(new Date(iso));
}
