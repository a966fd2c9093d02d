import { en } from './messages.en.ts';
import { nl } from './messages.nl.ts';

export type PortalMessages = typeof nl;
export type PortalLocale = 'nl' | 'en';

/** Each language has its own address, so a link or bookmark keeps its language without cookies. */
export const LOCALES: Record<PortalLocale, { messages: PortalMessages; base: string; home: string }> = {
  nl: { messages: nl, base: '/klacht', home: '/' },
  en: { messages: en, base: '/complaint', home: '/en' },
};

export function messagesFor(locale: PortalLocale): PortalMessages {
  return LOCALES[locale].messages;
}

/** "donderdag 3 december 2026": the day people will hear from us, in Dutch time. */
export function formatDay(locale: PortalLocale, at: Date | string): string {
  return new Intl.DateTimeFormat(messagesFor(locale).dateLocale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(at));
}

export function formatDayTime(locale: PortalLocale, at: Date | string): string {
  return new Intl.DateTimeFormat(messagesFor(locale).dateLocale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(at));
}
