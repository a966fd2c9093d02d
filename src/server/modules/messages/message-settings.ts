// Links in messages point at this installation. Set once at start-up (buildApp) because messages are
// composed deep inside case transactions, where no request or config is at hand.
let publicUrl = 'http://localhost:3000';

export function configureMessageLinks(url: string): void {
  publicUrl = url.replace(/\/$/, '');
}

export function caseLink(complaintId: string): string {
  return `${publicUrl}/klachten/${complaintId}`;
}

export function statusLink(): string {
  return `${publicUrl}/status`;
}

/** The committee's name where the letters mention it; corporations name their own in the template. */
export const DEFAULT_COMMITTEE_NAME = 'regionale klachtencommissie';

const dateFormat = {
  nl: new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }),
};

export function formatDate(date: Date, locale: 'nl' | 'en' = 'nl'): string {
  return dateFormat[locale].format(date);
}
