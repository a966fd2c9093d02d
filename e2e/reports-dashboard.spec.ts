import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { quarterOfDay } from '../src/domain/learning.ts';
import { e2eToday } from './clock.ts';
import { docScreenshot } from './doc-screenshots.ts';
import { expect, signInThroughPage, test } from './fixtures.ts';
import { staffApiSession } from './staff-api-session.ts';

// Henk (board and MT) looks at the current quarter: the dashboard's numbers are the report's numbers, every
// number opens the complaints behind it, and every chart has its table.
const HENK = 'henk.visser@demo.gehoord.nl';
const EVA = 'eva.jansen@demo.gehoord.nl';

type Summary = {
  tables: { id: string; rows: { key: string | null; cells: { value: number | string | null }[] }[] }[];
};

test('the reports dashboard shows the quarter at a glance, drills down to complaints and offers each chart as a table', async ({
  page,
  baseURL,
  demoAccount,
  checkAccessibility,
}) => {
  test.setTimeout(90_000);
  const quarter = quarterOfDay(e2eToday());
  const eva = demoAccount(EVA);
  const evaApi = await staffApiSession(baseURL as string, eva.email, eva.password);
  const complaint = await evaApi.post<{ id: string; reference: string }>('/api/complaints', {
    channel: 'email',
    complainant: { name: 'Mevrouw R. Jansen', email: 'r.jansen@example.nl' },
    description: 'De cv-ketel is na de reparatie nog steeds stuk.',
  });
  await evaApi.dispose();

  const henk = demoAccount(HENK);
  await signInThroughPage(page, henk.email, henk.password);
  await page.getByRole('link', { name: 'Rapportages' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rapportages en inzicht');
  const report = (await (
    await page.request.get(`/api/reports/quarterly?quarter=${quarter}`)
  ).json()) as Summary;
  const received = report.tables.find((t) => t.id === 'summary')?.rows.find((r) => r.key === 'received')
    ?.cells[0]?.value;
  expect(received).toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId('kpi-received').getByRole('button')).toHaveText(String(received));
  await expect(page.getByRole('img', { name: /Grafiek: Ontvangen en beantwoord per maand/ })).toBeVisible();
  await checkAccessibility(page);
  await docScreenshot(page, 'reports-dashboard');

  // Drill down from the number of complaints received to the complaint registered above.
  await page.getByTestId('kpi-received').getByRole('button').click();
  const dialog = page.getByRole('dialog', { name: 'Klachten achter: Ontvangen' });
  await expect(dialog.getByRole('link', { name: complaint.reference })).toBeVisible();
  await expect(dialog.getByTestId('drill-total')).toContainText(String(received));
  await checkAccessibility(page);
  await page.keyboard.press('Escape');

  // The channel chart as a table: the same number as the report.
  const channelCard = page.getByRole('region', { name: 'Ontvangen per kanaal' }).first();
  await channelCard.getByRole('button', { name: 'Toon als tabel' }).click();
  const email = report.tables.find((t) => t.id === 'by_channel')?.rows.find((r) => r.key === 'email')
    ?.cells[0]?.value;
  await expect(channelCard.getByRole('row', { name: /E-mail/ })).toContainText(String(email));
  await checkAccessibility(page);

  // The quarterly report as PDF, rendered to images for the documentation.
  const pdf = await page.request.get(`/api/reports/quarterly/export?quarter=${quarter}&format=pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  if (process.env.GEHOORD_SCREENSHOTS === '1') {
    const dir = mkdtempSync(path.join(tmpdir(), 'gehoord-report-pdf-'));
    try {
      writeFileSync(path.join(dir, 'report.pdf'), await pdf.body());
      for (const [pageNumber, name] of [
        [1, 'quarterly-report-cover'],
        [3, 'quarterly-report-charts'],
        [5, 'quarterly-report-tables'],
      ] as const) {
        execFileSync('pdftoppm', [
          '-png',
          '-r',
          '70',
          '-f',
          String(pageNumber),
          '-l',
          String(pageNumber),
          '-singlefile',
          path.join(dir, 'report.pdf'),
          `docs/screenshots/${name}`,
        ]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});
