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

// Making an Intl.DateTimeFormat costs far more than using one (a CPU profile of the status page, issue 24):
// one per locale and kind, made on first use.
const dayFormats = new Map<PortalLocale, Intl.DateTimeFormat>();
const dayTimeFormats = new Map<PortalLocale, Intl.DateTimeFormat>();

function formatOf(
  formats: Map<PortalLocale, Intl.DateTimeFormat>,
  locale: PortalLocale,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  let format = formats.get(locale);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(messagesFor(locale).dateLocale, {
      ...options,
      timeZone: 'Europe/Amsterdam',
    });
    formats.set(locale, format);
  }
  return format;
}

/** "donderdag 3 december 2026": the day people will hear from us, in Dutch time. */
export function formatDay(locale: PortalLocale, at: Date | string): string {
  return formatOf(dayFormats, locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(at));
}

export function formatDayTime(locale: PortalLocale, at: Date | string): string {
  return formatOf(dayTimeFormats, locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(at));
}
