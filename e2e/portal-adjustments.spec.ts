import type { Page } from '@playwright/test';
import { signIn } from './complaint-support.ts';
import { docScreenshot } from './doc-screenshots.ts';
import { expect, test } from './fixtures.ts';

// Issue 26 (decision 052): a tenant asks on the public form for letters in large print. The acknowledgement is
// then a letter to post, the status page lists what they asked for, and staff see it on the case page with
// "de klager via het portaal" as who recorded it.

const MOHAMED = 'mohamed.elamrani@demo.gehoord.nl';
// The server refuses forms sent faster than a person can (PORTAL_MINIMUM_FILL_SECONDS, default 3).
const MINIMUM_FILL_MS = 3200;

test.use({ viewport: { width: 1280, height: 900 } });
test.setTimeout(120_000);

async function fillBasics(page: Page, description: string) {
  await page.getByLabel('Ik ben niet tevreden over hoe iets is gegaan (een klacht)').check();
  await page.getByLabel('Voor mijzelf').check();
  await page.getByLabel('Uw naam', { exact: true }).fill('Greet Groot');
  await page.getByLabel('Ik huur een woning van u').check();
  await page.getByLabel('E-mailadres').fill('greet.groot@example.nl');
  await page.getByLabel('Brief', { exact: true }).check();
  await page.getByLabel('Postcode').fill('3155 AB');
  await page.getByLabel('Huisnummer').fill('12');
  await page.getByLabel('Wat is er misgegaan?').fill(description);
}

test('a tenant asks for large-print letters on the portal; the status page and the case page show it', async ({
  page,
  demoAccount,
  checkAccessibility,
}) => {
  await page.goto('/klacht');
  const openedAt = Date.now();
  const section = page.locator('[data-adjustments]');
  await expect(
    section.getByRole('heading', { name: '6. Heeft u hulp of een aanpassing nodig?' }),
  ).toBeVisible();
  await fillBasics(page, 'De brievenbus van de flat is kapot; mijn post raakt zoek.');
  await section.getByLabel('Ik wil brieven in grote letters').check();

  // reading needs without consent: refused with the error summary, the ticks kept
  await section.getByRole('group', { name: 'Hulp bij lezen of horen' }).getByLabel('Ik zie slecht').check();
  const left = MINIMUM_FILL_MS - (Date.now() - openedAt);
  if (left > 0) await page.waitForTimeout(left);
  await page.getByRole('button', { name: 'Klacht versturen' }).click();
  const summary = page.locator('[data-error-summary]');
  await expect(summary).toContainText('Geef toestemming, of vink de hulp bij lezen of horen uit');
  await checkAccessibility(page);
  await summary.getByRole('link', { name: /Geef toestemming/ }).click();
  await expect(page.getByLabel(/Ik geef toestemming dat u dit bewaart/)).toBeFocused();
  await expect(page.getByLabel('Ik wil brieven in grote letters')).toBeChecked();
  // she would rather not: the need is unticked, the large print stays
  await page.getByLabel('Ik zie slecht').uncheck();
  await checkAccessibility(page);
  // the new step from its heading, with the large print ticked
  await page.locator('#adjust-title').evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
  await docScreenshot(page, 'portal-adjustments');
  await page.getByRole('button', { name: 'Klacht versturen' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bedankt, wij hebben uw klacht ontvangen');
  await expect(page.getByText('U krijgt ook een bevestiging per post.')).toBeVisible();
  await expect(page.getByText('U krijgt ook een bevestiging per e-mail.')).toHaveCount(0);
  const reference = (await page.locator('.reference').textContent()) ?? '';
  const statusUrl = (await page.locator('.status-link a').getAttribute('href')) ?? '';

  await page.goto(statusUrl);
  const asked = page.locator('[data-asked]');
  await expect(asked.getByRole('heading', { name: 'Waar u om vroeg' })).toBeVisible();
  await expect(asked.getByRole('listitem')).toHaveText(['Brieven in grote letters', 'Berichten per brief']);
  await checkAccessibility(page);

  // staff of the intake department open the case: the panel says the complainant recorded it via the portal
  await signIn(page, demoAccount(MOHAMED));
  const found = await (await page.request.get(`/api/complaints?q=${reference}`)).json();
  const id = found.items[0].id as string;
  await page.goto(`/klachten/${id}`);
  const panel = page.getByTestId('adjustments');
  await expect(panel).toContainText('Voorkeurskanaal: Brief per post');
  await expect(panel).toContainText('Brieven in grote letters');
  await expect(panel.getByTestId('adjustment-records')).toContainText('de klager via het portaal');
  await expect(page.getByTestId('timeline')).toContainText('Aanpassingen voor de klager gewijzigd');
  await checkAccessibility(page);
});
