import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

// Issue 21 (decision 028): a tenant who reads Arabic uses the portal right to left, on a phone, without
// JavaScript: the Arabic form, the confirmation, and the status page opened from its link.

const PHONE = { width: 360, height: 640 };
// The server refuses forms sent faster than a person can (PORTAL_MINIMUM_FILL_SECONDS, default 3).
const MINIMUM_FILL_MS = 3200;

async function noJavaScriptPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: PHONE,
    baseURL: process.env.GEHOORD_E2E_BASE_URL,
    locale: 'ar',
  });
  return context.newPage();
}

async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('without JavaScript, a tenant complains in Arabic and follows the complaint right to left', async ({
  browser,
  page,
  checkAccessibility,
}) => {
  const tenant = await noJavaScriptPage(browser);
  await tenant.goto('/klacht');
  // the language switch on the Dutch form leads to the Arabic one
  await tenant.getByRole('link', { name: 'العربية' }).click();
  await expect(tenant).toHaveURL(/\/ar\/klacht$/);
  const openedAt = Date.now();
  await expect(tenant.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(tenant.getByRole('heading', { level: 1 })).toHaveText('تقديم شكوى');
  await tenant.getByLabel('أنا غير راضٍ عن الطريقة التي تم بها أمر ما (شكوى)').check();
  await tenant.getByLabel('لنفسي').check();
  await tenant.getByLabel('اسمك', { exact: true }).fill('فاطمة العلوي');
  await tenant.getByLabel('أستأجر مسكنًا منكم').check();
  await tenant.getByLabel('عنوان البريد الإلكتروني').fill('fatima@example.nl');
  await tenant.getByLabel('رقم الهاتف').fill('06 12345678');
  await tenant.getByLabel('الهاتف', { exact: true }).check();
  await tenant.getByLabel('ما الذي حدث بشكل خاطئ؟').fill('المصعد معطل منذ ثلاثة أسابيع.');
  const left = MINIMUM_FILL_MS - (Date.now() - openedAt);
  if (left > 0) await tenant.waitForTimeout(left);
  await tenant.getByRole('button', { name: 'إرسال الشكوى' }).click();
  await expect(tenant.getByRole('heading', { level: 1 })).toHaveText('شكرًا لك، لقد استلمنا شكواك');
  const reference = (await tenant.locator('.reference').textContent()) ?? '';
  expect(reference).toMatch(/^K-\d{4}-\d{5}$/);
  const statusUrl = (await tenant.locator('.status-link a').getAttribute('href')) ?? '';
  expect(statusUrl).toMatch(/\/ar\/klacht\/status\/[A-Za-z0-9_-]{43}$/);
  await tenant.goto(statusUrl);
  await expect(tenant.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(tenant.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(tenant.getByRole('heading', { level: 1 })).toContainText(reference);
  await expect(tenant.getByText('لقد استلمنا شكواك')).toBeVisible();
  await expectNoHorizontalScroll(tenant);
  await tenant.context().close();

  // axe needs JavaScript: the same page with only the portal's own script blocked (the server renders the
  // same HTML either way), on a phone
  await page.route('**/portal-assets/portal.js*', (route) => route.abort());
  await page.setViewportSize(PHONE);
  await page.goto(statusUrl);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  // mirrored: the corporation's name and the language switch start at the right edge, the text too
  const brand = await page.locator('.brand').boundingBox();
  const languages = await page.locator('nav.language li').first().boundingBox();
  const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
  for (const box of [brand, languages, heading])
    expect(box && box.x + box.width).toBeGreaterThan(PHONE.width - 40);
  expect(brand?.x).toBeGreaterThan(40);
  await page.screenshot({ path: test.info().outputPath('status-ar-360.png'), fullPage: true });
  const switches: [string, string][] = [
    ['nl', 'Nederlands'],
    ['en', 'English'],
    ['tr', 'Türkçe'],
    ['pl', 'Polski'],
  ];
  for (const [lang, name] of switches) {
    const link = page.getByRole('link', { name, exact: true });
    await expect(link).toHaveAttribute('hreflang', lang);
    await expect(link).toHaveAttribute('lang', lang);
  }
  await expectNoHorizontalScroll(page);
  await checkAccessibility(page);
  // the code page for letters, in Arabic too
  await page.goto('/ar/klacht/status');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('تابع شكواك برمز');
  await expectNoHorizontalScroll(page);
  await checkAccessibility(page);
});
