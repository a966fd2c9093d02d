import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import {
  findFreePort,
  type ServerProcess,
  spawnServer,
  waitForOutput,
} from '../test/support/server-process.ts';
import { caseAction } from './complaint-support.ts';
import { expect, test } from './fixtures.ts';

// Issue 19: "a website complaint in a fresh installation is routed, handled and answered without an API call".
// Its own server with its own empty data folder (not the shared one with the demo): the first administrator
// sets Gehoord up in the browser, a tenant complains on the website, and the administrator — manager and
// management assistant of the intake department the setup created — answers it, all in the browser.

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1280, height: 720 } });
test.setTimeout(180_000);

const ADMIN = {
  name: 'Marieke de Boer',
  email: 'beheer@corporatie.example.nl',
  password: 'lange zomeravond aan de vliet',
};
const TENANT_EMAIL = 'jannie.devries@example.nl';
// The server refuses forms sent faster than a person can (PORTAL_MINIMUM_FILL_SECONDS, default 3).
const MINIMUM_FILL_MS = 3200;

let server: ServerProcess;
let dataDir: string;
let baseUrl: string;
let setupLink: string;

test.beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'gehoord-e2e-fresh-'));
  const port = await findFreePort();
  baseUrl = `http://127.0.0.1:${port}`;
  server = spawnServer({
    PORT: String(port),
    DATA_DIR: dataDir,
    PUBLIC_URL: baseUrl,
    LOG_LEVEL: 'info',
    MAIL_POLL_MS: '200',
  });
  await waitForOutput(server, /\/inrichten#ghi_\S+\n/, 60_000);
  setupLink = /(http\S+\/inrichten#ghi_\S+)/.exec(server.output())?.[1] ?? '';
});

test.afterAll(async () => {
  server?.child.kill('SIGTERM');
  await server?.exited;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** The .eml files the mail worker wrote (no SMTP configured: the local mailbox is the outbox's delivery). */
function deliveredMail(): string[] {
  const mailbox = path.join(dataDir, 'mailbox');
  if (!existsSync(mailbox)) return [];
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.eml')) files.push(readFileSync(full, 'utf8'));
    }
  };
  walk(mailbox);
  return files;
}

async function goto(page: Page, pathname: string) {
  await page.goto(`${baseUrl}${pathname}`);
}

test('a website complaint in a fresh installation is routed, handled and answered in the browser', async ({
  page,
  browser,
  checkAccessibility,
}) => {
  // 1. First-run setup, with the intake department (default Klantcontact) and the contact details
  await page.goto(setupLink.replace(/^http:\/\/[^/]+/, baseUrl));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gehoord inrichten');
  await page.getByLabel('Naam van de woningcorporatie').fill('Wonen aan de Vliet');
  await page.getByLabel('Uw naam').fill(ADMIN.name);
  await page.getByLabel('Uw e-mailadres').fill(ADMIN.email);
  await page.getByLabel('Kies een wachtwoord').fill(ADMIN.password);
  await page.getByLabel('Laad de demo-organisatie').uncheck();
  await expect(page.getByLabel('Afdeling voor klachten van de website')).toHaveValue('Klantcontact');
  await expect(
    page.getByLabel('Ik ben leidinggevende en managementassistent van deze afdeling'),
  ).toBeChecked();
  await page.getByLabel('Telefoonnummer').fill('015 123 45 67');
  await checkAccessibility(page);
  await page.getByRole('button', { name: 'Gehoord inrichten' }).click();
  // Without the demo there are no passwords to show: straight to the work
  await expect(page).toHaveURL(/\/werk$/);

  // 2. The admin start page names what is still missing (only the committee), with the screen that fixes it
  await goto(page, '/beheer');
  await expect(page).toHaveURL(/\/beheer\/overzicht$/);
  const gaps = page.getByTestId('setup-gaps');
  await expect(gaps.getByRole('listitem')).toHaveCount(1);
  await expect(gaps).toContainText('regionale klachtencommissie');
  await checkAccessibility(page);
  await gaps.getByRole('link', { name: 'Naar portaal en contact' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Portaal en contact');
  await expect(page.getByLabel('Afdeling voor klachten van de website')).toHaveValue(/[0-9a-f-]{36}/);
  await page.getByLabel('Naam van de commissie').fill('Regionale Klachtencommissie Delfland');
  await page.getByLabel('Postadres of andere contactgegevens').fill('Postbus 100, 2600 AC Delft');
  await checkAccessibility(page);
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('status')).toContainText('De instellingen zijn opgeslagen.');
  await page.getByRole('link', { name: 'Overzicht' }).click();
  await expect(page.getByTestId('setup-complete')).toBeVisible();

  // The contractors screen: one with its responsible department
  await page.getByRole('link', { name: 'Aannemers' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aannemers');
  await page.getByRole('textbox', { name: 'Naam' }).fill('Schildersbedrijf De Kwast');
  await page.getByLabel('Verantwoordelijke afdeling').selectOption({ label: 'Klantcontact' });
  await page.getByRole('button', { name: 'Aannemer toevoegen' }).click();
  await expect(page.getByTestId('contractors')).toContainText('Schildersbedrijf De Kwast');
  await expect(page.getByTestId('contractors')).toContainText('Klantcontact');
  await checkAccessibility(page);

  // 3. A tenant complains on the public website, in a browser of their own
  const tenant = await (await browser.newContext({ locale: 'nl-NL' })).newPage();
  await tenant.goto(`${baseUrl}/klacht`);
  const openedAt = Date.now();
  await tenant.getByLabel('Ik ben niet tevreden over hoe iets is gegaan (een klacht)').check();
  await tenant.getByLabel('Voor mijzelf').check();
  await tenant.getByLabel('Uw naam', { exact: true }).fill('Jannie de Vries');
  await tenant.getByLabel('Ik huur een woning van u').check();
  await tenant.getByLabel('E-mailadres').fill(TENANT_EMAIL);
  await tenant.getByLabel('Telefoonnummer').fill('06 12345678');
  await tenant.getByLabel('Telefoon', { exact: true }).check();
  await tenant.getByLabel('Wat is er misgegaan?').fill('Niemand belde terug over mijn lekkende dakgoot.');
  await tenant.getByLabel('Wat wilt u dat wij doen?').fill('Dat iemand langskomt.');
  const left = MINIMUM_FILL_MS - (Date.now() - openedAt);
  if (left > 0) await tenant.waitForTimeout(left);
  await tenant.getByRole('button', { name: 'Klacht versturen' }).click();
  await expect(tenant.getByRole('heading', { level: 1 })).toHaveText(
    'Bedankt, wij hebben uw klacht ontvangen',
  );
  const reference = ((await tenant.locator('.reference').textContent()) ?? '').trim();
  expect(reference).toMatch(/^K-\d{4}-\d{5}$/);
  await tenant.context().close();

  // 4. Staff pick it up from the intake department's queue
  await goto(page, '/werk');
  await page.getByRole('tab', { name: 'Mijn afdeling' }).click();
  const queue = page.getByTestId('work-queue');
  await expect(queue.getByRole('link', { name: reference })).toBeVisible();
  await checkAccessibility(page);
  await queue.getByRole('link', { name: reference }).click();
  await expect(page.getByTestId('complaint-status')).toHaveText('Nieuw');
  await expect(page.getByText('Klantcontact').first()).toBeVisible();
  await (await caseAction(page, 'Zelf oppakken')).click();
  await page
    .getByRole('dialog', { name: 'Zelf oppakken' })
    .getByRole('button', { name: 'Zelf oppakken' })
    .click();
  await expect(page.getByTestId('action-done')).toContainText('Zelf oppakken');

  // Triage: a complaint about the intake department itself
  await page
    .getByTestId('next-steps')
    .getByRole('button', { name: 'Beoordelen: is het een klacht?' })
    .click();
  const triage = page.getByRole('dialog', { name: 'Beoordelen: is het een klacht?' });
  await triage
    .getByLabel('Categorie')
    .selectOption({ label: '1. Geen of te laat antwoord op een verzoek of vraag' });
  await triage.getByRole('combobox', { name: 'Afdeling' }).selectOption({ label: 'Klantcontact' });
  await checkAccessibility(page);
  await triage.getByRole('button', { name: 'Aannemen als klacht' }).click();
  await expect(page.getByTestId('complaint-status')).toHaveText('In behandeling');

  // Contact, assessment and the answer
  await page.getByTestId('next-steps').getByRole('button', { name: 'Contact vastleggen' }).click();
  const contact = page.getByRole('dialog', { name: 'Contact vastleggen' });
  await contact
    .getByRole('textbox', { name: 'Wat is er besproken?' })
    .fill('Mevrouw gebeld; de dakgoot wordt donderdag gemaakt.');
  await contact.getByRole('button', { name: 'Contact vastleggen' }).click();
  await expect(page.getByTestId('next-steps')).toContainText('Beoordeel de klacht aan de hand van beleid');
  await page.getByTestId('next-steps').getByRole('button', { name: 'Beoordeling vastleggen' }).click();
  const assessment = page.getByRole('dialog', { name: 'Beoordeling vastleggen' });
  await assessment.getByLabel('Oordeel').selectOption({ label: 'Gegrond' });
  await assessment.getByLabel('Excuses aangeboden').check();
  await assessment.getByLabel('Fout toegegeven').check();
  await assessment.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
  await expect(page.getByTestId('next-steps')).toContainText('Verstuur het antwoord');
  await page.getByTestId('next-steps').getByRole('button', { name: 'Antwoord versturen' }).click();
  const answer = page.getByRole('dialog', { name: 'Antwoord versturen' });
  await expect(answer).toContainText('met een kopie aan de leidinggevende en de managementassistent');
  await answer.getByRole('button', { name: 'Begin met de standaardtekst' }).click();
  await checkAccessibility(page);
  await answer.getByRole('button', { name: 'Antwoord versturen' }).click();

  // 5. The answer went out: on the timeline, and delivered by the outbox to the tenant
  await expect(page.getByTestId('complaint-status')).toHaveText('Beantwoord');
  await expect(page.getByTestId('answer')).toContainText('Cc: de leidinggevende, de managementassistent');
  await expect(page.getByTestId('timeline')).toContainText('Antwoord verstuurd');
  await checkAccessibility(page);
  await expect
    .poll(() => deliveredMail().some((mail) => mail.includes(TENANT_EMAIL) && mail.includes(reference)), {
      timeout: 20_000,
    })
    .toBe(true);
});
