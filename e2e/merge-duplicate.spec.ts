import { createTenant, EVA, registerThroughApi, signIn } from './complaint-support.ts';
import { docScreenshot } from './doc-screenshots.ts';
import { expect, test } from './fixtures.ts';

test.use({ viewport: { width: 1280, height: 720 } });
test.setTimeout(120_000);

// Issue 22 (decision 035): a complaint received twice — first a letter, then the same story by phone. The intake
// shows the likely duplicate; on the case page the second one is merged into the first, which keeps its reference.

test('the same complaint received twice is seen at intake and merged on the case page', async ({
  page,
  demoAccount,
  checkAccessibility,
}) => {
  await signIn(page, demoAccount(EVA));
  const suffix = Math.random().toString(36).slice(2, 7);
  const name = `Merel Dubbel ${suffix}`;
  const { personId } = await createTenant(page, name, '06 31415926', 300 + Math.floor(Math.random() * 9000));
  const first = await registerThroughApi(page, {
    channel: 'letter',
    complainantId: personId,
    description: 'De lekkage in de badkamer is drie weken geleden gerepareerd maar lekt nu weer.',
  });

  // The phone call about the same leak: the intake says it was probably received before
  await page.getByRole('link', { name: 'Nieuwe klacht registreren' }).click();
  await page.getByRole('combobox', { name: 'Zoek de klager' }).fill(name);
  await page.getByRole('option', { name: new RegExp(name) }).click();
  await page
    .getByRole('textbox', { name: 'Wat is de klacht?' })
    .fill('Mijn badkamer lekt weer, terwijl de lekkage drie weken geleden gerepareerd is.');
  const warning = page.getByTestId('intake-duplicates');
  await expect(warning).toContainText('Mogelijk dezelfde klacht, twee keer ontvangen');
  await expect(warning.getByRole('link', { name: first.reference })).toBeVisible();
  await checkAccessibility(page);
  await page
    .getByLabel('Categorie')
    .selectOption({ label: '1. Geen of te laat antwoord op een verzoek of vraag' });
  await page.getByRole('combobox', { name: 'Afdeling' }).selectOption({ label: 'Klantcontact' });
  await page.getByRole('button', { name: 'Klacht registreren' }).click();
  await expect(page).toHaveURL(/\/klachten\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Klacht K-/);
  const second = (await page.getByRole('heading', { level: 1 }).textContent())?.replace('Klacht ', '') ?? '';

  // On the second one's case page: the likely duplicate, and the merge
  const duplicates = page.getByTestId('likely-duplicates');
  await expect(duplicates).toContainText('Mogelijk dubbel ontvangen');
  await expect(duplicates.getByRole('link', { name: first.reference })).toBeVisible();
  await checkAccessibility(page);
  await duplicates.getByRole('button', { name: 'Samenvoegen (dubbel ontvangen)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Samenvoegen (dubbel ontvangen)' });
  await expect(dialog.getByRole('radio', { name: new RegExp(first.reference) })).toBeChecked();
  await checkAccessibility(page);
  await docScreenshot(page, 'merge-duplicate');
  await dialog.getByRole('button', { name: 'Samenvoegen', exact: true }).click();

  await expect(page.getByTestId('complaint-status')).toHaveText('Samengevoegd');
  await expect(page.getByTestId('merged-into')).toContainText(
    `Deze klacht is samengevoegd met ${first.reference}`,
  );
  await expect(page.getByTestId('timeline')).toContainText('Samengevoegd met een andere klacht');
  await expect(page.getByTestId('next-steps')).toContainText('Er hoeft niets meer te gebeuren.');
  await expect(page.getByTestId('likely-duplicates')).toHaveCount(0);
  await checkAccessibility(page);

  // The first one keeps its reference and shows what was merged into it
  await page.getByTestId('merged-into').getByRole('link', { name: first.reference }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Klacht ${first.reference}`);
  await expect(page.getByTestId('merged-from')).toContainText(second);
  await expect(page.getByTestId('timeline')).toContainText('Dubbel ontvangen klacht hierin samengevoegd');
  await expect(page.getByTestId('timeline').getByRole('link', { name: second })).toBeVisible();
  await checkAccessibility(page);
});
