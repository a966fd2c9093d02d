// Issue 21 (decision 028): the languages a tenant can use with us — the portal, the mails and letters to
// the complainant. Policy 1.1: "laagdrempelig … toegankelijk voor alle huurders"; Dutch stays the default
// and the language of the case file. The set is defined here once; portal, messages, letters, contract and
// web take it from here.

export const TENANT_LOCALES = ['nl', 'en', 'tr', 'ar', 'pl'] as const;
export type TenantLocale = (typeof TENANT_LOCALES)[number];

export const DEFAULT_TENANT_LOCALE: TenantLocale = 'nl';

export type TextDirection = 'ltr' | 'rtl';

export type TenantLocaleInfo = Readonly<{
  /** The BCP 47 tag for `lang`/`hreflang` and for dates (Intl). */
  tag: string;
  dateLocale: string;
  direction: TextDirection;
  /** The language's own name, as shown in the language switch. */
  nativeName: string;
  /** The portal's front door in this language. */
  home: string;
  /** The complaint form; its status pages live below it (`<base>/status/…`). */
  base: string;
  /**
   * Whether a printed letter (PDF) can be written in this language. Every tenant language can: Arabic
   * letters are shaped and ordered right to left before pdfmake draws them (rtl-text.ts, DejaVu Sans).
   */
  printable: boolean;
}>;

// Dutch and English keep their addresses (`/`, `/klacht`, `/en`, `/complaint`); the other languages get a
// prefix in front of the Dutch addresses: `/tr/klacht`, `/ar/klacht/status/…`. A link keeps its language
// without cookies or JavaScript, and every status link stays valid in every language.
export const TENANT_LOCALE_INFO: Readonly<Record<TenantLocale, TenantLocaleInfo>> = {
  nl: {
    tag: 'nl',
    dateLocale: 'nl-NL',
    direction: 'ltr',
    nativeName: 'Nederlands',
    home: '/',
    base: '/klacht',
    printable: true,
  },
  en: {
    tag: 'en',
    dateLocale: 'en-GB',
    direction: 'ltr',
    nativeName: 'English',
    home: '/en',
    base: '/complaint',
    printable: true,
  },
  tr: {
    tag: 'tr',
    dateLocale: 'tr-TR',
    direction: 'ltr',
    nativeName: 'Türkçe',
    home: '/tr',
    base: '/tr/klacht',
    printable: true,
  },
  ar: {
    tag: 'ar',
    // Arabic script with Western digits, as used in the Netherlands (dates stay readable for staff too)
    dateLocale: 'ar-u-nu-latn',
    direction: 'rtl',
    nativeName: 'العربية',
    home: '/ar',
    base: '/ar/klacht',
    printable: true,
  },
  pl: {
    tag: 'pl',
    dateLocale: 'pl-PL',
    direction: 'ltr',
    nativeName: 'Polski',
    home: '/pl',
    base: '/pl/klacht',
    printable: true,
  },
};

export function isTenantLocale(value: unknown): value is TenantLocale {
  return typeof value === 'string' && (TENANT_LOCALES as readonly string[]).includes(value);
}

/** A stored or typed language, else Dutch (the default of the procedure). */
export function tenantLocaleOf(value: unknown): TenantLocale {
  return isTenantLocale(value) ? value : DEFAULT_TENANT_LOCALE;
}

/**
 * The language of a letter on paper to this complainant (policy 1.1, decision 028): theirs when a letter
 * can be printed in it, else Dutch (the procedure's language; the status page stays in their language).
 */
export function letterLocale(locale: TenantLocale): TenantLocale {
  return TENANT_LOCALE_INFO[locale].printable ? locale : DEFAULT_TENANT_LOCALE;
}

export function textDirection(locale: TenantLocale): TextDirection {
  return TENANT_LOCALE_INFO[locale].direction;
}

/**
 * Which language a portal address is in: the longest matching home or base wins, so `/ar/klacht/status/x`
 * is Arabic and `/klacht` Dutch. Anything unknown is Dutch.
 */
export function tenantLocaleOfPath(pathname: string): TenantLocale {
  const path = pathname.split('?')[0] ?? '/';
  let best: TenantLocale = DEFAULT_TENANT_LOCALE;
  let bestLength = 0;
  for (const locale of TENANT_LOCALES) {
    const { home, base } = TENANT_LOCALE_INFO[locale];
    for (const prefix of [home, base]) {
      if (prefix === '/') continue;
      const matches = path === prefix || path.startsWith(`${prefix}/`);
      if (matches && prefix.length > bestLength) {
        best = locale;
        bestLength = prefix.length;
      }
    }
  }
  return best;
}
