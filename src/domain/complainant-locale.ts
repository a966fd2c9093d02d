import { type TenantLocale, tenantLocaleOf } from './tenant-locales.ts';

// Issue 21 (decision 028): the language mails and letters to the complainant are written in. Set at
// registration; staff correct it later when they learn the complainant reads another language better.

export type ComplainantLocaleChange =
  | Readonly<{ ok: true; from: TenantLocale; to: TenantLocale }>
  | Readonly<{ ok: false; reason: 'complainant_locale_unchanged' }>;

/**
 * policy 1.1: "laagdrempelig … toegankelijk voor alle huurders", and progress is always fed back: in the
 * language the complainant reads. Changing to the language already stored is refused (nothing would change,
 * and the timeline should not say it did). Messages already sent stay as they were; later ones follow.
 */
export function decideComplainantLocaleChange(current: unknown, next: TenantLocale): ComplainantLocaleChange {
  const from = tenantLocaleOf(current);
  if (from === next) return { ok: false, reason: 'complainant_locale_unchanged' };
  return { ok: true, from, to: next };
}
