import { type Browser, type Page, request as playwrightRequest } from '@playwright/test';
import { expect, type SavedAccount, test } from './fixtures.ts';

// Issue 21: the front door a tenant finds at `/`: server-rendered, working without JavaScript on a phone,
// leading to the complaint form and to following a complaint, with the corporation's contact details.

const PHONE = { width: 360, height: 640 };

async function noJavaScriptPhone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: PHONE,
    baseURL: process.env.GEHOORD_E2E_BASE_URL,
    locale: 'nl-NL',
  });
  return context.newPage();
}

/** axe needs JavaScript: scan the same HTML at 360 px with only the portal's own script blocked. */
async function scanAtPhoneSize(page: Page, url: string, check: (page: Page) => Promise<void>) {
  await page.setViewportSize(PHONE);
  await page.route('**/portal-assets/portal.js*', (route) => route.abort());
  await page.goto(url);
  await check(page);
  await page.unroute('**/portal-assets/portal.js*');
}

async function setContactDetails(account: SavedAccount) {
  const baseURL = process.env.GEHOORD_E2E_BASE_URL ?? '';
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const login = await api.post('/api/auth/login', {
    data: { email: account.email, password: account.password },
  });
  expect(login.status(), await login.text()).toBe(200);
  const current = await (await api.get('/api/admin/portal-settings')).json();
  const saved = await api.put('/api/admin/portal-settings', {
    data: {
      ...current,
      contactPhone: '015 380 40 40',
      contactHours: 'Maandag tot en met vrijdag van 8.30 tot 17.00 uur',
    },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  await api.dispose();
}

test('a tenant on a phone without JavaScript finds the form, the way to follow a complaint and our phone number', async ({
  browser,
  page: scanner,
  request,
  demoAccount,
  checkAccessibility,
}) => {
  await setContactDetails(demoAccount('ruud.mulder@demo.gehoord.nl'));
  const organization = (await (await request.get('/api/organization')).json()) as { name: string };
  const page = await noJavaScriptPhone(browser);
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page).toHaveTitle(`Klachten – ${organization.name}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Klachten ${organization.name}`);
  await expect(page.getByRole('link', { name: '015 380 40 40' })).toHaveAttribute('href', 'tel:0153804040');
  await expect(
    page.getByRole('main').getByText('Maandag tot en met vrijdag van 8.30 tot 17.00 uur'),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Inloggen voor medewerkers' })).toHaveAttribute(
    'href',
    '/inloggen',
  );
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await scanAtPhoneSize(scanner, '/', checkAccessibility);

  await page.getByRole('link', { name: 'Klacht indienen' }).click();
  await expect(page).toHaveURL(/\/klacht$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Een klacht indienen');
  await page.getByRole('link', { name: organization.name }).click();
  await expect(page).toHaveURL(/\/$/);

  await page.getByRole('link', { name: 'Mijn klacht volgen' }).click();
  await expect(page).toHaveURL(/\/klacht\/status$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Uw klacht volgen met een code');
  await page.context().close();
});

test('the front door is in English at /en, through the language link', async ({
  browser,
  page: scanner,
  checkAccessibility,
}) => {
  const page = await noJavaScriptPhone(browser);
  await page.goto('/');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/en$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('link', { name: 'Make a complaint' })).toHaveAttribute('href', '/complaint');
  await expect(page.getByRole('link', { name: 'Staff sign-in' })).toBeVisible();
  await scanAtPhoneSize(scanner, '/en', checkAccessibility);
  await page.context().close();
});

test('a mistyped address gets a page that leads home; the staff app and the API keep their own answers', async ({
  page,
  request,
  checkAccessibility,
}) => {
  const missing = await page.goto('/klacht/volgen');
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deze pagina bestaat niet');
  await checkAccessibility(page);
  await page.getByRole('link', { name: 'Naar de beginpagina' }).click();
  await expect(page.getByRole('link', { name: 'Klacht indienen' })).toBeVisible();

  // A staff bookmark still opens the staff app (which asks to sign in first)
  await page.goto('/beheer/overzicht');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inloggen voor medewerkers');

  const response = await request.get('/api/onbekend');
  expect(response.status()).toBe(404);
  expect(response.headers()['content-type']).toContain('application/problem+json');
});

test('the API documentation is browsable', async ({ page }) => {
  await page.goto('/api/docs');
  await expect(page.getByText('Gehoord API').first()).toBeVisible();
  await expect(page.getByText('/health/ready').first()).toBeVisible();
});
