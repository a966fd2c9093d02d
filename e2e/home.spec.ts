import { expect, test } from './fixtures.ts';

test('the home page says what Gehoord is, in Dutch, and is accessible', async ({
  page,
  request,
  checkAccessibility,
}) => {
  // The first-run journey has named the corporation by now; the page shows whatever the API says.
  const organization = (await (await request.get('/api/organization')).json()) as { name: string };
  await page.goto('/');
  await expect(page).toHaveTitle(/Gehoord/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Klachten zijn welkom');
  await expect(page.getByText('binnen vijf werkdagen')).toBeVisible();
  await expect(page.getByText(`Namens ${organization.name}`)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Inloggen voor medewerkers' })).toHaveAttribute(
    'href',
    '/inloggen',
  );
  await checkAccessibility(page);
});

test('the visitor can switch to English and the choice is remembered', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Complaints are welcome');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Complaints are welcome');
});

test('a deep link is served by the single-page app, the API answers problems', async ({ page, request }) => {
  await page.goto('/klacht/volgen');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const response = await request.get('/api/onbekend');
  expect(response.status()).toBe(404);
  expect(response.headers()['content-type']).toContain('application/problem+json');
});

test('the API documentation is browsable', async ({ page }) => {
  await page.goto('/api/docs');
  await expect(page.getByText('Gehoord API').first()).toBeVisible();
  await expect(page.getByText('/health/ready').first()).toBeVisible();
});
