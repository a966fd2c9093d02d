import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ReportDocument } from '../../src/contract/reports.ts';
import { quarterOfDay, toLocalDate } from '../../src/domain/index.ts';
import { createTestApp } from '../support/app.ts';
import { createComplaintWorld, register } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import type { Client } from '../support/sessions.ts';
import { getFile, getJson, pdfText } from './report-fixtures.ts';

// Issue 20, report exports: the figures of a report count every complaint (policy 3.2, complaintExposure
// 'counted'), but no exported file (JSON, PDF, workbook, CSV; quarterly and annual) shows a row of a complaint
// the reader may not see: no reference, no complainant, no text.

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const { as } = world;
const SECRET = 'RAPPORT-GEHEIM';
const today = toLocalDate(new Date());
const quarter = quarterOfDay(today);
const year = Number(today.slice(0, 4));

await database.owner
  .updateTable('person')
  .set({ name: 'Henk Geheimhouder' })
  .where('id', '=', world.tenant.id)
  .execute();

/** A complaint in Vastgoed about Karel, confidential for the given reason. */
async function hiddenComplaint(reason: string) {
  const complaint = await register(as.eva, {
    channel: 'letter',
    complainantId: world.tenant.id,
    description: `${SECRET}: ${reason}`,
  });
  await database.owner
    .updateTable('complaint')
    .set({
      department_id: world.vastgoed.id,
      housing_complex_id: world.complex.id,
      handler_id: world.people.karel.id,
      confidential: true,
      confidential_reason_code: reason,
      subject_kind: 'employee',
      subject_employee_id: world.people.karel.id,
    })
    .where('id', '=', complaint.id)
    .execute();
  return complaint;
}

const hidden = [
  await hiddenComplaint('sensitive_personal_matter'),
  await hiddenComplaint('criminal_suspicion'),
];

/** Every text of an .xlsx (shared strings and inline cells), read with the system's unzip. */
function workbookText(xlsx: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gehoord-xlsx-'));
  try {
    const file = path.join(dir, 'r.xlsx');
    writeFileSync(file, xlsx);
    return execFileSync('unzip', ['-p', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function departmentCount(report: ReportDocument, name: string): number {
  const table = report.tables.find((t) => t.id === 'by_department');
  const row = table?.rows.find((r) => r.label === name);
  return Number(row?.cells[0]?.value ?? 0);
}

function expectNoRowOfHidden(text: string, where: string) {
  for (const complaint of hidden) {
    expect(text, where).not.toContain(complaint.reference);
    expect(text, where).not.toContain(complaint.id);
  }
  expect(text, where).not.toContain(SECRET);
  expect(text, where).not.toContain('Henk Geheimhouder');
}

async function waitForJob(client: Client, id: string) {
  for (let i = 0; i < 300; i += 1) {
    const job = (await client.request({ url: `/api/reports/jobs/${id}` })).json();
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('report job did not finish');
}

/** The file of a report job (the way an annual report is exported). */
async function jobFile(client: Client, input: object): Promise<Buffer> {
  const started = await client.request({ method: 'POST', url: '/api/reports/jobs', payload: input });
  expect(started.statusCode, started.body).toBe(202);
  const job = await waitForJob(client, started.json().id);
  expect(job.status, JSON.stringify(job)).toBe('done');
  return getFile(client, job.downloadUrl);
}

describe('report exports of a management assistant, who may not see two complaints of Vastgoed', () => {
  test('quarterly: the figures count them; JSON, PDF, workbook and CSV list none of them', async () => {
    expect((await as.anna.request({ url: `/api/complaints/${hidden[0]?.id}` })).statusCode).toBe(404);
    const report = await getJson(as.anna, `/api/reports/quarterly?quarter=${quarter}`);
    expect(departmentCount(report, 'Vastgoed')).toBe(2);
    expectNoRowOfHidden(JSON.stringify(report), 'quarterly JSON');
    const base = `/api/reports/quarterly/export?quarter=${quarter}`;
    expectNoRowOfHidden(pdfText(await getFile(as.anna, `${base}&format=pdf`)), 'quarterly PDF');
    expectNoRowOfHidden(workbookText(await getFile(as.anna, `${base}&format=xlsx`)), 'quarterly XLSX');
    expectNoRowOfHidden((await getFile(as.anna, `${base}&format=csv`)).toString('utf8'), 'quarterly CSV');
  });

  test('annual, as report jobs: JSON, PDF, workbook and CSV list none of them', async () => {
    expectNoRowOfHidden(
      JSON.stringify(await getJson(as.anna, `/api/reports/annual?year=${year}`)),
      'annual JSON',
    );
    const annual = { kind: 'annual', year };
    expectNoRowOfHidden(pdfText(await jobFile(as.anna, { ...annual, format: 'pdf' })), 'annual PDF');
    expectNoRowOfHidden(workbookText(await jobFile(as.anna, { ...annual, format: 'xlsx' })), 'annual XLSX');
    expectNoRowOfHidden(
      (await jobFile(as.anna, { ...annual, format: 'csv' })).toString('utf8'),
      'annual CSV',
    );
  });

  test('figures are not reads of a complaint: the exports add nothing to the access log', async () => {
    const rows = await database.owner
      .selectFrom('complaint_access_log')
      .select('complaint_id')
      .where('user_id', '=', world.people.anna.id)
      .where(
        'complaint_id',
        'in',
        hidden.map((c) => c.id),
      )
      .execute();
    expect(rows).toEqual([]);
  });
});
