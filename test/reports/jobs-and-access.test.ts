import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { multipartBody, samplePng } from '../attachments/sample-files.ts';
import { createTestApp } from '../support/app.ts';
import { createComplaintWorld, register } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import type { Client } from '../support/sessions.ts';
import { pdfText } from './report-fixtures.ts';

// Report jobs off the request path, who may see which report, formula injection in exports, and the
// per-complex dossier.

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const { as } = world;
const thisYear = new Date().getUTCFullYear();
const quarter = `${thisYear}-Q${Math.floor(new Date().getUTCMonth() / 3) + 1}`;

const complaint = await register(as.eva, {
  channel: 'letter',
  complainantId: world.tenant.id,
  description: 'De kraan lekt nog steeds na de reparatie.',
});
await database.owner
  .updateTable('complaint')
  .set({ department_id: world.wonen.id, housing_complex_id: world.complex.id })
  .where('id', '=', complaint.id)
  .execute();
const photo = await multipartBody({ name: 'lekkage.png', bytes: samplePng() });
const uploaded = await as.eva.request({
  method: 'POST',
  url: `/api/complaints/${complaint.id}/attachments`,
  payload: photo.payload,
  headers: photo.headers,
});
expect(uploaded.statusCode, uploaded.body).toBe(201);

async function waitForJob(client: Client, id: string) {
  for (let i = 0; i < 200; i += 1) {
    const response = await client.request({ method: 'GET', url: `/api/reports/jobs/${id}` });
    expect(response.statusCode, response.body).toBe(200);
    const job = response.json();
    expect(job.progress).toBeGreaterThanOrEqual(0);
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('report job did not finish');
}

describe('who sees which report', () => {
  test('MT, board and management assistant see the organisation; an employee sees none', async () => {
    for (const client of [as.marieke, as.bram, as.anna]) {
      const response = await client.request({
        method: 'GET',
        url: `/api/reports/quarterly?quarter=${quarter}`,
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().department).toBeNull();
    }
    const employee = await as.eva.request({
      method: 'GET',
      url: `/api/reports/quarterly?quarter=${quarter}`,
    });
    expect(employee.statusCode).toBe(403);
  });

  test("a manager gets their own department's report, never another's", async () => {
    const own = await as.mia.request({ method: 'GET', url: `/api/reports/quarterly?quarter=${quarter}` });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().department).toEqual({ id: world.wonen.id, name: 'Wonen' });
    const received = own.json().tables[0].rows.find((r: { key: string }) => r.key === 'received');
    expect(received.cells[0].value).toBe(1);
    const other = await as.mia.request({
      method: 'GET',
      url: `/api/reports/quarterly?quarter=${quarter}&departmentId=${world.vastgoed.id}`,
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('report_department_required');
    const drill = await as.victor.request({
      method: 'GET',
      url: `/api/reports/complaints?from=${thisYear}-01-01&until=${thisYear + 1}-01-01&set=received`,
    });
    expect(drill.statusCode).toBe(200);
    expect(drill.json().total).toBe(0);
  });

  test('bad input is a 4xx problem, never a 500', async () => {
    for (const url of [
      '/api/reports/quarterly?quarter=2026-Q5',
      '/api/reports/annual?year=abc',
      `/api/reports/quarterly?quarter=${quarter}&departmentId=${crypto.randomUUID()}`,
      `/api/reports/quarterly/export?quarter=${quarter}&format=doc`,
      `/api/reports/quarterly/export?quarter=${quarter}&format=csv&table=nope`,
      '/api/reports/complaints?from=2026-02-01&until=2026-01-01&set=received',
      '/api/reports/complaints?from=2026-01-01&until=2026-02-01&set=everything',
      `/api/reports/jobs/${crypto.randomUUID()}`,
    ]) {
      const response = await as.marieke.request({ method: 'GET', url });
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, url).toBeLessThan(500);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });
});

describe('exports and jobs', () => {
  test('an annual PDF is not rendered in the request: it needs a job, which reports progress and a download', async () => {
    const direct = await as.marieke.request({
      method: 'GET',
      url: `/api/reports/annual/export?year=${thisYear}&format=pdf`,
    });
    expect(direct.statusCode).toBe(409);
    expect(direct.json().code).toBe('report_job_required');
    const started = await as.marieke.request({
      method: 'POST',
      url: '/api/reports/jobs',
      payload: { kind: 'annual', year: thisYear, format: 'pdf' },
    });
    expect(started.statusCode, started.body).toBe(202);
    expect(started.headers.location).toBe(`/api/reports/jobs/${started.json().id}`);
    // Someone else cannot follow or fetch the job.
    const foreign = await as.bram.request({ method: 'GET', url: `/api/reports/jobs/${started.json().id}` });
    expect(foreign.statusCode).toBe(404);
    const job = await waitForJob(as.marieke, started.json().id);
    expect(job).toMatchObject({ status: 'done', progress: 100, format: 'pdf' });
    expect(job.fileName).toBe(`jaarrapportage-klachten-${thisYear}.pdf`);
    const download = await as.marieke.request({ method: 'GET', url: job.downloadUrl });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain('attachment');
    const text = pdfText(download.rawPayload);
    expect(text).toContain(`Jaarrapportage klachten ${thisYear}`);
    expect(text).toContain(world.organization.name);
    expect(text).toContain('Inhoud');
    // The annual report's paragraph with the key figures, written as in the tables.
    expect(text.replace(/\s+/g, ' ')).toContain(
      `In ${thisYear} ontving ${world.organization.name} 1 klachten.`,
    );
    // No complainant names in a report.
    expect(text).not.toContain('Jannie');
  });

  test('text that looks like a formula is neutralised in CSV and Excel', async () => {
    await database.owner
      .updateTable('department')
      .set({ name: '=HYPERLINK("http://evil.example","klik")' })
      .where('id', '=', world.wonen.id)
      .execute();
    try {
      const csv = await as.marieke.request({
        method: 'GET',
        url: `/api/reports/quarterly/export?quarter=${quarter}&format=csv&table=by_department`,
      });
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.example"",""klik"")"`);
      expect(csv.body).not.toMatch(/(^|;)=HYPERLINK/m);
      const xlsx = await as.marieke.request({
        method: 'GET',
        url: `/api/reports/quarterly/export?quarter=${quarter}&format=xlsx`,
      });
      const ExcelJS = (await import('exceljs')).default;
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const labels: unknown[] = [];
      workbook.eachSheet((sheet) => sheet.eachRow((row) => labels.push(row.getCell(1).value)));
      expect(labels).toContain(`'=HYPERLINK("http://evil.example","klik")`);
      expect(labels.some((v) => typeof v === 'object' && v !== null && 'formula' in v)).toBe(false);
    } finally {
      await database.owner
        .updateTable('department')
        .set({ name: 'Wonen' })
        .where('id', '=', world.wonen.id)
        .execute();
    }
  });

  test('the complex dossier is a ZIP with a folder per complaint: case file PDF and attachments', async () => {
    const refused = await as.mia.request({
      method: 'POST',
      url: '/api/reports/jobs',
      payload: {
        kind: 'dossier',
        housingComplexId: world.complex.id,
        from: `${thisYear}-01-01`,
        until: `${thisYear + 1}-01-01`,
      },
    });
    expect(refused.statusCode).toBe(403);
    const started = await as.marieke.request({
      method: 'POST',
      url: '/api/reports/jobs',
      payload: {
        kind: 'dossier',
        housingComplexId: world.complex.id,
        from: `${thisYear}-01-01`,
        until: `${thisYear + 1}-01-01`,
      },
    });
    expect(started.statusCode, started.body).toBe(202);
    const job = await waitForJob(as.marieke, started.json().id);
    expect(job.status, JSON.stringify(job)).toBe('done');
    const zip = await as.marieke.request({ method: 'GET', url: job.downloadUrl });
    expect(zip.headers['content-type']).toBe('application/zip');
    const dir = mkdtempSync(path.join(tmpdir(), 'gehoord-dossier-test-'));
    try {
      writeFileSync(path.join(dir, 'd.zip'), zip.rawPayload);
      const listing = execFileSync('unzip', ['-Z1', path.join(dir, 'd.zip')], { encoding: 'utf8' })
        .trim()
        .split('\n');
      expect(listing.sort()).toEqual(
        [
          `${complaint.reference}/bijlagen/lekkage.png`,
          `${complaint.reference}/klachtdossier-${complaint.reference}.pdf`,
        ].sort(),
      );
      execFileSync('unzip', ['-q', path.join(dir, 'd.zip'), '-d', dir]);
      const text = pdfText(
        readFileSync(path.join(dir, complaint.reference, `klachtdossier-${complaint.reference}.pdf`)),
      );
      expect(text).toContain(`Klachtdossier ${complaint.reference}`);
      expect(text).toContain('De kraan lekt nog steeds');
      expect(text).toContain('Jannie de Vries');
      expect(text).toContain('Tijdlijn');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('for the board the dossier holds no complainant names', async () => {
    const started = await as.bram.request({
      method: 'POST',
      url: '/api/reports/jobs',
      payload: {
        kind: 'dossier',
        housingComplexId: world.complex.id,
        from: `${thisYear}-01-01`,
        until: `${thisYear + 1}-01-01`,
      },
    });
    const job = await waitForJob(as.bram, started.json().id);
    const zip = await as.bram.request({ method: 'GET', url: job.downloadUrl });
    const dir = mkdtempSync(path.join(tmpdir(), 'gehoord-dossier-test-'));
    try {
      writeFileSync(path.join(dir, 'd.zip'), zip.rawPayload);
      execFileSync('unzip', ['-q', path.join(dir, 'd.zip'), '-d', dir]);
      const pdf = readFileSync(
        path.join(dir, complaint.reference, `klachtdossier-${complaint.reference}.pdf`),
      );
      const text = pdfText(pdf);
      expect(text).not.toContain('Jannie');
      expect(text).toContain('Klager (naam niet opgenomen)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a confidential complaint the management assistant cannot open is left out of their dossier', async () => {
    await database.owner
      .updateTable('complaint')
      .set({
        confidential: true,
        confidential_reason_code: 'complainant_asks',
        handler_id: world.people.eva.id,
      })
      .where('id', '=', complaint.id)
      .execute();
    // issue 20: no case file at all (it used to be there with employees pseudonymised); only a count
    const readme = await dossierReadme(as.anna);
    expect(readme.listing).toEqual(['LEESMIJ.txt']);
    expect(readme.text).toContain('1 vertrouwelijke klacht(en) over dit complex zijn niet opgenomen');
    expect(readme.text).not.toContain(complaint.reference);
    // The MT may open it, so Marieke's copy holds it, naming the handler.
    const text = await dossierText(as.marieke);
    expect(text).toContain('Eva Behandelaar');
    expect(text).toContain('Vertrouwelijke klacht');
  });
});

async function dossierReadme(client: Client): Promise<{ listing: string[]; text: string }> {
  const started = await client.request({
    method: 'POST',
    url: '/api/reports/jobs',
    payload: {
      kind: 'dossier',
      housingComplexId: world.complex.id,
      from: `${thisYear}-01-01`,
      until: `${thisYear + 1}-01-01`,
    },
  });
  const job = await waitForJob(client, started.json().id);
  const zip = await client.request({ method: 'GET', url: job.downloadUrl });
  const dir = mkdtempSync(path.join(tmpdir(), 'gehoord-dossier-test-'));
  try {
    const file = path.join(dir, 'd.zip');
    writeFileSync(file, zip.rawPayload);
    const listing = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).trim().split('\n');
    return { listing, text: execFileSync('unzip', ['-p', file, 'LEESMIJ.txt'], { encoding: 'utf8' }) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function dossierText(client: Client): Promise<string> {
  const started = await client.request({
    method: 'POST',
    url: '/api/reports/jobs',
    payload: {
      kind: 'dossier',
      housingComplexId: world.complex.id,
      from: `${thisYear}-01-01`,
      until: `${thisYear + 1}-01-01`,
    },
  });
  expect(started.statusCode, started.body).toBe(202);
  const job = await waitForJob(client, started.json().id);
  const zip = await client.request({ method: 'GET', url: job.downloadUrl });
  const dir = mkdtempSync(path.join(tmpdir(), 'gehoord-dossier-test-'));
  try {
    writeFileSync(path.join(dir, 'd.zip'), zip.rawPayload);
    execFileSync('unzip', ['-q', path.join(dir, 'd.zip'), '-d', dir]);
    return pdfText(
      readFileSync(path.join(dir, complaint.reference, `klachtdossier-${complaint.reference}.pdf`)),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
