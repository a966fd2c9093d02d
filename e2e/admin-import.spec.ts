import { docScreenshot } from './doc-screenshots.ts';
import { expect, signInThroughPage, test } from './fixtures.ts';

const RUUD = 'ruud.mulder@demo.gehoord.nl';

const csv = (lines: string[]) => ({
  name: 'complexen.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8'),
});

test('an administrator checks a CSV export with a dry run, sees every bad line, then imports it', async ({
  page,
  demoAccount,
  checkAccessibility,
}) => {
  const ruud = demoAccount(RUUD);
  await signInThroughPage(page, ruud.email, ruud.password);
  await page.getByRole('link', { name: 'Beheer' }).click();
  // the admin section opens on its start page: what the installation still lacks
  await expect(page).toHaveURL(/\/beheer\/overzicht$/);
  await page
    .getByRole('navigation', { name: 'Beheermenu' })
    .getByRole('link', { name: 'Importeren' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Importeren');
  await checkAccessibility(page);

  // No file chosen yet: said at the field.
  await page.getByRole('button', { name: 'Proefimport (controleren)' }).click();
  await expect(page.getByText('Kies eerst een CSV-bestand.')).toBeVisible();

  await page.getByLabel('Wat importeert u?').selectOption('complexes');
  await page
    .locator('input[type="file"]')
    .setInputFiles(
      csv([
        'complexnummer;naam;plaats;bouwjaar',
        '401;Vlietzicht;Maasland;1978',
        '402;;Maasland;1980',
        '403;Molenhoek;;1985',
      ]),
    );
  await page.getByRole('button', { name: 'Proefimport (controleren)' }).click();
  const report = page.getByTestId('import-errors');
  await expect(report).toContainText('Het bestand is niet ingelezen');
  const problems = report.locator('tbody tr');
  await expect(problems).toHaveCount(2);
  await expect(problems.nth(0)).toContainText('3');
  await expect(problems.nth(0)).toContainText('naam');
  await expect(problems.nth(1)).toContainText('4');
  await expect(problems.nth(1)).toContainText('plaats');
  await checkAccessibility(page);
  await docScreenshot(page, 'admin-import');

  // The corrected file: a dry run writes nothing, the import then creates all three.
  await page
    .locator('input[type="file"]')
    .setInputFiles(
      csv([
        'complexnummer;naam;plaats;bouwjaar',
        '401;Vlietzicht;Maasland;1978',
        '402;Oranjehof;Maasland;1980',
        '403;Molenhoek;Den Hoorn;1985',
      ]),
    );
  await page.getByRole('button', { name: 'Proefimport (controleren)' }).click();
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('Proefimport: het bestand is in orde');
  await expect(result).toContainText('3 regels: 3 nieuw, 0 bijgewerkt, 0 ongewijzigd.');
  await expect(result).toContainText('bouwjaar');
  await checkAccessibility(page);

  await page.getByRole('button', { name: 'Importeren', exact: true }).click();
  await expect(result).toContainText('De import is klaar');
  await expect(result).toContainText('3 regels: 3 nieuw, 0 bijgewerkt, 0 ongewijzigd.');

  // The imported complex is there to be found, with its own (still empty) complaint folder.
  await page.goto('/zoeken?soort=complexen&q=Molenhoek');
  await page.getByTestId('search-results').getByRole('link', { name: '403 Molenhoek' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('403 Molenhoek');
  await expect(page.getByText('Geen klachten gevonden.')).toBeVisible();
  await checkAccessibility(page);
});

test('an administrator creates an account and an API token, each secret shown once', async ({
  page,
  demoAccount,
  checkAccessibility,
}) => {
  const ruud = demoAccount(RUUD);
  await signInThroughPage(page, ruud.email, ruud.password);
  await expect(page.getByTestId('signed-in-user')).toHaveText('Ruud Mulder');
  await page.goto('/beheer/gebruikers');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gebruikers');
  await checkAccessibility(page);

  // The contract's own validation, at the field.
  await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
  await expect(page.getByTestId('error-summary')).toBeFocused();
  await page.getByRole('textbox', { name: 'Naam', exact: true }).fill('Joost Vermeulen');
  await page
    .getByRole('textbox', { name: 'E-mailadres', exact: true })
    .fill('joost.vermeulen@demo.gehoord.nl');
  await page.getByRole('combobox', { name: 'Afdeling', exact: true }).selectOption({ label: 'Wonen' });
  await page.getByRole('checkbox', { name: 'Medewerker' }).first().check();
  await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
  await expect(page.getByText('Het account van Joost Vermeulen is aangemaakt')).toBeVisible();
  await expect(page.getByTestId('initial-password')).toHaveText(/^\S{24}$/);
  await expect(page.getByTestId('users')).toContainText('joost.vermeulen@demo.gehoord.nl');
  await checkAccessibility(page);

  for (const [link, heading] of [
    ['Afdelingen', 'Afdelingen'],
    ['Keuzelijsten', 'Keuzelijsten'],
    ['Werkdagen', 'Werkdagen en termijn'],
    ['Logboek', 'Logboek'],
    ['API-sleutels', 'API-sleutels'],
  ] as const) {
    await page.getByRole('navigation', { name: 'Beheermenu' }).getByRole('link', { name: link }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(page.getByText('Bezig met laden…')).toHaveCount(0);
    await checkAccessibility(page);
  }

  await page.getByRole('textbox', { name: 'Naam van de koppeling' }).fill('CRM-koppeling');
  await page.getByRole('combobox', { name: 'Mag', exact: true }).selectOption('register');
  await page.getByRole('button', { name: 'Sleutel aanmaken' }).click();
  await expect(page.getByTestId('new-token-secret')).toHaveText(/\S{20,}/);
  const tokens = page.getByTestId('api-tokens');
  await expect(tokens).toContainText('CRM-koppeling');
  page.once('dialog', (dialog) => dialog.accept());
  await tokens.getByRole('button', { name: 'Intrekken CRM-koppeling' }).click();
  await expect(tokens).toContainText('Ingetrokken op');
  await checkAccessibility(page);
});
