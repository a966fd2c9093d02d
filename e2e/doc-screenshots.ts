import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';

/**
 * Screenshots for docs/screenshots (linked from the README), at 1280×720, rewritten only on request:
 * GEHOORD_SCREENSHOTS=1 npm run test:e2e. A normal run leaves the committed images alone.
 */
export async function docScreenshot(page: Page, name: string): Promise<void> {
  if (process.env.GEHOORD_SCREENSHOTS !== '1') return;
  mkdirSync('docs/screenshots', { recursive: true });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: `docs/screenshots/${name}.png` });
}
