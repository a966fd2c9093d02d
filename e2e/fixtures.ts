import { AxeBuilder } from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/** Tests get `baseURL` from the server started in global setup, and an accessibility check. */
export const test = base.extend<{ checkAccessibility: (page: Page) => Promise<void> }>({
  baseURL: async ({}, use) => {
    await use(process.env.GEHOORD_E2E_BASE_URL);
  },
  checkAccessibility: async ({}, use) => {
    await use(async (page) => {
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      const summary = results.violations.map(
        (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} element(s)`,
      );
      expect(summary, 'WCAG 2.2 AA violations').toEqual([]);
    });
  },
});

test.beforeEach(() => {
  test.skip(process.env.GEHOORD_E2E_SKIP === '1', 'GEHOORD_SKIP_BROWSER_TESTS=1 and no Chromium installed');
});

export { expect };
