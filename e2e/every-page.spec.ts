import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { quarterOfDay } from '../src/domain/learning.ts';
import { e2eToday } from './clock.ts';
import { EVA, SANNE } from './complaint-support.ts';
import { expect, test } from './fixtures.ts';
import { staffApiSession } from './staff-api-session.ts';
import { type World, walkPage } from './walk-support.ts';

// Issue 22: every page of the staff app, as each role that uses it, and the tenants' portal pages: no console
// error (CSP, 401, React warnings, uncaught errors) and no raw code (`message_sent`) in the visible text.
const PIETER = 'pieter.vandijk@demo.gehoord.nl';
const RUUD = 'ruud.mulder@demo.gehoord.nl';
type Account = typeof EVA | typeof SANNE | typeof PIETER | typeof RUUD;

/**
 * The walk: one entry per route of `src/web/app/AppRoutes.tsx` (`route` as written there; nested routes under
 * their parent's path). Add a line here when you add a route: the first test fails on a route not walked.
 */
const WALK: {
  route: string;
  as: Account;
  path: (w: World) => string;
  codesShownOnPurpose?: { selector: string; why: string };
}[] = [
  { route: '/werk', as: EVA, path: () => '/werk' },
  { route: '/klachten/nieuw', as: EVA, path: () => '/klachten/nieuw' },
  { route: '/klachten/:id', as: EVA, path: (w) => `/klachten/${w.complaintId}` },
  { route: '/account', as: EVA, path: () => '/account' },
  { route: '{ENROLL_SECOND_FACTOR_PATH}', as: EVA, path: () => '/account/tweestapsverificatie' },
  { route: '/zoeken', as: EVA, path: () => '/zoeken' },
  { route: '/personen/:id', as: EVA, path: (w) => `/personen/${w.personId}` },
  { route: '/woningen/:id', as: EVA, path: (w) => `/woningen/${w.unitId}` },
  { route: '/complexen/:id', as: EVA, path: (w) => `/complexen/${w.complexId}` },
  { route: '/te-posten', as: EVA, path: () => '/te-posten' },
  { route: '/team', as: SANNE, path: () => '/team' },
  { route: '/klachten/:id', as: SANNE, path: (w) => `/klachten/${w.complaintId}` },
  { route: '/rapportages', as: PIETER, path: () => '/rapportages' },
  { route: '/mt', as: PIETER, path: () => '/mt' },
  { route: '/mt/:quarter', as: PIETER, path: (w) => `/mt/${w.quarter}` },
  { route: '/mt/zelfevaluatie', as: PIETER, path: () => '/mt/zelfevaluatie' },
  { route: '/mt/vergaderingen/:id', as: PIETER, path: (w) => `/mt/vergaderingen/${w.meetingId}` },
  { route: '/verbeteracties', as: PIETER, path: () => '/verbeteracties' },
  { route: '/verbeteracties/:id', as: PIETER, path: (w) => `/verbeteracties/${w.actionId}` },
  { route: '/beheer', as: RUUD, path: () => '/beheer' },
  { route: 'overzicht', as: RUUD, path: () => '/beheer/overzicht' },
  { route: 'aannemers', as: RUUD, path: () => '/beheer/aannemers' },
  { route: 'portaal', as: RUUD, path: () => '/beheer/portaal' },
  { route: 'gebruikers', as: RUUD, path: () => '/beheer/gebruikers' },
  { route: 'afdelingen', as: RUUD, path: () => '/beheer/afdelingen' },
  { route: 'api-sleutels', as: RUUD, path: () => '/beheer/api-sleutels' },
  {
    route: 'keuzelijsten',
    as: RUUD,
    path: () => '/beheer/keuzelijsten',
    // The policy's fixed codes, each beside the label the organisation gives it: the code is what is edited.
    codesShownOnPurpose: {
      selector: 'main table',
      why: 'the fixed codes of the code lists, next to their labels',
    },
  },
  { route: 'werkdagen', as: RUUD, path: () => '/beheer/werkdagen' },
  {
    route: 'importeren',
    as: RUUD,
    path: () => '/beheer/importeren',
    codesShownOnPurpose: {
      selector: '#import-columns',
      why: 'the column names a CSV file must carry (extern_id)',
    },
  },
  { route: 'logboek', as: RUUD, path: () => '/beheer/logboek' },
  { route: 'uitgaand', as: RUUD, path: () => '/beheer/uitgaand' },
  { route: 'webhooks', as: RUUD, path: () => '/beheer/webhooks' },
  { route: 'inloggen', as: RUUD, path: () => '/beheer/inloggen' },
  { route: 'organisatie', as: RUUD, path: () => '/beheer/organisatie' },
  { route: 'sjablonen', as: RUUD, path: () => '/beheer/sjablonen' },
  // Inside the staff app's sections (an unknown address elsewhere is the portal's real 404, decision 026).
  { route: '*', as: RUUD, path: () => '/beheer/bestaat-niet' },
];

/** Walked a second time in English (the pages that show the most codes). */
const ENGLISH_TOO = ['logboek', 'gebruikers', '/klachten/:id', '/personen/:id', '/werk', '/mt/:quarter'];

/** Routes the signed-in walk leaves to the anonymous one below (or that only redirect). */
const WALKED_SIGNED_OUT = ['/', '/inloggen', '/inrichten'];

/** The platform administrator's pages live on PLATFORM_HOST, outside every corporation (decision 047):
 * e2e/platform-onboarding.spec.ts walks them, with axe, as the platform administrator. */
const WALKED_ON_THE_PLATFORM_HOST = ['/platform', '/platform/wachtwoord'];

function routesOfTheApp(): string[] {
  const source = readFileSync(new URL('../src/web/app/AppRoutes.tsx', import.meta.url), 'utf8');
  return [...source.matchAll(/\bpath=(?:"([^"]+)"|\{(\w+)\})/g)].map(([, literal, constant]) =>
    literal ? literal : `{${constant}}`,
  );
}

test('the walk covers every route of the staff app', () => {
  const walked = new Set([
    ...WALK.map((visit) => visit.route),
    ...WALKED_SIGNED_OUT,
    ...WALKED_ON_THE_PLATFORM_HOST,
  ]);
  const routes = routesOfTheApp();
  expect(routes.length).toBeGreaterThan(20);
  expect(routes.filter((route) => !walked.has(route))).toEqual([]);
});

test('every page, as every role and signed out: no console error and no raw code', async ({
  page,
  baseURL,
  demoAccount,
}) => {
  test.setTimeout(180_000);
  const base = baseURL as string;
  const world = await setTheScene(page, base, demoAccount);

  // Signed out: the sign-in page (no 401 for "who am I"), the setup page after setup, the portal.
  await walkPage(page, '/inloggen');
  await walkPage(page, '/inrichten');
  await walkPage(page, '/');
  await walkPage(page, '/klacht');
  await walkPage(page, '/klacht/status');
  await walkPage(page, world.statusPath);

  let signedInAs: string | null = null;
  /**
   * Signs in through the API in the page's own context (the sign-in page itself was walked above; this keeps
   * the walk short), then chooses the language to walk in.
   */
  const visitAs = async (visit: (typeof WALK)[number], locale: 'nl' | 'en') => {
    if (signedInAs !== visit.as) {
      await page.context().clearCookies();
      const account = demoAccount(visit.as);
      const login = await page.request.post('/api/auth/login', {
        headers: { origin: base },
        data: { email: account.email, password: account.password },
      });
      expect(login.status(), await login.text()).toBe(200);
      signedInAs = visit.as;
    }
    await page.evaluate((chosen) => localStorage.setItem('gehoord.locale', chosen), locale);
    await walkPage(page, visit.path(world), { codesShownOnPurpose: visit.codesShownOnPurpose });
  };
  for (const visit of WALK) await visitAs(visit, 'nl');
  // The pages that show the most codes again in English, where the labels come from the other catalogue.
  for (const visit of WALK.filter((v) => ENGLISH_TOO.includes(v.route))) await visitAs(visit, 'en');
});

/**
 * Real ids for the pages that need one: a complaint from the portal with a rich timeline (the tenant's
 * message, triage, a logged contact, the answer and its e-mail), a tenant with a unit in a complex, and an MT
 * meeting and improvement action for this quarter.
 */
async function setTheScene(
  page: Page,
  base: string,
  demoAccount: (email: string) => { email: string; password: string },
): Promise<World> {
  const admin = await staffApiSession(base, RUUD, demoAccount(RUUD).password);
  const departments = await admin.get<{ id: string; name: string }[]>('/api/departments');
  const klantcontact = departments.find((d) => d.name === 'Klantcontact');
  const settings = await admin.get<Record<string, unknown>>('/api/admin/portal-settings');
  if (!settings.intakeDepartmentId)
    await admin.put('/api/admin/portal-settings', { ...settings, intakeDepartmentId: klantcontact?.id });
  await admin.dispose();

  const { statusPath, reference } = await complaintThroughThePortal(page);
  const eva = demoAccount(EVA);
  const staff = await staffApiSession(base, eva.email, eva.password);
  const me = await staff.get<{ id: string }>('/api/auth/me');
  const found = await staff.get<{ items: { id: string }[] }>(`/api/complaints?q=${reference}`);
  const complaintId = found.items[0]?.id ?? '';
  const step = (path: string, data: object) => staff.post(`/api/complaints/${complaintId}/${path}`, data);
  await step('assign', { handlerId: me.id });
  const detail = await staff.get<{ department: { id: string } }>(`/api/complaints/${complaintId}`);
  await step('triage', {
    outcome: 'complaint',
    category: 'no_or_late_answer',
    subject: { kind: 'department', departmentId: detail.department.id },
  });
  await step('contacts', {
    kind: 'phone',
    direction: 'outbound',
    summary: 'Mevrouw gebeld over de intercom.',
  });
  await step('assessment', {
    kind: 'policy_not_followed',
    verdict: 'upheld',
    apologyOffered: true,
    errorAdmitted: true,
    demonstrableDamage: false,
  });
  await step('answer', { text: 'Beste mevrouw De Vries, de intercom wordt morgen vervangen.' });
  const complexes = await staff.get<{ items: { id: string }[] }>('/api/housing-complexes?search=Hoven');
  const complexId = complexes.items[0]?.id ?? '';
  const unit = await staff.post<{ id: string }>('/api/units', {
    housingComplexId: complexId,
    street: 'Dorpsstraat',
    houseNumber: 101,
    postcode: '2678 AB',
    place: 'Maasland',
  });
  const person = await staff.post<{ id: string }>('/api/persons', {
    name: 'Mevrouw K. Wandel',
    phone: '06 11112222',
    relation: 'tenant',
    unitId: unit.id,
  });
  const quarter = quarterOfDay(e2eToday());
  const mt = await staffApiSession(base, PIETER, demoAccount(PIETER).password);
  const meeting = await mt.post<{ id: string }>('/api/mt/meetings', {
    quarter,
    heldOn: e2eToday(),
  });
  const action = await mt.post<{ id: string }>('/api/improvement-actions', {
    title: 'Terugbellen binnen twee werkdagen',
    complaintIds: [complaintId],
  });
  await mt.dispose();
  // Meanwhile the outbox worker has delivered the answer and written `message_sent` on the timeline.
  await expect
    .poll(
      async () =>
        (await staff.get<{ timeline: { type: string }[] }>(`/api/complaints/${complaintId}`)).timeline.map(
          (event) => event.type,
        ),
      { timeout: 30_000 },
    )
    .toEqual(
      expect.arrayContaining(['portal_intake', 'complainant_message', 'contact_logged', 'message_sent']),
    );

  await staff.dispose();
  return {
    complaintId,
    statusPath,
    personId: person.id,
    unitId: unit.id,
    complexId,
    quarter,
    meetingId: meeting.id,
    actionId: action.id,
  };
}

/** A tenant files a complaint on the website and adds a message on its status page. */
async function complaintThroughThePortal(page: Page) {
  await page.goto('/klacht');
  const openedAt = Date.now();
  await page.getByLabel('Ik ben niet tevreden over hoe iets is gegaan (een klacht)').check();
  await page.getByLabel('Voor mijzelf').check();
  await page.getByLabel('Uw naam', { exact: true }).fill('Jannie de Vries');
  await page.getByLabel('Ik huur een woning van u').check();
  await page.getByLabel('E-mailadres').fill('jannie.walk@example.nl');
  await page.getByLabel('Telefoonnummer').fill('06 12345678');
  await page.getByLabel('Telefoon', { exact: true }).check();
  await page.getByLabel('Postcode').fill('3155 AB');
  await page.getByLabel('Huisnummer').fill('12');
  await page.getByLabel('Wat is er misgegaan?').fill('De intercom is al weken kapot.');
  // The server refuses forms sent faster than a person can (PORTAL_MINIMUM_FILL_SECONDS, default 3).
  const left = 3200 - (Date.now() - openedAt);
  if (left > 0) await page.waitForTimeout(left);
  await page.getByRole('button', { name: 'Klacht versturen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bedankt, wij hebben uw klacht ontvangen');
  const reference = (await page.locator('.reference').textContent()) ?? '';
  const statusUrl = (await page.locator('.status-link a').getAttribute('href')) ?? '';
  const statusPath = new URL(statusUrl, 'http://x').pathname;
  await page.goto(statusPath);
  await page.getByLabel('Uw bericht').fill('Nu doet ook de bel het niet meer.');
  await page.getByRole('button', { name: 'Bericht versturen' }).click();
  await expect(page.getByRole('status')).toContainText('Uw bericht is toegevoegd aan uw klacht.');
  return { reference, statusPath };
}
