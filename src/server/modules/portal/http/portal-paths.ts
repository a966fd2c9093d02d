import { LOCALES, type PortalLocale } from '../i18n/messages.ts';

// Each language has its own addresses. A status link carries its token in the path (a browser without
// JavaScript never sends a fragment); the logger redacts whatever follows `/status/` and every portal page
// is served with `Referrer-Policy: no-referrer`, so the token stays out of logs and Referer headers.

export const PATH_WORDS: Record<PortalLocale, { received: string; message: string; satisfaction: string }> = {
  nl: { received: 'ontvangen', message: 'bericht', satisfaction: 'tevredenheid' },
  en: { received: 'received', message: 'message', satisfaction: 'satisfaction' },
  // Decision 028: the other languages use the Dutch words behind their prefix (`/tr/klacht/status/…/bericht`)
  tr: { received: 'ontvangen', message: 'bericht', satisfaction: 'tevredenheid' },
  ar: { received: 'ontvangen', message: 'bericht', satisfaction: 'tevredenheid' },
  pl: { received: 'ontvangen', message: 'bericht', satisfaction: 'tevredenheid' },
};

/** The front door: `/` (nl), `/en` (en), `/tr`, `/ar`, `/pl`. */
export function frontDoorPath(locale: PortalLocale): string {
  return LOCALES[locale].home;
}

export function formPath(locale: PortalLocale): string {
  return LOCALES[locale].base;
}

export function statusPaths(locale: PortalLocale, token: string) {
  const status = `${LOCALES[locale].base}/status/${token}`;
  const words = PATH_WORDS[locale];
  return {
    status,
    received: `${status}/${words.received}`,
    message: `${status}/${words.message}`,
    satisfaction: `${status}/${words.satisfaction}`,
  };
}

/** Where a case code from a letter is typed: `/klacht/status` (nl), `/complaint/status` (en). */
export function statusCodePath(locale: PortalLocale): string {
  return `${LOCALES[locale].base}/status`;
}
