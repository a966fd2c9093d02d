/**
 * The first path segments of the staff app (src/web/app/AppRoutes.tsx; a unit test keeps the two in step).
 * The server hands these to the single-page app; every other unknown address gets the portal's own
 * "page not found" (decision 026), so a tenant who mistypes never lands in the staff app.
 */
export const STAFF_APP_SECTIONS = [
  'inloggen',
  'inrichten',
  'werk',
  'klachten',
  'account',
  'zoeken',
  'personen',
  'woningen',
  'complexen',
  'rapportages',
  'te-posten',
  'mt',
  'verbeteracties',
  'team',
  'beheer',
  // Decision 047: the platform administrator's screen (served on PLATFORM_HOST; its API answers only there)
  'platform',
] as const;

const SECTIONS = new Set<string>(STAFF_APP_SECTIONS);

export function isStaffAppPath(pathname: string): boolean {
  return SECTIONS.has(pathname.split('/')[1] ?? '');
}
