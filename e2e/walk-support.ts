import { expect, type Page } from '@playwright/test';

/** The ids the walk fills into the routes that need one (see every-page.spec.ts). */
export type World = {
  complaintId: string;
  statusPath: string;
  personId: string;
  unitId: string;
  complexId: string;
  quarter: string;
  meetingId: string;
  actionId: string;
};

/** A code as the API sends it: lower case words joined by underscores (`message_sent`, `login_succeeded`). */
const RAW_CODE = /\b[a-z]+(?:_[a-z]+)+\b/g;
/** Visible text that is legitimately snake_case. Keep it short and explain each entry. */
const ALLOWED_SNAKE_CASE: readonly string[] = [];

/**
 * Opens a page, waits until it has loaded its data, and records (softly, so one run reports every page) each
 * console error or uncaught exception meanwhile and each raw code in the visible text.
 */
export async function walkPage(
  page: Page,
  path: string,
  options: { codesShownOnPurpose?: { selector: string; why: string } } = {},
): Promise<void> {
  const problems: string[] = [];
  const onConsole = (message: { type(): string; text(): string; location(): { url: string } }) => {
    if (message.type() === 'error') problems.push(`${message.text()} (${message.location().url})`);
  };
  const onPageError = (error: Error) => problems.push(`uncaught: ${error.message}`);
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  try {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    // A page still loading its data says so (LoadingScreen); a busy machine may take a while.
    await expect(page.getByRole('status').filter({ hasText: /^(Bezig met laden…|Loading…)$/ })).toHaveCount(
      0,
      {
        timeout: 15_000,
      },
    );
    await expect.soft(page.getByRole('heading', { level: 1 }).first(), `a heading on ${path}`).toBeVisible();
    // biome-ignore lint/performance/useDomNodeTextContent: what a person sees, not hidden text (a select's options, templates)
    const text = await page.evaluate(() => document.body.innerText);
    const onPurpose = options.codesShownOnPurpose
      ? (await page.locator(options.codesShownOnPurpose.selector).allInnerTexts()).join('\n')
      : '';
    const raw = [...new Set(text.match(RAW_CODE) ?? [])].filter(
      (code) => !ALLOWED_SNAKE_CASE.includes(code) && !onPurpose.match(new RegExp(`\\b${code}\\b`)),
    );
    expect.soft(raw, `raw codes on ${path}`).toEqual([]);
  } finally {
    page.off('console', onConsole);
    page.off('pageerror', onPageError);
  }
  expect.soft(problems, `console errors on ${path}`).toEqual([]);
}
