import { expect, saveDemoAccounts, test } from './fixtures.ts';

// Runs once, before every other journey (playwright.config.ts projects): it creates the first
// administrator and the demo organisation through the UI, and keeps the demo passwords for the others.

const ADMIN = {
  name: 'Marieke de Boer',
  email: 'beheer@wonenmiddendelfland.nl',
  password: 'lange zomeravond aan de vliet',
};

test.describe.configure({ mode: 'serial' });

test('a wrong setup link is refused with an explanation', async ({ page, checkAccessibility }) => {
  await page.goto('/inrichten#ghi_dezelinkbestaatniet');
  await expect(page.getByTestId('error-summary')).toContainText('Deze installatielink is ongeldig');
  await expect(page.getByRole('link', { name: 'Naar inloggen' })).toBeVisible();
  await checkAccessibility(page);
});

test('the first administrator sets up Gehoord with the demo organisation', async ({
  page,
  checkAccessibility,
}) => {
  // Creating the demo organisation hashes a password for every demo account (argon2): seconds on a busy machine.
  test.setTimeout(60_000);
  const token = process.env.GEHOORD_E2E_SETUP_TOKEN;
  expect(token, 'global setup reads the setup link from the server output').toMatch(/^ghi_/);
  await page.goto(`/inrichten#${token}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gehoord inrichten');
  const organization = page.getByLabel('Naam van de woningcorporatie');
  await expect(organization).toHaveValue('Mijn woningcorporatie');
  await checkAccessibility(page);

  // An empty form: the summary gets focus, names every field, and each field says what is wrong.
  await page.getByRole('button', { name: 'Gehoord inrichten' }).click();
  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveCount(3);
  const name = page.getByLabel('Uw naam');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  const describedBy = (await name.getAttribute('aria-describedby')) ?? '';
  await expect(page.locator(`[id="${describedBy}"]`)).toHaveText('Vul dit veld in.');
  await checkAccessibility(page);
  await summary.getByRole('link', { name: /Uw naam/ }).click();
  await expect(name).toBeFocused();

  await organization.fill('Wonen Midden-Delfland');
  await name.fill(ADMIN.name);
  await page.getByLabel('Uw e-mailadres').fill(ADMIN.email);
  const password = page.getByLabel('Kies een wachtwoord');
  await password.fill('te kort');
  await page.getByRole('button', { name: 'Gehoord inrichten' }).click();
  await expect(summary).toContainText('Dit wachtwoord is te kort');
  await expect(password).toHaveAttribute('aria-invalid', 'true');

  // The server's own policy speaks too: a well-known password is refused on the field.
  await password.fill('wachtwoord12345');
  await page.getByRole('button', { name: 'Gehoord inrichten' }).click();
  await expect(summary).toContainText('veel gebruikt');

  await password.fill(ADMIN.password);
  await expect(page.getByLabel('Laad de demo-organisatie')).toBeChecked();
  await page.getByRole('button', { name: 'Gehoord inrichten' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gehoord is ingericht', {
    timeout: 20_000,
  });
  await expect(page.getByRole('alert')).toContainText('Deze wachtwoorden ziet u maar één keer');
  expect(new URL(page.url()).hash, 'the used-up link leaves the address bar').toBe('');
  const rows = page.getByTestId('demo-accounts').locator('tbody tr');
  await expect(rows).toHaveCount(13);
  await checkAccessibility(page);

  const accounts = await rows.evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? '');
      return { name: cells[0] ?? '', email: cells[1] ?? '', password: cells[4] ?? '' };
    }),
  );
  expect(accounts.map((a) => a.email)).toContain('eva.jansen@demo.gehoord.nl');
  for (const account of accounts) expect(account.password.length).toBeGreaterThanOrEqual(12);
  saveDemoAccounts(accounts);

  await page.getByRole('link', { name: /ga verder/ }).click();
  await expect(page).toHaveURL(/\/werk$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Werk');
  await expect(page.getByTestId('signed-in-user')).toHaveText(ADMIN.name);
  await expect(page.getByText('Wonen Midden-Delfland')).toBeVisible();

  // The demo lacks nothing: every department has a manager and a management assistant of its own.
  await page.goto('/beheer');
  await expect(page).toHaveURL(/\/beheer\/overzicht$/);
  await expect(page.getByTestId('setup-complete')).toBeVisible();
  await checkAccessibility(page);

  await page.getByRole('button', { name: 'Uitloggen', exact: true }).click();
  await expect(page).toHaveURL(/\/inloggen/);
  await expect(page.getByText('U bent uitgelogd.')).toBeVisible();

  // The link works once.
  await page.goto(`/inrichten#${token}`);
  await expect(page.getByTestId('error-summary')).toContainText('Deze installatielink is ongeldig');
});
