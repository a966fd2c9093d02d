import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type APIRequestContext,
  type Browser,
  type Page,
  request as playwrightRequest,
} from '@playwright/test';
import { sampleExe, sampleJpeg } from '../test/attachments/sample-files.ts';
import { expect, type SavedAccount, saveDemoAccounts, test } from './fixtures.ts';

// The public complaint portal as a tenant uses it: on a phone, with and without JavaScript, on behalf of
// someone, with the route advice for a repair, following the complaint, and rating the answer.

test.describe.configure({ mode: 'serial' });

// Normally the first-run journey has set Gehoord up with the demo organisation. Run on its own
// (`--no-deps`), this journey does the same set-up through the API, so it needs nothing else to pass.
test.beforeAll(async () => {
  const accounts = path.join(process.env.GEHOORD_E2E_STATE_DIR ?? '', 'demo-accounts.json');
  const token = process.env.GEHOORD_E2E_SETUP_TOKEN;
  if (existsSync(accounts) || !token) return;
  const baseURL = process.env.GEHOORD_E2E_BASE_URL ?? '';
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const response = await api.post('/api/setup', {
    data: {
      token,
      organizationName: 'Wonen Midden-Delfland',
      administrator: {
        name: 'Beheerder',
        email: 'beheer@example.nl',
        password: 'lange zomeravond aan de vliet',
      },
      loadDemo: true,
    },
  });
  if (response.ok()) saveDemoAccounts((await response.json()).demoAccounts);
  await api.dispose();
});

const PHONE = { width: 360, height: 640 };
const REPAIR_URL = 'https://www.example.nl/reparatie-melden';
const COMMITTEE = 'Regionale Klachtencommissie Delfland';
// The server refuses forms sent faster than a person can (PORTAL_MINIMUM_FILL_SECONDS, default 3).
const MINIMUM_FILL_MS = 3200;

async function signedInApi(account: SavedAccount): Promise<APIRequestContext> {
  const baseURL = process.env.GEHOORD_E2E_BASE_URL ?? '';
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const login = await api.post('/api/auth/login', {
    data: { email: account.email, password: account.password },
  });
  expect(login.status(), await login.text()).toBe(200);
  return api;
}

async function waitForMinimumFillTime(page: Page, openedAt: number) {
  const left = MINIMUM_FILL_MS - (Date.now() - openedAt);
  if (left > 0) await page.waitForTimeout(left);
}

/** Fills in the form by its labels, as a person with a screen reader would find the fields. */
async function fillComplaint(page: Page, options: { description: string; email?: string }) {
  await page.getByLabel('Ik ben niet tevreden over hoe iets is gegaan (een klacht)').check();
  await page.getByLabel('Voor mijzelf').check();
  await page.getByLabel('Uw naam', { exact: true }).fill('Jannie de Vries');
  await page.getByLabel('Ik huur een woning van u').check();
  await page.getByLabel('E-mailadres').fill(options.email ?? 'jannie@example.nl');
  await page.getByLabel('Telefoonnummer').fill('06 12345678');
  await page.getByLabel('Telefoon', { exact: true }).check();
  await page.getByLabel('Postcode').fill('3155 AB');
  await page.getByLabel('Huisnummer').fill('12');
  await page.getByLabel('Wat is er misgegaan?').fill(options.description);
  await page.getByLabel('Wat wilt u dat wij doen?').fill('Een nieuwe afspraak.');
}

async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

async function confirmationDetails(page: Page) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bedankt, wij hebben uw klacht ontvangen');
  const reference = (await page.locator('.reference').textContent()) ?? '';
  expect(reference).toMatch(/^K-\d{4}-\d{5}$/);
  const statusUrl = (await page.locator('.status-link a').getAttribute('href')) ?? '';
  expect(statusUrl).toMatch(/\/klacht\/status\/[A-Za-z0-9_-]{43}$/);
  return { reference, statusUrl };
}

async function noJavaScriptPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: PHONE,
    baseURL: process.env.GEHOORD_E2E_BASE_URL,
    locale: 'nl-NL',
  });
  return context.newPage();
}

test('an administrator sets the portal up: intake department, repair link, committee', async ({
  demoAccount,
}) => {
  const admin = await signedInApi(demoAccount('ruud.mulder@demo.gehoord.nl'));
  const departments = (await (await admin.get('/api/departments')).json()) as { id: string; name: string }[];
  const intake = departments.find((department) => department.name === 'Klantcontact');
  expect(intake).toBeDefined();
  const current = await (await admin.get('/api/admin/portal-settings')).json();
  const saved = await admin.put('/api/admin/portal-settings', {
    data: {
      ...current,
      contactPhone: '015 380 40 40',
      repairUrl: REPAIR_URL,
      objectionUrl: 'https://www.example.nl/bezwaar',
      committeeName: COMMITTEE,
      committeeContact: 'Postbus 100, 2600 AC Delft',
      intakeDepartmentId: intake?.id,
    },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  await admin.dispose();
});

test('a tenant submits a complaint on a phone with JavaScript', async ({ page, checkAccessibility }) => {
  await page.setViewportSize(PHONE);
  await page.goto('/klacht');
  const openedAt = Date.now();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Een klacht indienen');
  await expectNoHorizontalScroll(page);
  await checkAccessibility(page);
  // With JavaScript, the questions for someone else only appear when they apply.
  await expect(page.getByLabel('Naam van degene voor wie u de klacht indient')).toBeHidden();
  // ... and the route advice appears as soon as a topic for another process is chosen.
  await page.getByLabel('Er moet iets gerepareerd worden en ik heb dat nog niet gemeld').check();
  const advice = page.locator('[data-route-for="repair"]');
  await expect(advice).toBeVisible();
  await expect(advice.getByRole('link', { name: 'Een reparatie melden' })).toHaveAttribute(
    'href',
    REPAIR_URL,
  );
  await checkAccessibility(page);
  await fillComplaint(page, { description: 'De monteur kwam niet op de afspraak en belde niet af.' });
  await waitForMinimumFillTime(page, openedAt);
  await page.getByRole('button', { name: 'Klacht versturen' }).click();
  await confirmationDetails(page);
  await expect(page.getByText(/U hoort uiterlijk op \w+dag \d+ \w+ \d{4} van ons\./)).toBeVisible();
  await expect(page.getByText('U krijgt ook een bevestiging per e-mail.')).toBeVisible();
  await expectNoHorizontalScroll(page);
  await checkAccessibility(page);
});

test('without JavaScript, someone submits on behalf of their mother', async ({ browser }) => {
  const page = await noJavaScriptPage(browser);
  await page.goto('/klacht');
  const openedAt = Date.now();
  await page.getByLabel('Ik ben niet tevreden over hoe iets is gegaan (een klacht)').check();
  await page.getByLabel('Voor iemand anders, bijvoorbeeld mijn vader of moeder').check();
  await page.getByLabel('Uw naam', { exact: true }).fill('Karin de Vries');
  await page.getByLabel('Naam van degene voor wie u de klacht indient').fill('Jannie de Vries');
  await page.getByLabel('Wat bent u van deze persoon?').fill('dochter');
  await page.getByLabel('Deze persoon weet van de klacht en vindt het goed dat ik die indien.').check();
  await page.getByLabel('Ik huur een woning van u').check();
  await page.getByLabel('Telefoonnummer').fill('06 98765432');
  await page.getByLabel('Telefoon', { exact: true }).check();
  await page.getByLabel('Wat is er misgegaan?').fill('Mijn moeder wacht al weken op een terugbelverzoek.');
  await waitForMinimumFillTime(page, openedAt);
  await page.getByRole('button', { name: 'Klacht versturen' }).click();
  await confirmationDetails(page);
  // No e-mail address was given, so no e-mail is promised.
  await expect(page.getByText('U krijgt ook een bevestiging per e-mail.')).toHaveCount(0);
  await expectNoHorizontalScroll(page);
  await page.context().close();
});

// Issue 21: photos with the complaint, on a phone, without JavaScript (a plain multipart form post).
test('without JavaScript, a tenant sends a photo with the complaint; staff see it without its location', async ({
  browser,
  demoAccount,
}) => {
  const page = await noJavaScriptPage(browser);
  await page.goto('/klacht');
  const openedAt = Date.now();
  await fillComplaint(page, { description: 'Lekkage in de badkamer, zie de foto.' });
  await page
    .getByLabel('Foto’s of documenten')
    .setInputFiles({ name: 'lekkage.jpg', mimeType: 'image/jpeg', buffer: sampleJpeg() });
  await waitForMinimumFillTime(page, openedAt);
  await page.getByRole('button', { name: 'Klacht versturen' }).click();
  const { reference } = await confirmationDetails(page);
  await expectNoHorizontalScroll(page);
  await page.context().close();

  const staff = await signedInApi(demoAccount('mohamed.elamrani@demo.gehoord.nl'));
  const found = await (await staff.get(`/api/complaints?q=${reference}`)).json();
  const id = found.items[0].id as string;
  const files = await (await staff.get(`/api/complaints/${id}/attachments`)).json();
  expect(files).toHaveLength(1);
  expect(files[0]).toMatchObject({
    fileName: 'lekkage.jpg',
    mediaType: 'image/jpeg',
    uploadedBy: { kind: 'portal' },
  });
  const stored = await (await staff.get(files[0].downloadUrl)).body();
  expect(stored.equals(sampleJpeg({ gps: false }))).toBe(true);
  await staff.dispose();
});

// The same form with the portal script blocked, so axe can scan it: a wrong file comes back with its
// message at the file field and everything typed kept; with a photo it goes through.
test('a wrong file is named at the file field and the typed text stays; axe finds nothing', async ({
  page,
  checkAccessibility,
}) => {
  await page.route('**/portal-assets/portal.js*', (route) => route.abort());
  await page.setViewportSize(PHONE);
  await page.goto('/klacht');
  const openedAt = Date.now();
  await fillComplaint(page, { description: 'De kozijnen rotten weg.' });
  const files = page.getByLabel('Foto’s of documenten');
  await files.setInputFiles({ name: 'foto.jpg', mimeType: 'image/jpeg', buffer: sampleExe() });
  await waitForMinimumFillTime(page, openedAt);
  await page.getByRole('button', { name: 'Klacht versturen' }).click();
  await expect(page.getByRole('alert')).toContainText('foto.jpg is geen foto of PDF');
  await expect(page.locator('#files-error')).toContainText('foto.jpg is geen foto of PDF');
  await expect(page.getByLabel('Wat is er misgegaan?')).toHaveValue('De kozijnen rotten weg.');
  await expect(page.getByLabel('Uw naam', { exact: true })).toHaveValue('Jannie de Vries');
  await expect(page.getByLabel('Postcode')).toHaveValue('3155 AB');
  await expectNoHorizontalScroll(page);
  await checkAccessibility(page);
  await files.setInputFiles({ name: 'kozijn.jpg', mimeType: 'image/jpeg', buffer: sampleJpeg() });
  await page.getByRole('button', { name: 'Klacht versturen' }).click();
  await confirmationDetails(page);
  await checkAccessibility(page);
});

test('missing answers give an error summary that links to each field, with and without JavaScript', async ({
  page,
  browser,
  checkAccessibility,
}) => {
  await page.goto('/klacht');
  await page.waitForTimeout(MINIMUM_FILL_MS);
  await page.getByRole('button', { name: 'Klacht versturen' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Er gaat iets mis');
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Fout: /);
  await summary.getByRole('link', { name: 'Vertel wat er is misgegaan' }).click();
  await expect(page.getByLabel('Wat is er misgegaan?')).toBeFocused();
  await expect(page.getByLabel('Wat is er misgegaan?')).toHaveAttribute('aria-invalid', 'true');
  await checkAccessibility(page);

  const plain = await noJavaScriptPage(browser);
  await plain.goto('/klacht');
  await plain.waitForTimeout(MINIMUM_FILL_MS);
  await plain.getByLabel('Uw naam', { exact: true }).fill('Piet');
  await plain.getByRole('button', { name: 'Klacht versturen' }).click();
  await expect(plain.getByRole('alert')).toContainText('Kies waar het over gaat');
  await expect(plain.getByLabel('Uw naam', { exact: true })).toHaveValue('Piet');
  await plain
    .getByRole('alert')
    .getByRole('link', { name: 'Vul een e-mailadres of een telefoonnummer in' })
    .click();
  await expect(plain).toHaveURL(/#email$/);
  await plain.context().close();
});

test('without JavaScript, a first repair request is pointed to the repair form; the person may still complain', async ({
  browser,
}) => {
  // Without JavaScript the server gives the advice first, and the form (still filled in) can be sent anyway.
  const plain = await noJavaScriptPage(browser);
  await plain.goto('/klacht');
  const openedAt = Date.now();
  await fillComplaint(plain, {
    description: 'De kraan lekt en dat is al eerder gemeld, maar er kwam niemand.',
  });
  await plain.getByLabel('Er moet iets gerepareerd worden en ik heb dat nog niet gemeld').check();
  await waitForMinimumFillTime(plain, openedAt);
  await plain.getByRole('button', { name: 'Klacht versturen' }).click();
  await expect(plain.getByRole('heading', { name: 'Dit kunt u beter ergens anders melden' })).toBeVisible();
  await expect(plain.getByRole('link', { name: 'Een reparatie melden' }).first()).toHaveAttribute(
    'href',
    REPAIR_URL,
  );
  await plain.getByRole('button', { name: 'Toch een klacht indienen' }).click();
  await confirmationDetails(plain);
  await plain.context().close();
});

test('the status page before and after the answer, with a rating that asks a manager to follow up', async ({
  page,
  demoAccount,
  checkAccessibility,
}) => {
  await page.setViewportSize(PHONE);
  await page.goto('/klacht');
  const openedAt = Date.now();
  await fillComplaint(page, { description: 'Niemand belde terug over de kapotte intercom.' });
  await waitForMinimumFillTime(page, openedAt);
  await page.getByRole('button', { name: 'Klacht versturen' }).click();
  const { reference, statusUrl } = await confirmationDetails(page);

  await page.goto(statusUrl);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(reference);
  await expect(page.getByText('Wij hebben uw klacht ontvangen')).toBeVisible();
  await expect(page.getByText(/U hoort uiterlijk op/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Wat vindt u ervan?' })).toHaveCount(0);
  await checkAccessibility(page);
  await page.getByLabel('Uw bericht').fill('De intercom doet het nu helemaal niet meer.');
  await page.getByRole('button', { name: 'Bericht versturen' }).click();
  await expect(page.getByRole('status')).toContainText('Uw bericht is toegevoegd aan uw klacht.');
  await expect(page.getByText('De intercom doet het nu helemaal niet meer.')).toBeVisible();

  // The handler picks it up, calls, assesses and answers it in the back office (through the API here).
  const staff = await signedInApi(demoAccount('mohamed.elamrani@demo.gehoord.nl'));
  const me = await (await staff.get('/api/auth/me')).json();
  const found = await (await staff.get(`/api/complaints?q=${reference}`)).json();
  const id = found.items[0].id as string;
  const post = async (path: string, data: object) => {
    const response = await staff.post(`/api/complaints/${id}/${path}`, { data });
    expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
  };
  await post('assign', { handlerId: me.id });
  // Picking it up took it to Mohamed's own department (policy 1.3): the subject is that department
  const departmentId = (await (await staff.get(`/api/complaints/${id}`)).json()).department.id as string;
  await post('triage', {
    outcome: 'complaint',
    category: 'no_or_late_answer',
    subject: { kind: 'department', departmentId },
  });
  await post('contacts', { kind: 'phone', direction: 'outbound', summary: 'Intern: mevrouw gebeld.' });
  await post('assessment', {
    kind: 'policy_not_followed',
    verdict: 'upheld',
    apologyOffered: true,
    errorAdmitted: true,
    demonstrableDamage: false,
  });
  await post('answer', {
    text: 'Beste mevrouw De Vries, de intercom wordt morgen vervangen. Excuses voor het wachten.',
  });

  await page.reload();
  await expect(page.getByText('Wij hebben uw klacht beantwoord')).toBeVisible();
  await expect(page.getByText('de intercom wordt morgen vervangen')).toBeVisible();
  await expect(page.getByText('Intern: mevrouw gebeld.')).toHaveCount(0);
  await expect(page.getByText('Mohamed')).toHaveCount(0);
  await checkAccessibility(page);

  const handling = page.getByRole('group', { name: 'Hoe hebben wij uw klacht behandeld?' });
  await handling.getByLabel('2 – ontevreden').check();
  await page
    .getByRole('group', { name: 'Hoe tevreden bent u met de oplossing?' })
    .getByLabel('1 – heel ontevreden')
    .check();
  await page.getByLabel('Wilt u nog iets toelichten?').fill('Het duurde veel te lang.');
  await page.getByRole('button', { name: 'Versturen', exact: true }).click();
  await expect(page.getByText('U gaf de behandeling een 2 en de oplossing een 1.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Niet tevreden? Dit kunt u doen' })).toBeVisible();
  await expect(page.getByText(COMMITTEE)).toBeVisible();
  await expectNoHorizontalScroll(page);
  await checkAccessibility(page);

  const detail = await (await staff.get(`/api/complaints/${id}`)).json();
  const types = (detail.timeline as { type: string }[]).map((event) => event.type);
  expect(types).toContain('complainant_message');
  expect(types).toContain('satisfaction_follow_up_requested');
  await staff.dispose();
});

// axe itself needs JavaScript, so the pages a browser without it gets are checked with only the portal's
// own script blocked: the server renders exactly the same HTML either way.
test('the pages without the portal script are accessible too: form, errors, advice, confirmation', async ({
  page,
  checkAccessibility,
}) => {
  await page.route('**/portal-assets/portal.js*', (route) => route.abort());
  await page.setViewportSize(PHONE);
  await page.goto('/klacht');
  const openedAt = Date.now();
  await expect(page.getByLabel('Naam van degene voor wie u de klacht indient')).toBeVisible();
  await checkAccessibility(page);
  await page.getByLabel('Voor iemand anders, bijvoorbeeld mijn vader of moeder').check();
  await waitForMinimumFillTime(page, openedAt);
  await page.getByRole('button', { name: 'Klacht versturen' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Vul de naam in van degene voor wie u de klacht indient',
  );
  await checkAccessibility(page);
  await fillComplaint(page, { description: 'Zonder script ingevuld.' });
  await page.getByLabel('Voor mijzelf').check();
  await page.getByLabel('Ik ben het niet eens met mijn huurverhoging, huurprijs of servicekosten').check();
  await page.getByRole('button', { name: 'Klacht versturen' }).click();
  await expect(page.getByRole('heading', { name: 'Dit kunt u beter ergens anders melden' })).toBeVisible();
  await checkAccessibility(page);
  await page.getByRole('button', { name: 'Toch een klacht indienen' }).click();
  await confirmationDetails(page);
  await checkAccessibility(page);
});

// Issue 21: a tenant without e-mail follows the complaint with the code from the acknowledgement letter.
// The page is checked with the portal's script blocked (as without JavaScript) on a phone.
test('without e-mail, the tenant types the code from the letter on /klacht/status', async ({
  page,
  demoAccount,
  checkAccessibility,
}) => {
  const staff = await signedInApi(demoAccount('mohamed.elamrani@demo.gehoord.nl'));
  const registered = await staff.post('/api/complaints', {
    data: {
      channel: 'letter',
      complainant: {
        name: 'Kees Briefschrijver',
        relation: 'tenant',
        postalAddress: 'Dorpsstraat 1, 2636 AA Schipluiden',
      },
      description: 'Per brief: de voordeur sluit niet.',
    },
  });
  expect(registered.status(), await registered.text()).toBe(201);
  const { id, reference } = await registered.json();
  const pdf = await staff.get(`/api/complaints/${id}/acknowledgement-letter.pdf`);
  expect(pdf.status()).toBe(200);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'gehoord-e2e-letter-')), 'letter.pdf');
  writeFileSync(file, await pdf.body());
  const letterText = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const code = /Code\s+([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(letterText)?.[1] ?? '';
  expect(code).not.toBe('');
  await staff.dispose();

  await page.route('**/portal-assets/portal.js*', (route) => route.abort());
  await page.setViewportSize(PHONE);
  await page.goto('/klacht/status');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Uw klacht volgen met een code');
  await checkAccessibility(page);
  await page.getByLabel('Code uit de brief').fill('0000-0000-0000');
  await page.getByLabel('Kenmerk uit de brief').fill(reference);
  await page.getByRole('button', { name: 'Bekijk mijn klacht' }).click();
  await expect(page.getByRole('alert')).toContainText('Deze code en dit kenmerk horen niet bij elkaar');
  await expectNoHorizontalScroll(page);
  await checkAccessibility(page);
  await page.getByLabel('Code uit de brief').fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Bekijk mijn klacht' }).click();
  await expect(page).toHaveURL(/\/klacht\/status\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(reference);
  await checkAccessibility(page);
});

test('a tampered status link gets a friendly "link not valid" page', async ({ page, checkAccessibility }) => {
  const response = await page.goto(`/klacht/status/${'x'.repeat(43)}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deze link werkt niet');
  await expect(page.getByRole('link', { name: 'Een nieuwe klacht indienen' })).toBeVisible();
  await checkAccessibility(page);
});

test('the English form is reachable through the language switch', async ({ page, checkAccessibility }) => {
  await page.goto('/klacht');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/complaint$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Make a complaint');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await checkAccessibility(page);
});
