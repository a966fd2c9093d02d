import { generateTotp } from '../src/server/modules/auth/credentials/totp.ts';
import { expect, signInThroughPage, test } from './fixtures.ts';

// Each journey uses its own demo account: what one changes (password, second factor) stays changed.

test('a staff member changes the password and signs in with the new one', async ({
  page,
  demoAccount,
  checkAccessibility,
}) => {
  const lotte = demoAccount('lotte.bakker@demo.gehoord.nl');
  const newPassword = 'fietsen langs de maas bij maassluis';
  await signInThroughPage(page, lotte.email, lotte.password);
  await page.getByRole('link', { name: 'Mijn account' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn account');

  const current = page.getByRole('textbox', { name: 'Huidig wachtwoord' });
  const next = page.getByRole('textbox', { name: 'Nieuw wachtwoord' });
  await current.fill('niet het huidige wachtwoord');
  await next.fill(newPassword);
  await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
  await expect(page.getByTestId('error-summary')).toContainText('horen niet bij elkaar');
  await expect(page.getByTestId('error-summary')).toBeFocused();

  await current.fill(lotte.password);
  await next.fill(newPassword);
  await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
  await expect(page.getByRole('status')).toContainText('Uw wachtwoord is gewijzigd');
  await checkAccessibility(page);

  await page.getByRole('button', { name: 'Uitloggen', exact: true }).click();
  // Signing out reloads the page; a sign-in started before that reload is aborted by it (seen under load)
  await expect(page.getByText('U bent uitgelogd.')).toBeVisible();
  await signInThroughPage(page, lotte.email, lotte.password);
  await expect(page.getByTestId('error-summary')).toContainText('horen niet bij elkaar');
  await signInThroughPage(page, lotte.email, newPassword);
  await expect(page.getByTestId('signed-in-user')).toHaveText('Lotte Bakker');
});

test('a staff member turns on two-step verification and then needs the code to sign in', async ({
  page,
  demoAccount,
  checkAccessibility,
}) => {
  const anouk = demoAccount('anouk.smit@demo.gehoord.nl');
  await signInThroughPage(page, anouk.email, anouk.password);
  await page.getByRole('link', { name: 'Mijn account' }).click();
  await page.getByRole('link', { name: 'Tweestapsverificatie instellen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tweestapsverificatie instellen');
  await expect(page.getByRole('img', { name: /QR-code/ })).toBeVisible();
  const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await checkAccessibility(page);

  const code = page.getByRole('textbox', { name: 'Code uit de app' });
  await code.fill('000000');
  await page.getByRole('button', { name: 'Tweestapsverificatie aanzetten' }).click();
  await expect(page.getByTestId('error-summary')).toContainText('Deze code klopt niet');

  await code.fill(generateTotp(secret, new Date()));
  await page.getByRole('button', { name: 'Tweestapsverificatie aanzetten' }).click();
  await expect(page.getByRole('status')).toContainText('Tweestapsverificatie staat nu aan');
  await page.getByRole('link', { name: 'Terug naar mijn account' }).click();
  await expect(page.getByText('Tweestapsverificatie staat aan.')).toBeVisible();
  await page.getByRole('button', { name: 'Uitloggen', exact: true }).click();
  // Signing out reloads the page; wait for it so the next sign-in does not race the reload
  await expect(page.getByRole('button', { name: 'Uitloggen', exact: true })).toBeHidden();

  await signInThroughPage(page, anouk.email, anouk.password);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tweestapsverificatie');
  await checkAccessibility(page);
  // Without the code the session is not usable yet.
  await page.goto('/werk');
  await expect(page).toHaveURL(/\/inloggen\?terug=%2Fwerk$/);
  await page.getByRole('textbox', { name: 'E-mailadres' }).fill(anouk.email);
  await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(anouk.password);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  const secondFactor = page.getByRole('textbox', { name: 'Code uit de app' });
  await secondFactor.fill('12345');
  await page.getByRole('button', { name: 'Controleren' }).click();
  await expect(page.getByTestId('error-summary')).toContainText('Vul de zes cijfers uit de app in.');
  // The code that turned it on was used up; the next step's code is accepted (one step of clock drift).
  await secondFactor.fill(generateTotp(secret, new Date(Date.now() + 30_000)));
  await page.getByRole('button', { name: 'Controleren' }).click();
  await expect(page).toHaveURL(/\/werk$/);
  await expect(page.getByTestId('signed-in-user')).toHaveText('Anouk Smit');
});
