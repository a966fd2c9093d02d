import { spawnSync } from 'node:child_process';
import { constants, generateKeyPairSync, privateDecrypt } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { docScreenshot } from './doc-screenshots.ts';
import { expect, test } from './fixtures.ts';

// Issue 25 (decision 047): the platform administrator sets a password with the link `npm run org -- admin create`
// printed, signs in on the platform host name, creates a corporation and hands its setup link on; the link opens
// on the corporation's own host name, where its first administrator sets up and lands in an empty work queue.
// Chromium resolves every *.localhost name to this machine, so both host names reach the test server.

const PASSWORD = 'brede rivier bij zonsopgang';

function platformAdminLink(): string {
  const root = path.resolve(import.meta.dirname, '..');
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'src/server/org-cli.ts'), 'admin', 'create', 'ops@platform.test'],
    {
      cwd: root,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        DATA_DIR: process.env.GEHOORD_E2E_DATA_DIR ?? '',
        PUBLIC_URL: process.env.GEHOORD_E2E_BASE_URL ?? '',
      },
    },
  );
  const link = /(http:\/\/platform\.localhost:\d+\/platform\/wachtwoord#ghp_\S+)/.exec(result.stdout)?.[1];
  if (!link) throw new Error(`no link from npm run org:\n${result.stdout}\n${result.stderr}`);
  return link;
}

test('the platform administrator onboards a corporation and its first administrator sets up', async ({
  page,
  checkAccessibility,
}) => {
  test.setTimeout(150_000);
  await page.goto(platformAdminLink());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Wachtwoord instellen voor platformbeheer',
  );
  await checkAccessibility(page);
  await page.getByLabel('Kies een wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await expect(page.getByRole('status')).toHaveText('Uw wachtwoord is ingesteld. U kunt nu aanmelden.');
  await page.getByRole('link', { name: 'Naar aanmelden' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aanmelden als platformbeheerder');
  await checkAccessibility(page);
  await page.getByLabel('E-mailadres').fill('ops@platform.test');
  await page.getByLabel('Wachtwoord').fill('een verkeerd wachtwoord');
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.getByTestId('error-summary')).toContainText('horen niet bij elkaar');
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Corporaties');
  await expect(page.getByRole('table')).toContainText('Wonen Midden-Delfland');

  // A bad host name is named on its field, in Dutch.
  await page.getByRole('textbox', { name: 'Naam', exact: true }).fill('Woonstad Noord');
  await page.getByLabel('Korte naam').fill('woonstad-noord');
  await page.getByLabel('Hostnamen').fill('geen geldige host!');
  await page.getByRole('button', { name: 'Corporatie aanmaken' }).click();
  await expect(page.getByTestId('error-summary')).toContainText('Hostnamen');
  await checkAccessibility(page);
  await page.getByLabel('Hostnamen').fill('woonstad-noord.localhost');
  await page.getByRole('button', { name: 'Corporatie aanmaken' }).click();
  const link = page.getByTestId('setup-link');
  await expect(link).toContainText('http://woonstad-noord.localhost:');
  await expect(page.getByRole('row', { name: /Woonstad Noord/ })).toContainText('Actief');
  await checkAccessibility(page);
  await docScreenshot(page, 'platform');
  const setupUrl = (await link.textContent()) ?? '';
  expect(setupUrl).toMatch(/\/inrichten#ghi_/);

  // Export the new corporation, encrypted to a key it holds: a bad key is refused on its field, then the job shows
  // its progress and offers the ciphertext, which only the private key opens.
  const keys = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const exportSection = page.getByRole('region', { name: 'Corporatie exporteren' });
  await exportSection
    .getByLabel('Corporatie', { exact: true })
    .selectOption({ label: 'Woonstad Noord (woonstad-noord)' });
  await exportSection.getByText('Nog geen exports van deze corporatie.').waitFor();
  await exportSection.getByRole('textbox', { name: /Openbare sleutel/ }).fill('geen sleutel');
  await exportSection.getByRole('button', { name: 'Export starten' }).click();
  await expect(page.getByTestId('error-summary')).toContainText('openbare RSA-sleutel');
  await checkAccessibility(page);
  await exportSection.getByRole('textbox', { name: /Openbare sleutel/ }).fill(keys.publicKey);
  await exportSection.getByRole('button', { name: 'Export starten' }).click();
  await expect(exportSection.getByTestId('export-list')).toContainText('Klaar', { timeout: 30_000 });
  await expect(exportSection.getByTestId('export-progress')).toContainText(/(\d+) van \1 tabellen/);
  await checkAccessibility(page);
  await docScreenshot(page, 'platform-export');
  const downloading = page.waitForEvent('download');
  await exportSection.getByRole('link', { name: /Versleuteld bestand downloaden/ }).click();
  const file = await readFile((await (await downloading).path()) as string);
  const header = JSON.parse(file.subarray(0, file.indexOf(0x0a)).toString('utf8'));
  expect(header.organization.slug).toBe('woonstad-noord');
  expect(file.toString('latin1')).not.toContain('Woonstad Noord');
  const aesKey = privateDecrypt(
    { key: keys.privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
    Buffer.from(header.wrappedKey, 'base64'),
  );
  expect(aesKey).toHaveLength(32);

  // The corporation's first administrator opens the link on its own host name.
  await page.goto(setupUrl);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gehoord inrichten');
  await expect(page.getByLabel('Naam van de woningcorporatie')).toHaveValue('Woonstad Noord');
  await page.getByLabel('Uw naam').fill('Noor Noord');
  await page.getByLabel('Uw e-mailadres').fill('noor@woonstad-noord.test');
  await page.getByLabel('Kies een wachtwoord').fill(PASSWORD);
  await page.getByLabel('Laad de demo-organisatie').uncheck();
  await page.getByRole('button', { name: 'Gehoord inrichten' }).click();
  // Without the demo there are no one-time passwords to show: straight to the (empty) work queue.
  await expect(page).toHaveURL(/woonstad-noord\.localhost:\d+\/werk$/, { timeout: 20_000 });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Werk');
  await expect(page.getByTestId('signed-in-user')).toHaveText('Noor Noord');
  await expect(page.getByText('Woonstad Noord').first()).toBeVisible();
  await expect(page.getByText('Wonen Midden-Delfland')).toHaveCount(0);
});
