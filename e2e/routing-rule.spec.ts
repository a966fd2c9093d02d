import type { Page } from '@playwright/test';
import { createTenant, EVA, signIn } from './complaint-support.ts';
import { expect, test } from './fixtures.ts';

// Issue 19, policy 1.3: the organisation's rule. Ruud (admin) switches on "complaints about an employee's
// conduct go to their manager"; Eva's category-4 complaint about Mohamed then goes to Pieter, his manager,
// and the case says why. The rule is switched off again afterwards, so other journeys see the default.
const RUUD = 'ruud.mulder@demo.gehoord.nl';
const PIETER = 'pieter.vandijk@demo.gehoord.nl';
const RULE = 'De leidinggevende behandelt klachten over het gedrag van een medewerker';

test.use({ viewport: { width: 1280, height: 800 } });
test.setTimeout(120_000);

async function switchRuleOff(page: Page) {
  const base = process.env.GEHOORD_E2E_BASE_URL ?? '';
  const response = await page.request.put(`${base}/api/routing-settings`, {
    headers: { origin: base },
    data: { conductToManager: false },
  });
  expect(response.ok(), await response.text()).toBe(true);
}

test("with the organisation's rule on, a complaint about an employee's conduct goes to their manager", async ({
  page,
  browser,
  demoAccount,
  checkAccessibility,
}) => {
  await signIn(page, demoAccount(RUUD));
  try {
    await page.goto('/beheer/afdelingen');
    const section = page.getByRole('region', { name: 'Klachten over het gedrag van een medewerker' });
    const rule = section.getByRole('switch', { name: RULE });
    await expect(rule).not.toBeChecked();
    await checkAccessibility(page);
    await rule.click();
    await expect(section.getByRole('status')).toHaveText(
      'Opgeslagen. Nieuwe klachten over gedrag gaan naar de leidinggevende.',
    );
    await expect(rule).toBeChecked();
    await page.reload();
    await expect(page.getByRole('switch', { name: RULE })).toBeChecked();

    // Eva registers a phone complaint about how Mohamed treated a tenant: the form says where it goes.
    const context = await browser.newContext({
      baseURL: process.env.GEHOORD_E2E_BASE_URL,
      viewport: { width: 1280, height: 800 },
      locale: 'nl-NL',
    });
    const eva = await context.newPage();
    await signIn(eva, demoAccount(EVA));
    await createTenant(eva, 'Mevrouw Ineke Smit', '06 67890123', 31);
    await eva.getByRole('link', { name: 'Nieuwe klacht registreren' }).click();
    await eva.getByRole('combobox', { name: 'Zoek de klager' }).fill('2678AB 31');
    await eva.getByRole('option', { name: /Ineke Smit/ }).click();
    await eva
      .getByRole('textbox', { name: 'Wat is de klacht?' })
      .fill('De medewerker sprak mij op een onbeleefde manier aan toen ik belde over de lekkage.');
    await eva
      .getByLabel('Categorie')
      .selectOption({ label: '4. Onjuist behandeld door een medewerker of een partij die namens ons werkt' });
    await eva.getByRole('radio', { name: 'Een medewerker' }).check();
    await eva
      .getByRole('combobox', { name: 'Medewerker', exact: true })
      .selectOption({ label: 'Mohamed El Amrani' });
    const takes = eva.getByRole('combobox', { name: 'Neemt de leidinggevende de klacht over?' });
    await expect(takes.locator('option:checked')).toHaveText('Ja, volgens de regel van de organisatie');
    await expect(
      eva.getByText(/klachten over het gedrag van een medewerker behandelt de leidinggevende/),
    ).toBeVisible();
    await checkAccessibility(eva);
    await eva.getByRole('button', { name: 'Klacht registreren' }).click();
    await expect(eva).toHaveURL(/\/klachten\/[0-9a-f-]{36}$/);
    const complaintId = eva.url().split('/').pop() ?? '';
    await context.close();

    // Pieter, Mohamed's manager, handles it; the case page gives the reason.
    const pieterContext = await browser.newContext({
      baseURL: process.env.GEHOORD_E2E_BASE_URL,
      viewport: { width: 1280, height: 800 },
      locale: 'nl-NL',
    });
    const pieter = await pieterContext.newPage();
    await signIn(pieter, demoAccount(PIETER));
    await pieter.goto(`/klachten/${complaintId}`);
    const panel = pieter.getByTestId('responsibility');
    await expect(panel).toContainText('Mohamed El Amrani (medewerker)');
    await expect(panel.getByTestId('manager-takes')).toContainText(
      'Volgens de regel van de organisatie gaan klachten over het gedrag van een medewerker naar de leidinggevende',
    );
    await expect(pieter.getByTestId('routed-line')).toContainText(
      'Naar: Pieter van Dijk (Vastgoed & Onderhoud)',
    );
    await checkAccessibility(pieter);
    await pieterContext.close();
  } finally {
    await switchRuleOff(page);
  }
});
