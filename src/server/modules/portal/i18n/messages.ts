import { TENANT_LOCALE_INFO, TENANT_LOCALES, type TenantLocale } from '../../../../domain/tenant-locales.ts';
import { ar } from './messages.ar.ts';
import { en } from './messages.en.ts';
import { nl } from './messages.nl.ts';
import { pl } from './messages.pl.ts';
import { tr } from './messages.tr.ts';

export type PortalMessages = typeof nl;
/** The portal speaks every tenant language (src/domain/tenant-locales.ts, decision 028). */
export type PortalLocale = TenantLocale;

/** One catalogue per language; every catalogue has every key (the type, and test/portal/catalogues.test.ts). */
export const CATALOGUES: Record<PortalLocale, PortalMessages> = { nl, en, tr, ar, pl };

export const LOCALE_LIST: readonly PortalLocale[] = TENANT_LOCALES;

/** Each language has its own address, so a link or bookmark keeps its language without cookies. */
export const LOCALES: Record<PortalLocale, { messages: PortalMessages; base: string; home: string }> =
  Object.fromEntries(
    TENANT_LOCALES.map((locale) => [
      locale,
      {
        messages: CATALOGUES[locale],
        base: TENANT_LOCALE_INFO[locale].base,
        home: TENANT_LOCALE_INFO[locale].home,
      },
    ]),
  ) as Record<PortalLocale, { messages: PortalMessages; base: string; home: string }>;

export function messagesFor(locale: PortalLocale): PortalMessages {
  return CATALOGUES[locale];
}

/**
 * The portal's date formats, made once per language. An `Intl.DateTimeFormat` holds ICU objects of ≈ 25 KB
 * outside the JavaScript heap that V8 does not count: made per call (a status page formats one date per
 * event) they piled up faster than the collector saw a reason to run, and the freed memory stayed with the
 * process (issue 24: RSS 220 → 540 MB in the status-page run). Bounded by the number of languages.
 */
const DAY_FORMATS = formatsPerLocale({
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Amsterdam',
});
const DAY_TIME_FORMATS = formatsPerLocale({
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Amsterdam',
});

function formatsPerLocale(options: Intl.DateTimeFormatOptions): Record<PortalLocale, Intl.DateTimeFormat> {
  return Object.fromEntries(
    LOCALE_LIST.map((locale) => [locale, new Intl.DateTimeFormat(messagesFor(locale).dateLocale, options)]),
  ) as Record<PortalLocale, Intl.DateTimeFormat>;
}

/** "donderdag 3 december 2026": the day people will hear from us, in Dutch time. */
export function formatDay(locale: PortalLocale, at: Date | string): string {
  return DAY_FORMATS[locale].format(new Date(at));
}

export function formatDayTime(locale: PortalLocale, at: Date | string): string {
  return DAY_TIME_FORMATS[locale].format(new Date(at));
}
