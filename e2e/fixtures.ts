import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import type { DemoAccount } from '../src/contract/setup.ts';
import { shiftBrowserClock } from './clock.ts';

/** What a demo account needs to sign in; the first-run journey reads it off the one-time table. */
export type SavedAccount = Pick<DemoAccount, 'name' | 'email' | 'password'>;

const demoAccountsFile = () => path.join(process.env.GEHOORD_E2E_STATE_DIR ?? '', 'demo-accounts.json');

/** The first-run journey keeps the demo accounts (their passwords are shown once) for the journeys after it. */
export function saveDemoAccounts(accounts: SavedAccount[]): void {
  writeFileSync(demoAccountsFile(), JSON.stringify(accounts, null, 2));
}

/** Tests get `baseURL` from the server started in global setup, an accessibility check and the demo accounts. */
export const test = base.extend<{
  checkAccessibility: (page: Page) => Promise<void>;
  demoAccount: (email: string) => SavedAccount;
}>({
  baseURL: async ({}, use) => {
    await use(process.env.GEHOORD_E2E_BASE_URL);
  },
  // The browser's Date stands on the server's clock (GEHOORD_CLOCK, decision 042)
  context: async ({ context }, use) => {
    await shiftBrowserClock(context);
    await use(context);
  },
  checkAccessibility: async ({}, use) => {
    await use(async (page) => {
      // Scan what a person sees once things settle: a dialog fading in has not reached its real contrast yet
      await page.waitForTimeout(250);
      await page.evaluate(() =>
        Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))),
      );
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      const summary = results.violations.map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} element(s): ` +
          v.nodes.map((node) => `${node.target.join(' ')} ${node.any[0]?.message ?? ''}`).join('; '),
      );
      expect(summary, 'WCAG 2.2 AA violations').toEqual([]);
    });
  },
  demoAccount: async ({}, use) => {
    await use((email) => {
      const accounts = JSON.parse(readFileSync(demoAccountsFile(), 'utf8')) as SavedAccount[];
      const account = accounts.find((candidate) => candidate.email === email);
      if (!account) throw new Error(`No demo account ${email}; did the first-run journey pass?`);
      return account;
    });
  },
});

test.beforeEach(() => {
  test.skip(process.env.GEHOORD_E2E_SKIP === '1', 'GEHOORD_SKIP_BROWSER_TESTS=1 and no Chromium installed');
});

/** Signs in through the sign-in page, as a person would. */
export async function signInThroughPage(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/inloggen');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
}

export { expect };
