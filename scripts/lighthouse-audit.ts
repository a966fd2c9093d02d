// Lighthouse on the public portal pages, shared by `npm run audit:a11y` (scripts/audit-portal-a11y.ts) and
// the browser test e2e/lighthouse.spec.ts. Runs Lighthouse's CLI in Debian's Chromium.
//
// Preset: Lighthouse's desktop preset (decision 026). The server runs on this machine, so the network
// part of the mobile preset's simulated Slow 4G is made up anyway; desktop's simulated throttling (40 ms
// RTT, 10 Mbit/s, no CPU slowdown) is the audit tenants on a home computer get, and the portal also
// passes the mobile preset on its own (`npm run audit:a11y -- --mobile`).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
export const CHROMIUM = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS =
  '--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

export type PageAudit = {
  scores: Record<Category, number>;
  /** Weighted audits that did not get full marks, per category. */
  failed: { category: Category; id: string; title: string; score: number }[];
};

type Report = {
  runtimeError?: { code: string; message: string };
  categories: Record<Category, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { score: number | null; title: string }>;
};

/**
 * Lighthouse's own runtime errors that it answers with "Please run Lighthouse again": a trace that did not
 * record the navigation, or Chromium too busy to answer the protocol in time. They say nothing about the
 * page, so a run that hits one is repeated (twice at most); every other failure, and every score, counts.
 */
const TRANSIENT_RUNTIME_ERRORS = new Set([
  'NO_NAVSTART',
  'NO_TRACING_STARTED',
  'NO_RESOURCE_REQUEST',
  'PROTOCOL_TIMEOUT',
  'CRI_TIMEOUT',
]);
const ATTEMPTS = 3;

export function runLighthouse(url: string, options: { mobile?: boolean } = {}): PageAudit {
  for (let attempt = 1; ; attempt += 1) {
    const outcome = lighthouseOnce(url, options);
    if (outcome.report) return summarise(outcome.report);
    if (attempt >= ATTEMPTS || !outcome.code || !TRANSIENT_RUNTIME_ERRORS.has(outcome.code))
      throw new Error(outcome.error);
    process.stderr.write(
      `lighthouse: ${outcome.code} on ${url}, running it again (${attempt}/${ATTEMPTS - 1})\n`,
    );
  }
}

function lighthouseOnce(
  url: string,
  options: { mobile?: boolean },
):
  | { report: Report; code?: undefined; error?: undefined }
  | { report?: undefined; code?: string; error: string } {
  const result = spawnSync(
    path.join(root, 'node_modules/.bin/lighthouse'),
    [
      url,
      `--only-categories=${CATEGORIES.join(',')}`,
      ...(options.mobile ? [] : ['--preset=desktop']),
      '--output=json',
      '--output-path=stdout',
      '--quiet',
      `--chrome-flags=${CHROME_FLAGS}`,
    ],
    { env: { ...process.env, CHROME_PATH: CHROMIUM }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.status !== 0) {
    const code = /\(([A-Z_]+)\)\s*$/m.exec(result.stderr ?? '')?.[1];
    return { code, error: `lighthouse failed for ${url}:\n${result.stderr}` };
  }
  const report = JSON.parse(result.stdout) as Report;
  if (report.runtimeError)
    return {
      code: report.runtimeError.code,
      error: `lighthouse could not audit ${url}: ${report.runtimeError.message}`,
    };
  return { report };
}

function summarise(report: Report): PageAudit {
  const scores = Object.fromEntries(
    CATEGORIES.map((category) => [category, Math.round((report.categories[category].score ?? 0) * 100)]),
  ) as Record<Category, number>;
  const failed = CATEGORIES.flatMap((category) =>
    report.categories[category].auditRefs
      .filter((ref) => ref.weight > 0)
      .map((ref) => ({ ref, audit: report.audits[ref.id] }))
      .filter(({ audit }) => audit !== undefined && audit.score !== null && audit.score < 1)
      .map(({ ref, audit }) => ({
        category,
        id: ref.id,
        title: audit?.title ?? ref.id,
        score: audit?.score ?? 0,
      })),
  );
  return { scores, failed };
}

/**
 * Pages behind a private status link say `noindex` on purpose (a search engine must never list them), so
 * Lighthouse's SEO audit "Page is blocked from indexing" is the one audit they are meant to fail.
 */
export const PRIVATE_PAGE_MISSES = ['is-crawlable'];

/** Sends the complaint form as a browser would (after the minimum fill time); returns its two pages. */
export async function submitComplaint(baseUrl: string): Promise<{ confirmation: string; status: string }> {
  const form = await (await fetch(`${baseUrl}/klacht`)).text();
  const formToken = /name="formToken" value="([^"]+)"/.exec(form)?.[1];
  if (!formToken) throw new Error('no form token on /klacht');
  await new Promise((resolve) => setTimeout(resolve, 3500));
  const response = await fetch(`${baseUrl}/klacht`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl },
    body: new URLSearchParams({
      formToken,
      topic: 'complaint',
      onBehalf: 'self',
      relation: 'tenant',
      name: 'Lighthouse Audit',
      email: 'audit@example.nl',
      phone: '06 12345678',
      preferredContact: 'email',
      description: 'Een klacht om de toegankelijkheid van de pagina’s te meten.',
    }).toString(),
  });
  const location = response.headers.get('location');
  if (response.status !== 303 || !location) throw new Error(`the form was not accepted (${response.status})`);
  const confirmation = new URL(location, baseUrl).toString();
  return { confirmation, status: confirmation.replace(/\/ontvangen$/, '') };
}

/** The public pages, each with whether it is private (behind a status link). */
export function publicPages(baseUrl: string, complaint: { confirmation: string; status: string }) {
  return [
    { name: 'front door (nl)', url: `${baseUrl}/`, private: false },
    { name: 'front door (en)', url: `${baseUrl}/en`, private: false },
    { name: 'form (nl)', url: `${baseUrl}/klacht`, private: false },
    { name: 'form (en)', url: `${baseUrl}/complaint`, private: false },
    { name: 'code page (nl)', url: `${baseUrl}/klacht/status`, private: false },
    { name: 'confirmation', url: complaint.confirmation, private: true },
    { name: 'status', url: complaint.status, private: true },
    // Issue 21 (decision 028): the Arabic pages read right to left; the same status link works in every language
    { name: 'front door (ar)', url: `${baseUrl}/ar`, private: false },
    {
      name: 'status (ar)',
      url: complaint.status.replace('/klacht/status/', '/ar/klacht/status/'),
      private: true,
    },
  ];
}
