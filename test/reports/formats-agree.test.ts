import pg from 'pg';
import { describe, expect, test } from 'vitest';
import type { ReportDocument } from '../../src/contract/reports.ts';
import { hashPassword } from '../../src/server/modules/auth/credentials/password-hashing.ts';
import { seedDataSet } from '../../src/server/seed/seed-data-set.ts';
import { createTestApp } from '../support/app.ts';
import { createTestDatabase } from '../support/database.ts';
import { signInAs } from '../support/sessions.ts';
import { TEST_PASSWORD } from '../support/staff-factories.ts';
import {
  expectCsvAgrees,
  expectPdfAgrees,
  expectWorkbookAgrees,
  getFile,
  getJson,
  pdfText,
} from './report-fixtures.ts';

// A generated corporation (the benchmark's small scale: 3,000 homes, 400 complaints over three years):
// the JSON the web page shows, the PDF, the workbook and the CSV give identical numbers for one period.

const SLOW = { timeout: 120_000 };
const NOW = new Date('2026-11-20T00:00:00Z');
const database = await createTestDatabase();
const client = new pg.Client({ connectionString: database.ownerUrl });
await client.connect();
const summary = await seedDataSet(client, {
  scale: 'small',
  seed: 11,
  now: NOW,
  passwordHash: await hashPassword(TEST_PASSWORD),
}).finally(() => client.end());
// The generated corporation answers on the test app's own host name.
await database.owner.updateTable('organization').set({ is_default: true }).execute();
const app = await createTestApp(database.app);
const member = summary.staff.find((s) => s.roles.includes('management_team'));
const mt = await signInAs(app, member?.email as string);

function numbers(document: ReportDocument) {
  return document.tables.flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => c.value)));
}

describe('every format gives the same numbers (generated data set)', () => {
  test('quarterly report 2026-Q2: JSON, PDF text, workbook and CSV agree', SLOW, async () => {
    const report = await getJson(mt, '/api/reports/quarterly?quarter=2026-Q2');
    const received = report.tables.find((t) => t.id === 'summary')?.rows.find((r) => r.key === 'received');
    expect(received?.cells[0]?.value as number).toBeGreaterThan(10);
    // issue 26 (decision 050): the satisfaction tables are in every format (checked below with all tables); a
    // group with fewer than 5 answers shows its count and the withheld text, never a score
    const satisfaction = report.tables.filter((t) => t.id.startsWith('satisfaction_'));
    expect(satisfaction.map((t) => t.id)).toEqual([
      'satisfaction_overall',
      'satisfaction_by_category',
      'satisfaction_by_channel',
      'satisfaction_by_department',
      'satisfaction_by_team',
      'satisfaction_by_verdict',
      'satisfaction_by_quarter',
    ]);
    for (const row of satisfaction.flatMap((t) => t.rows)) {
      const answers = row.cells[1]?.value as number;
      const score = row.cells[3]?.value;
      if (answers < 5) expect(score).toBe(`te weinig antwoorden (n=${answers})`);
      else expect(typeof score).toBe('number');
    }
    const base = '/api/reports/quarterly/export?quarter=2026-Q2';
    expectPdfAgrees(report, pdfText(await getFile(mt, `${base}&format=pdf`)));
    await expectWorkbookAgrees(report, await getFile(mt, `${base}&format=xlsx`));
    for (const table of report.tables) {
      expectCsvAgrees(table, (await getFile(mt, `${base}&format=csv&table=${table.id}`)).toString('utf8'));
    }
    // The all-tables CSV holds the same blocks one after another.
    const all = (await getFile(mt, `${base}&format=csv`)).toString('utf8');
    for (const table of report.tables) expect(all).toContain(table.title);
  });

  test('the annual report per department adds up to the whole organisation', SLOW, async () => {
    const whole = await getJson(mt, '/api/reports/annual?year=2025');
    const byDepartment = whole.tables.find((t) => t.id === 'by_department')?.rows ?? [];
    expect(byDepartment.length).toBeGreaterThan(1);
    let sum = 0;
    for (const row of byDepartment) {
      if (row.key === null) {
        sum += row.cells[0]?.value as number;
        continue;
      }
      const part = await getJson(mt, `/api/reports/annual?year=2025&departmentId=${row.key}`);
      expect(part.department?.id).toBe(row.key);
      const received = part.tables.find((t) => t.id === 'summary')?.rows.find((r) => r.key === 'received');
      expect(received?.cells[0]?.value).toBe(row.cells[0]?.value);
      sum += received?.cells[0]?.value as number;
    }
    const total = whole.tables.find((t) => t.id === 'summary')?.rows.find((r) => r.key === 'received');
    expect(sum).toBe(total?.cells[0]?.value);
    expect(numbers(whole).every((v) => v === null || typeof v === 'string' || Number.isFinite(v))).toBe(true);
  });
});
