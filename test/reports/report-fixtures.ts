import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { displayCell, exportNumber, kindOf } from '../../src/contract/report-format.ts';
import type { ReportDocument, ReportTable } from '../../src/contract/reports.ts';
import type { Database } from '../../src/server/db/database.ts';
import type { Client } from '../support/sessions.ts';

let sequence = 0;

/** A complaint row straight into the database (owner connection), for fixed data sets with exact dates. */
export async function insertComplaint(
  owner: Database,
  organizationId: string,
  registeredBy: string,
  values: {
    receivedAt: string;
    originalDueAt: string;
    dueAt?: string;
    answeredAt?: string | null;
    extensions?: number;
    status?: string;
    channel?: string;
    category?: string | null;
    triageOutcome?: 'complaint' | 'not_a_complaint' | 'outside_procedure' | null;
    triage?: object | null;
    housingComplexId?: string | null;
    departmentId?: string | null;
    concernedDepartmentId?: string | null;
    /** policy 2.5: the board's track as the domain stores it (BoardTrack, instants as ISO strings). */
    boardTrack?: object | null;
    closedAt?: string | null;
    contractorId?: string | null;
    subjectKind?: string | null;
    outcome?: string | null;
    assessment?: object | null;
  },
) {
  sequence += 1;
  const id = randomUUID();
  const extensions = Array.from({ length: values.extensions ?? 0 }, () => ({
    dueAt: values.dueAt,
    reason: 'Meer tijd nodig',
  }));
  await owner
    .insertInto('complaint')
    .values({
      id,
      organization_id: organizationId,
      reference: `K-2026-${String(sequence).padStart(5, '0')}`,
      matter_id: id,
      channel: (values.channel ?? 'email') as 'email',
      received_at: new Date(values.receivedAt),
      registered_by: registeredBy,
      housing_complex_id: values.housingComplexId ?? null,
      department_id: values.departmentId ?? null,
      concerned_department_id: values.concernedDepartmentId ?? null,
      board_track: values.boardTrack ? JSON.stringify(values.boardTrack) : null,
      closed_at: values.closedAt ? new Date(values.closedAt) : null,
      description: 'Klacht uit de vaste testset.',
      status: (values.status ?? (values.answeredAt ? 'answered' : 'in_progress')) as 'answered',
      triage_outcome: values.triageOutcome === undefined ? 'complaint' : values.triageOutcome,
      triage: values.triage === undefined ? null : JSON.stringify(values.triage),
      category: (values.category === undefined
        ? 'repair_badly_done'
        : values.category) as 'repair_badly_done',
      subject_kind: (values.subjectKind ?? null) as 'contractor' | null,
      subject_contractor_id: values.contractorId ?? null,
      term_start_day: values.receivedAt.slice(0, 10),
      original_due_at: new Date(values.originalDueAt),
      due_at: new Date(values.dueAt ?? values.originalDueAt),
      calendar_settings_version: 1,
      term_extensions: JSON.stringify(extensions),
      answered_at: values.answeredAt ? new Date(values.answeredAt) : null,
      outcome: (values.outcome ?? null) as 'upheld' | null,
      assessment: values.assessment ? JSON.stringify(values.assessment) : null,
    } as never)
    .execute();
  return id;
}

export async function insertUnits(
  owner: Database,
  organizationId: string,
  complexId: string | null,
  count: number,
) {
  const rows = Array.from({ length: count }, (_, i) => ({
    organization_id: organizationId,
    housing_complex_id: complexId,
    street: 'Teststraat',
    house_number: i + 1,
    postcode: '3155AB',
    place: 'Maasland',
  }));
  for (let i = 0; i < rows.length; i += 500)
    await owner
      .insertInto('unit')
      .values(rows.slice(i, i + 500))
      .execute();
}

export async function getJson(client: Client, url: string): Promise<ReportDocument> {
  const response = await client.request({ method: 'GET', url });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as ReportDocument;
}

export async function getFile(client: Client, url: string): Promise<Buffer> {
  const response = await client.request({ method: 'GET', url });
  expect(response.statusCode, response.body).toBe(200);
  return response.rawPayload;
}

export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gehoord-pdf-'));
  try {
    const file = path.join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A row of a table of the JSON document. */
export function cellOf(document: ReportDocument, tableId: string, rowKey: string | null, column = 0) {
  const table = document.tables.find((t) => t.id === tableId);
  const row = table?.rows.find((r) => r.key === rowKey);
  return row?.cells[column]?.value;
}

const squash = (text: string) => text.replace(/\s+/g, ' ');

/** Every row of every table appears in the PDF text as its label followed by its values, as displayed. */
export function expectPdfAgrees(document: ReportDocument, text: string) {
  const flat = squash(text);
  for (const table of document.tables) {
    for (const row of table.rows) {
      const values = row.cells.map((cell, i) => displayCell(cell, kindOf(table, row, i)));
      expect(flat, `${table.id} / ${row.label}`).toContain(squash(`${row.label} ${values.join(' ')}`));
    }
  }
}

/** Every number in the workbook (one sheet per table after the cover) equals the JSON figure as exported. */
export async function expectWorkbookAgrees(document: ReportDocument, xlsx: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  expect(workbook.worksheets.length).toBe(document.tables.length + 1);
  document.tables.forEach((table, t) => {
    const sheet = workbook.worksheets[t + 1] as ExcelJS.Worksheet;
    expect(sheet.getRow(1).getCell(1).value).toBe('Omschrijving');
    table.rows.forEach((row, r) => {
      const excelRow = sheet.getRow(r + 2);
      expect(excelRow.getCell(1).value, `${table.id} label`).toBe(row.label);
      row.cells.forEach((cell, c) => {
        const actual = excelRow.getCell(c + 2).value;
        const kind = kindOf(table, row, c);
        if (cell.value === null) expect(actual ?? null).toBeNull();
        else if (typeof cell.value === 'number') {
          expect(typeof actual, `${table.id}/${row.label}: a real number`).toBe('number');
          expect(actual, `${table.id}/${row.label}`).toBe(exportNumber(cell.value, kind));
        } else if (kind === 'date') expect((actual as Date).toISOString().slice(0, 10)).toBe(cell.value);
        else expect(actual).toBe(cell.value);
      });
    });
  });
}

/** The CSV of one table: its numbers (decimal commas, rates in %) equal the JSON figures as exported. */
export function expectCsvAgrees(table: ReportTable, csv: string) {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const records = parse(csv.slice(1), { delimiter: ';', relax_column_count: true }) as string[][];
  expect(records[0]?.slice(2)).toEqual(table.columns.map((c) => c.label));
  table.rows.forEach((row, r) => {
    const record = records[r + 1] as string[];
    expect(record[0]).toBe(row.label);
    row.cells.forEach((cell, c) => {
      const text = record[c + 2] as string;
      const kind = kindOf(table, row, c);
      if (cell.value === null) expect(text).toBe('');
      else if (typeof cell.value === 'number') {
        const number = Number(text.replace(',', '.'));
        const expected = exportNumber(cell.value, kind);
        expect(number, `${table.id}/${row.label}`).toBe(
          kind === 'rate' ? Math.round(expected * 1000) / 10 : expected,
        );
      } else expect(text).toBe(cell.value);
    });
  });
}
