import { expect, signInThroughPage, test } from './fixtures.ts';

// Demo accounts come from the first-run journey (playwright.config.ts runs it first).
const EVA = 'eva.jansen@demo.gehoord.nl';
const SANNE = 'sanne.degroot@demo.gehoord.nl';

test('the sign-in page is accessible, and offers no single sign-on when none is configured', async ({
  page,
  request,
  checkAccessibility,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Inloggen voor medewerkers' }).click();
  await expect(page).toHaveURL(/\/inloggen$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inloggen voor medewerkers');
  // This server has no identity provider configured, so the page must not offer single sign-on.
  const sso = await request.get('/api/auth/sso');
  expect(await sso.json()).toEqual({ enabled: false, startUrl: null });
  await expect(page.getByRole('link', { name: 'Inloggen met uw organisatie-account' })).toHaveCount(0);
  await checkAccessibility(page);
});

test('a demo employee signs in, sees who is signed in, and signs out', async ({
  page,
  demoAccount,
  checkAccessibility,
}) => {
  const eva = demoAccount(EVA);
  await signInThroughPage(page, eva.email, eva.password);
  await expect(page).toHaveURL(/\/werk$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Werk');
  await expect(page.getByRole('tab', { name: 'Mijn werk' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('signed-in-user')).toHaveText('Eva Jansen');
  await expect(page.getByText('Wonen Midden-Delfland')).toBeVisible();
  await checkAccessibility(page);

  // The session survives a reload; the menu says where you are.
  await page.reload();
  await expect(page.getByRole('link', { name: 'Werk' })).toHaveAttribute('aria-current', 'page');

  await page.getByRole('button', { name: 'Uitloggen', exact: true }).click();
  await expect(page).toHaveURL(/\/inloggen\?uitgelogd=ja$/);
  await expect(page.getByText('U bent uitgelogd.')).toBeVisible();

  // Signed out means signed out: the protected page sends you to sign in, and back after.
  await page.goto('/account');
  await expect(page).toHaveURL(/\/inloggen\?terug=%2Faccount$/);
  await page.getByLabel('E-mailadres').fill(eva.email);
  await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(eva.password);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn account');
  await checkAccessibility(page);
});

test('a wrong password gets the same generic answer as an unknown address', async ({
  page,
  demoAccount,
  checkAccessibility,
}) => {
  const generic = 'Dit e-mailadres en wachtwoord horen niet bij elkaar.';
  await signInThroughPage(page, demoAccount(SANNE).email, 'niet het goede wachtwoord');
  const summary = page.getByTestId('error-summary');
  await expect(summary).toHaveText(new RegExp(generic));
  await expect(summary).toBeFocused();
  await expect(page.getByRole('textbox', { name: 'Wachtwoord', exact: true })).toHaveValue('');
  await expect(page).toHaveURL(/\/inloggen$/);
  await checkAccessibility(page);

  await signInThroughPage(page, 'niemand@demo.gehoord.nl', 'niet het goede wachtwoord');
  await expect(summary).toHaveText(new RegExp(generic));
});

test('empty fields are named in the summary and linked to their message', async ({ page }) => {
  await page.goto('/inloggen');
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText([
    'E-mailadres: Vul dit veld in.',
    'Wachtwoord: Vul dit veld in.',
  ]);
  const email = page.getByLabel('E-mailadres');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription('Vul dit veld in.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(email).toBeFocused();
});

test('after five wrong passwords the address is locked, and the page says for how long', async ({ page }) => {
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await signInThroughPage(page, 'geblokkeerd@demo.gehoord.nl', `fout wachtwoord ${attempt}`);
    await expect(page.getByTestId('error-summary')).toContainText('horen niet bij elkaar');
  }
  await signInThroughPage(page, 'geblokkeerd@demo.gehoord.nl', 'nog een poging');
  await expect(page.getByTestId('error-summary')).toContainText(
    'Te veel mislukte pogingen. Wacht een kwartier en probeer het dan opnieuw. U kunt het over 15 minuten opnieuw proberen.',
  );
});

test('an error code in the address (from a sign-on redirect) is explained', async ({
  page,
  checkAccessibility,
}) => {
  await page.goto('/inloggen?fout=sso_unknown_user');
  await expect(page.getByTestId('error-summary')).toContainText('Er is in Gehoord geen account gekoppeld');
  await page.goto('/inloggen?fout=iets_onbekends');
  await expect(page.getByTestId('error-summary')).toContainText(
    'Inloggen is niet gelukt. Probeer het opnieuw.',
  );
  await checkAccessibility(page);
});

test('the sign-in page follows the language switch', async ({ page }) => {
  await page.goto('/inloggen');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Staff sign-in');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('error-summary')).toContainText('E-mail address: Fill in this field.');
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await expect(page.getByTestId('error-summary')).toContainText('E-mailadres: Vul dit veld in.');
});

test('signing out everywhere ends the sessions on other devices too', async ({ browser, demoAccount }) => {
  const sanne = demoAccount(SANNE);
  const laptop = await browser.newPage({ baseURL: process.env.GEHOORD_E2E_BASE_URL });
  const phone = await browser.newPage({ baseURL: process.env.GEHOORD_E2E_BASE_URL });
  for (const device of [laptop, phone]) {
    await signInThroughPage(device, sanne.email, sanne.password);
    await expect(device.getByTestId('signed-in-user')).toHaveText('Sanne de Groot');
  }
  await laptop.getByRole('button', { name: 'Overal uitloggen' }).click();
  await expect(laptop.getByText('U bent uitgelogd op al uw apparaten.')).toBeVisible();
  await phone.reload();
  await expect(phone).toHaveURL(/\/inloggen\?terug=%2Fwerk$/);
  await laptop.close();
  await phone.close();
});
