import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { docScreenshot } from './doc-screenshots.ts';
import { markOutboxMessageFailed } from './e2e-database.ts';
import { expect, signInThroughPage, test } from './fixtures.ts';
import { staffApiSession } from './staff-api-session.ts';

// Issue 22: the administrator's screens for outgoing mail, webhooks, single sign-on, the audit log filter and
// the import report. Ruud Mulder is the demo organisation's administrator, Eva Jansen a complaint handler.
const RUUD = 'ruud.mulder@demo.gehoord.nl';
const EVA = 'eva.jansen@demo.gehoord.nl';
const run = Date.now().toString(36);

// Several screens and dialogs per journey, each scanned with axe: more than the default half minute on 2 cores
test.setTimeout(90_000);

async function signInAsAdmin(page: Page, account: { email: string; password: string }) {
  await signInThroughPage(page, account.email, account.password);
  await expect(page.getByTestId('signed-in-user')).toHaveText('Ruud Mulder');
}

/** Signs in as the administrator and opens one admin page by its address, once it has loaded. */
async function adminPageAt(
  page: Page,
  account: { email: string; password: string },
  url: string,
  heading: string,
) {
  await signInAsAdmin(page, account);
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  await expect(page.getByText('Bezig met laden…')).toHaveCount(0);
}

async function openAdminPage(page: Page, menuItem: string, heading: string) {
  await page
    .getByRole('navigation', { name: 'Beheermenu' })
    .getByRole('link', { name: menuItem, exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  await expect(page.getByText('Bezig met laden…')).toHaveCount(0);
}

test('an administrator sends a refused message again and finds that in the filtered audit log', async ({
  page,
  baseURL,
  demoAccount,
  checkAccessibility,
}) => {
  test.setTimeout(150_000);
  const ruud = demoAccount(RUUD);
  const eva = demoAccount(EVA);
  // A complaint by e-mail: its acknowledgement goes out through the outbox.
  const address = `huurder.${run}@example.nl`;
  const evaApi = await staffApiSession(baseURL as string, eva.email, eva.password);
  const complaint = await evaApi.post<{ id: string }>('/api/complaints', {
    channel: 'email',
    complainant: { name: 'Mevrouw T. de Wit', relation: 'tenant', email: address },
    description: 'De lift staat al drie weken stil.',
  });
  await evaApi.dispose();
  const ruudApi = await staffApiSession(baseURL as string, ruud.email, ruud.password);
  let outboxId = '';
  await expect(async () => {
    const messages = await ruudApi.get<{ id: string; to: string[] }[]>(
      `/api/admin/outbox?complaintId=${complaint.id}`,
    );
    outboxId = messages.find((m) => m.to.includes(address))?.id ?? '';
    expect(outboxId).not.toBe('');
  }).toPass({ timeout: 30_000 });
  await ruudApi.dispose();
  // The mail server refused it (no screen can cause that): recorded as the outbox worker would.
  await markOutboxMessageFailed(outboxId, '550 5.1.1 Mailbox unavailable');

  await signInAsAdmin(page, ruud);
  await page.getByRole('link', { name: 'Beheer' }).click();
  await openAdminPage(page, 'Uitgaande berichten', 'Uitgaande berichten');
  await checkAccessibility(page);
  await page.getByLabel('Toon berichten met status').selectOption({ label: 'Mislukt' });
  const failedRow = page.getByTestId('outbox').getByRole('row').filter({ hasText: address });
  await expect(failedRow).toContainText('Mislukt');
  await expect(failedRow).toContainText('550 5.1.1 Mailbox unavailable');
  await expect(failedRow).not.toContainText('lift');
  await checkAccessibility(page);
  await docScreenshot(page, 'admin-outbox');

  await failedRow.getByRole('button', { name: /^Opnieuw versturen/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'weer in de wachtrij' })).toBeVisible();
  await expect(failedRow).toHaveCount(0);
  // The worker sends it: it shows up as sent
  await page.getByLabel('Toon berichten met status').selectOption({ label: 'Verstuurd' });
  await expect(async () => {
    await page.getByLabel('Toon berichten met status').selectOption({ label: 'Alle statussen' });
    await page.getByLabel('Toon berichten met status').selectOption({ label: 'Verstuurd' });
    await expect(page.getByTestId('outbox').getByRole('row').filter({ hasText: address })).toContainText(
      'Verstuurd',
      { timeout: 2_000 },
    );
  }).toPass({ timeout: 45_000 });
  await checkAccessibility(page);

  // The audit log: an end before the start is said at the field; filtered, the resend is there with its actor.
  await openAdminPage(page, 'Logboek', 'Logboek');
  const filter = page.getByRole('search', { name: 'Logboek filteren' });
  await filter.getByLabel('Vanaf').fill('2026-12-31');
  await filter.getByLabel('Tot en met').fill('2026-01-01');
  await filter.getByRole('button', { name: 'Filter toepassen' }).click();
  await expect(page.getByTestId('error-summary')).toBeFocused();
  await expect(filter.getByLabel('Tot en met')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Kies een einddatum op of na de begindatum.').first()).toBeVisible();
  await checkAccessibility(page);
  await filter.getByLabel('Vanaf').fill('');
  await filter.getByLabel('Tot en met').fill('');
  await filter.getByLabel('Wie').selectOption({ label: 'Ruud Mulder' });
  await filter.getByLabel('Wat').selectOption({ label: 'Bericht opnieuw verstuurd' });
  await filter.getByRole('button', { name: 'Filter toepassen' }).click();
  const log = page.getByTestId('audit-log');
  await expect(log.locator('tbody tr').first()).toContainText('Bericht opnieuw verstuurd');
  await expect(log.locator('tbody tr').first()).toContainText('Ruud Mulder');
  await expect(log.locator('tbody tr').filter({ hasNotText: 'Bericht opnieuw verstuurd' })).toHaveCount(0);
  await checkAccessibility(page);
});

test('an administrator adds a webhook (secret shown once), switches it off and changes it', async ({
  page,
  demoAccount,
  checkAccessibility,
}) => {
  const name = `CRM ${run}`;
  await adminPageAt(page, demoAccount(RUUD), '/beheer/webhooks', 'Webhooks');
  await checkAccessibility(page);

  const section = page.getByRole('region', { name: 'Nieuwe webhook' });
  await section.getByRole('button', { name: 'Webhook toevoegen' }).click();
  const summary = section.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await expect(section.getByRole('textbox', { name: 'Naam' })).toHaveAttribute('aria-invalid', 'true');
  await checkAccessibility(page);

  await section.getByRole('textbox', { name: 'Naam' }).fill(name);
  // an on-premises CRM: an address in the internal network, allowed explicitly
  await section.getByRole('textbox', { name: /Adres \(URL\)/ }).fill('http://127.0.0.1:9/gehoord');
  await section.getByRole('checkbox', { name: 'Klacht geregistreerd' }).check();
  await section.getByRole('checkbox', { name: 'Klacht afgesloten' }).check();
  await section.getByRole('checkbox', { name: /Adres in een intern netwerk toestaan/ }).check();
  await section.getByRole('button', { name: 'Webhook toevoegen' }).click();
  await expect(section.getByRole('status')).toContainText(`Webhook ${name} is toegevoegd.`);
  await expect(section.getByTestId('webhook-secret')).toHaveText(/^whsec_/);
  await checkAccessibility(page);
  await docScreenshot(page, 'admin-webhooks');

  const row = page.getByTestId('webhooks').getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('Actief');
  await row.getByRole('button', { name: `Uitschakelen ${name}` }).click();
  await expect(row).toContainText('Uitgeschakeld');

  await row.getByRole('button', { name: `Wijzigen ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `${name} wijzigen` });
  await dialog.getByRole('textbox', { name: 'Naam' }).fill(`${name} (KIS)`);
  await dialog.getByRole('checkbox', { name: 'Klacht afgesloten' }).uncheck();
  await dialog.getByRole('checkbox', { name: 'Klacht geregistreerd' }).uncheck();
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  // no event left: said at the field, nothing saved
  await expect(dialog.getByTestId('error-summary')).toBeFocused();
  await checkAccessibility(page);
  await dialog.getByRole('checkbox', { name: 'Klacht beantwoord' }).check();
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog).toHaveCount(0);
  const renamed = page.getByTestId('webhooks').getByRole('row', { name: new RegExp(`${name} \\(KIS\\)`) });
  await expect(renamed).toContainText('1');
  await renamed.getByRole('button', { name: `Bezorgingen ${name} (KIS)` }).click();
  await expect(page.getByRole('region', { name: `Bezorgingen van ${name} (KIS)` })).toContainText(
    'Nog geen bezorgingen.',
  );
  await checkAccessibility(page);
});

test('an administrator sets who may sign in with single sign-on, guided by field errors', async ({
  page,
  demoAccount,
  checkAccessibility,
}) => {
  await adminPageAt(page, demoAccount(RUUD), '/beheer/inloggen', 'Inloggen met single sign-on');
  await checkAccessibility(page);
  await docScreenshot(page, 'admin-sso');

  const issuers = page.getByRole('textbox', { name: 'Toegestane issuers' });
  await issuers.fill(
    'https://login.microsoftonline.com/8f0c2a5e-3b1d-4c6e-9a7f-1d2e3f4a5b6c/v2.0\nniet-een-adres',
  );
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByTestId('error-summary')).toBeFocused();
  await expect(issuers).toHaveAttribute('aria-invalid', 'true');
  await checkAccessibility(page);

  await issuers.fill('https://login.microsoftonline.com/8f0c2a5e-3b1d-4c6e-9a7f-1d2e3f4a5b6c/v2.0');
  await page.getByRole('checkbox', { name: /Account aanmaken bij een eerste SSO-login/ }).check();
  await page.getByLabel('Afdeling van nieuwe accounts').selectOption({ label: 'Klantcontact' });
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('status')).toHaveText('De wijzigingen zijn opgeslagen.');
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Toegestane issuers' })).toHaveValue(
    'https://login.microsoftonline.com/8f0c2a5e-3b1d-4c6e-9a7f-1d2e3f4a5b6c/v2.0',
  );
  await expect(
    page.getByRole('checkbox', { name: /Account aanmaken bij een eerste SSO-login/ }),
  ).toBeChecked();
  await checkAccessibility(page);
});

test('the import report lists every problem of a line and downloads as CSV', async ({
  page,
  demoAccount,
  checkAccessibility,
}) => {
  await adminPageAt(page, demoAccount(RUUD), '/beheer/importeren', 'Importeren');
  await page.getByLabel('Wat importeert u?').selectOption('units');
  const lines = [
    'extern_id;complexnummer;straat;huisnummer;toevoeging;postcode;plaats',
    `${run}-1;101;;12a;;0678 AB;Maasland`,
    `${run}-2;101;Dorpsstraat;4;;2678AB;Maasland;teveel`,
  ];
  await page.locator('input[type="file"]').setInputFiles({
    name: 'eenheden.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8'),
  });
  await page.getByRole('button', { name: 'Proefimport (controleren)' }).click();
  const report = page.getByTestId('import-errors');
  const problems = report.locator('tbody tr');
  // line 2: street, house number and postcode all wrong; line 3: a field too many (the whole line)
  await expect(problems).toHaveCount(4);
  await expect(problems.filter({ hasText: 'straat' })).toContainText('2');
  await expect(problems.filter({ hasText: 'huisnummer' })).toContainText('2');
  await expect(problems.filter({ hasText: 'postcode' })).toContainText('2');
  await expect(problems.nth(3)).toContainText('3');
  await expect(problems.nth(3)).toContainText('velden');
  await checkAccessibility(page);

  const downloading = page.waitForEvent('download');
  await report.getByRole('link', { name: 'Fouten downloaden (CSV)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('importfouten.csv');
  const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
  const rows = text.trim().split('\r\n');
  expect(rows[0]).toBe('Regel;Kolom;Melding (nl);Message (en)');
  expect(rows).toHaveLength(5);
  expect(rows.filter((r) => r.startsWith('2;'))).toHaveLength(3);
});

test('an administrator sets the organisation’s postal address and sees where the contact details are', async ({
  page,
  demoAccount,
  checkAccessibility,
}) => {
  await adminPageAt(page, demoAccount(RUUD), '/beheer/organisatie', 'Organisatie');
  const section = page.getByRole('region', { name: 'Naam en postadres' });
  const name = section.getByRole('textbox', { name: 'Naam' });
  const currentName = await name.inputValue();
  expect(currentName).not.toBe('');
  // the portal's contact details, with the way to change them
  const contact = page.getByRole('region', { name: 'Contactgegevens voor huurders' });
  await expect(contact).toContainText('015 380 40 40');
  await expect(contact.getByRole('link', { name: /Contactgegevens wijzigen/ })).toHaveAttribute(
    'href',
    '/beheer/portaal',
  );
  await checkAccessibility(page);
  await docScreenshot(page, 'admin-organisation');

  await name.fill('');
  await section.getByRole('button', { name: 'Opslaan' }).click();
  await expect(section.getByTestId('error-summary')).toBeFocused();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await checkAccessibility(page);

  await name.fill(currentName);
  await section.getByRole('textbox', { name: 'Postadres' }).fill('Postbus 100\n2678 ZH Maasland');
  await section.getByRole('button', { name: 'Opslaan' }).click();
  await expect(section.getByRole('status')).toHaveText('De wijzigingen zijn opgeslagen.');
  await page.reload();
  await expect(
    page.getByRole('region', { name: 'Naam en postadres' }).getByRole('textbox', { name: 'Postadres' }),
  ).toHaveValue('Postbus 100\n2678 ZH Maasland');
});

test('every portal setting is on the portal page, with field errors and a saved notice', async ({
  page,
  demoAccount,
  checkAccessibility,
}) => {
  await adminPageAt(page, demoAccount(RUUD), '/beheer/portaal', 'Portaal en contact');
  await page.getByRole('textbox', { name: 'Huisstijlkleur' }).fill('blauw');
  await page
    .getByRole('textbox', { name: 'Reparatieverzoek (URL)' })
    .fill('https://www.example.nl/reparatie');
  await page.getByRole('textbox', { name: 'Statuslink geldig na afsluiten (dagen)' }).fill('0');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByTestId('error-summary')).toBeFocused();
  await expect(page.getByRole('textbox', { name: 'Huisstijlkleur' })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('textbox', { name: 'Statuslink geldig na afsluiten (dagen)' })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await checkAccessibility(page);
  await page.getByRole('textbox', { name: 'Huisstijlkleur' }).fill('');
  await page.getByRole('textbox', { name: 'Statuslink geldig na afsluiten (dagen)' }).fill('60');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('status')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Reparatieverzoek (URL)' })).toHaveValue(
    'https://www.example.nl/reparatie',
  );
  await expect(page.getByRole('textbox', { name: 'Statuslink geldig na afsluiten (dagen)' })).toHaveValue(
    '60',
  );
});
