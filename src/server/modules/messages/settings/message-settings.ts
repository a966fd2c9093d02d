import { TENANT_LOCALE_INFO, TENANT_LOCALES, type TenantLocale } from '../../../../domain/tenant-locales.ts';
import type { PortalLocale } from '../../portal/index.ts';
import { statusCodePath, statusPaths } from '../../portal/index.ts';

// Links in messages point at this installation. Set once at start-up (buildApp) because messages are
// composed deep inside case transactions, where no request or config is at hand.
let publicUrl = 'http://localhost:3000';

export function configureMessageLinks(url: string): void {
  publicUrl = url.replace(/\/$/, '');
}

export function caseLink(complaintId: string): string {
  return appLink(`/klachten/${complaintId}`);
}

/** A page of the staff application at this installation (`path` starts with a slash). */
export function appLink(path: string): string {
  return `${publicUrl}${path}`;
}

/** The complainant's private status link (issue 21); the token is a secret, see status-access.ts. */
export function statusLink(token: string, locale: PortalLocale = 'nl'): string {
  return `${publicUrl}${statusPaths(locale, token).status}`;
}

/** The status page's own address, where a case code from a letter is typed (short enough to type). */
export function statusCodeUrl(locale: PortalLocale = 'nl'): string {
  return `${publicUrl}${statusCodePath(locale)}`;
}

/** The committee's name in letters while the organisation has not stored its own (portal settings). */
export const DEFAULT_COMMITTEE_NAME = 'regionale klachtencommissie';

/** The regional complaints committee as stored in the portal settings (first-run setup, "Portaal en contact"). */
export type CommitteeDetails = Readonly<{ name: string | null; contact: string | null; url: string | null }>;

const filled = (value: string | null | undefined) => (value ?? '').trim();

/**
 * The committee's placeholders (policy 1.3: the complainant is told how to reach it): the stored name, else
 * the default; how to reach it as lines (contact details, then the website), blank when neither is stored —
 * the template's paragraph about it is then left out.
 */
export function committeeValues(details: CommitteeDetails | null | undefined): {
  committeeName: string;
  committeeContact: string;
} {
  const contactLines = filled(details?.contact)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const url = filled(details?.url);
  return {
    committeeName: filled(details?.name) || DEFAULT_COMMITTEE_NAME,
    committeeContact: [...contactLines, ...(url === '' ? [] : [url])].join('\n'),
  };
}

const dateFormat = Object.fromEntries(
  TENANT_LOCALES.map((locale) => [
    locale,
    new Intl.DateTimeFormat(TENANT_LOCALE_INFO[locale].dateLocale, {
      dateStyle: 'long',
      timeZone: 'Europe/Amsterdam',
    }),
  ]),
) as Record<TenantLocale, Intl.DateTimeFormat>;

export function formatDate(date: Date, locale: TenantLocale = 'nl'): string {
  return dateFormat[locale].format(date);
}
