import { describe, expect, test } from 'vitest';
import type { ReportDocument } from '../../src/contract/reports.ts';
import { computeDueAt, DEFAULT_CALENDAR_SETTINGS } from '../../src/domain/index.ts';
import { createTestApp } from '../support/app.ts';
import { createTestDatabase } from '../support/database.ts';
import { createHousingComplex, createOrganization } from '../support/factories.ts';
import { signInAs } from '../support/sessions.ts';
import { createDepartment, createStaffUser } from '../support/staff-factories.ts';
import {
  cellOf,
  expectCsvAgrees,
  expectPdfAgrees,
  expectWorkbookAgrees,
  getFile,
  getJson,
  insertComplaint,
  insertUnits,
  pdfText,
} from './report-fixtures.ts';

// A small fixed data set in 2026-Q2 whose figures were computed by hand (docs/measures.md).
// Holidays in the quarter: Easter Monday 6 April, King's Day 27 April, Ascension 14 May, Whit Monday 25 May.

const database = await createTestDatabase();
const organization = await createOrganization(database.owner, {
  isDefault: true,
  name: 'Woonstichting Vast',
});
const org = organization.id;
const app = await createTestApp(database.app);
const marieke = await createStaffUser(database.owner, org, {
  name: 'Marieke MT',
  roles: ['employee', 'management_team'],
});
const mt = await signInAs(app, marieke.email);
const hofjes = await createHousingComplex(database.owner, org, { complexNumber: '1001', name: 'De Hofjes' });
const molen = await createHousingComplex(database.owner, org, { complexNumber: '1002', name: 'De Molen' });
await insertUnits(database.owner, org, hofjes.id, 800);
await insertUnits(database.owner, org, molen.id, 400);
// Handling department (department_id) and the department a complaint is about (concerned_department_id)
const wonen = await createDepartment(database.owner, org, { name: 'Wonen' });
const onderhoud = await createDepartment(database.owner, org, { name: 'Onderhoud' });

const add = (values: Parameters<typeof insertComplaint>[3]) =>
  insertComplaint(database.owner, org, marieke.id, values);
const answered = [
  // Fri 24 Apr → due Mon 4 May (King's Day skipped), answered on the due day: on time, 5 working days
  {
    receivedAt: '2026-04-24T10:00:00+02:00',
    originalDueAt: '2026-05-04T23:59:59.999+02:00',
    answeredAt: '2026-05-04T15:00:00+02:00',
    housingComplexId: hofjes.id,
    outcome: 'upheld',
    channel: 'email',
    departmentId: wonen.id,
    concernedDepartmentId: onderhoud.id,
  },
  // Tue 7 Apr → due Tue 14 Apr, extended to Fri 17 Apr, answered Thu 16 Apr: late originally, on time extended, 7 days
  {
    receivedAt: '2026-04-07T09:00:00+02:00',
    originalDueAt: '2026-04-14T23:59:59.999+02:00',
    dueAt: '2026-04-17T23:59:59.999+02:00',
    extensions: 1,
    answeredAt: '2026-04-16T11:00:00+02:00',
    housingComplexId: hofjes.id,
    outcome: 'partly_upheld',
    channel: 'phone',
    assessment: {
      verdict: 'partly_upheld',
      compensation: { amountCents: 12550, paidAt: '2026-05-10T10:00:00.000Z' },
    },
  },
  // Mon 11 May → due Tue 19 May (Ascension skipped), answered Wed 13 May: 2 days
  {
    receivedAt: '2026-05-11T09:00:00+02:00',
    originalDueAt: '2026-05-19T23:59:59.999+02:00',
    answeredAt: '2026-05-13T10:00:00+02:00',
    housingComplexId: hofjes.id,
    outcome: 'not_upheld',
    channel: 'email',
    departmentId: onderhoud.id,
    concernedDepartmentId: onderhoud.id,
  },
  // Thu 28 May → due Thu 4 Jun, answered Tue 2 Jun: 3 days (Whit Monday is before the term)
  {
    receivedAt: '2026-05-28T09:00:00+02:00',
    originalDueAt: '2026-06-04T23:59:59.999+02:00',
    answeredAt: '2026-06-02T10:00:00+02:00',
    housingComplexId: molen.id,
    outcome: 'upheld',
    channel: 'email',
  },
  // Mon 1 Jun → due Mon 8 Jun, answered on it: 5 days, no outcome recorded
  {
    receivedAt: '2026-06-01T09:00:00+02:00',
    originalDueAt: '2026-06-08T23:59:59.999+02:00',
    answeredAt: '2026-06-08T12:00:00+02:00',
    housingComplexId: molen.id,
    channel: 'desk',
  },
  // Received in Q1 (Mon 30 Mar → due Tue 7 Apr, Easter Monday skipped), answered Thu 2 Apr in Q2: 3 days
  {
    receivedAt: '2026-03-30T09:00:00+02:00',
    originalDueAt: '2026-04-07T23:59:59.999+02:00',
    answeredAt: '2026-04-02T10:00:00+02:00',
    housingComplexId: hofjes.id,
    outcome: 'not_upheld',
    channel: 'email',
    assessment: {
      verdict: 'not_upheld',
      compensation: { amountCents: 5000, paidAt: '2026-03-31T10:00:00.000Z' },
    },
  },
] as const;
const ids: string[] = [];
for (const values of answered) ids.push(await add({ ...values }));
// Open, and a signal that is no complaint (received on a Saturday)
await add({
  receivedAt: '2026-06-03T10:00:00+02:00',
  originalDueAt: '2026-06-10T23:59:59.999+02:00',
  housingComplexId: molen.id,
  channel: 'letter',
});
await add({
  receivedAt: '2026-06-20T10:00:00+02:00',
  originalDueAt: '2026-06-29T23:59:59.999+02:00',
  channel: 'web',
  status: 'referred',
  triageOutcome: 'not_a_complaint',
  triage: { outcome: 'not_a_complaint', kind: 'repair_request' },
  category: null,
});
// Suspected criminal offences (policy 2.5), counted apart from the procedure's figures
const track = (startedAt: string, dueAt: string, extra: object) => ({
  startedAt: new Date(startedAt).toISOString(),
  returnTo: 'in_progress',
  stoppedTerm: { originalDueAt: new Date(dueAt).toISOString(), dueAt: new Date(dueAt).toISOString() },
  explanation: null,
  decisions: [],
  endedAt: null,
  ...extra,
});
const decision = (kind: string, at: string) => ({
  kind,
  text: 'Besluit van de directie.',
  approval: { byUserId: marieke.id, role: 'board', at: new Date(at).toISOString() },
});
// Mon 8 Jun → due Mon 15 Jun; with the board, undecided, explained Fri 12 Jun: on time
await add({
  receivedAt: '2026-06-08T10:00:00+02:00',
  originalDueAt: '2026-06-15T23:59:59.999+02:00',
  channel: 'letter',
  status: 'with_board',
  departmentId: wonen.id,
  concernedDepartmentId: wonen.id,
  boardTrack: track('2026-06-08T11:00:00+02:00', '2026-06-15T23:59:59.999+02:00', {
    explanation: { sentAt: new Date('2026-06-12T10:00:00+02:00').toISOString(), text: 'Uitleg.' },
  }),
});
// Tue 9 Jun → due Tue 16 Jun; reported to the police and closed Thu 11 Jun, explained Wed 17 Jun: late
await add({
  receivedAt: '2026-06-09T09:00:00+02:00',
  originalDueAt: '2026-06-16T23:59:59.999+02:00',
  channel: 'letter',
  status: 'closed',
  closedAt: '2026-06-11T10:00:00+02:00',
  departmentId: onderhoud.id,
  concernedDepartmentId: onderhoud.id,
  boardTrack: track('2026-06-09T10:00:00+02:00', '2026-06-16T23:59:59.999+02:00', {
    explanation: { sentAt: new Date('2026-06-17T10:00:00+02:00').toISOString(), text: 'Uitleg.' },
    decisions: [decision('report_to_police', '2026-06-11T10:00:00+02:00')],
    endedAt: new Date('2026-06-11T10:00:00+02:00').toISOString(),
  }),
});
// Wed 10 Jun: sent back into the procedure Thu 11 Jun with a fresh term (due Thu 18 Jun): an ordinary complaint
await add({
  receivedAt: '2026-06-10T09:00:00+02:00',
  originalDueAt: '2026-06-18T23:59:59.999+02:00',
  channel: 'letter',
  status: 'in_progress',
  boardTrack: track('2026-06-10T10:00:00+02:00', '2026-06-17T23:59:59.999+02:00', {
    decisions: [decision('back_to_procedure', '2026-06-11T10:00:00+02:00')],
    endedAt: new Date('2026-06-11T10:00:00+02:00').toISOString(),
  }),
});
for (const [index, handling, outcome] of [
  [0, 4, 5],
  [2, 2, 3],
  [5, 5, 5],
] as const) {
  await database.owner
    .insertInto('complaint_satisfaction')
    .values({ organization_id: org, complaint_id: ids[index] as string, handling, outcome })
    .execute();
}

describe('hand-computed figures of a fixed data set (2026-Q2)', () => {
  test('the due instants of the data set are what the working-day calendar gives', () => {
    for (const values of answered) {
      expect(computeDueAt(new Date(values.receivedAt), DEFAULT_CALENDAR_SETTINGS).dueAt.toISOString()).toBe(
        new Date(values.originalDueAt).toISOString(),
      );
    }
  });

  let report: ReportDocument;
  test('counts, on-time rates with holidays in the term, median and p90 working days, per 1,000 units', async () => {
    report = await getJson(mt, '/api/reports/quarterly?quarter=2026-Q2');
    const summary = (key: string) => cellOf(report, 'summary', key);
    expect(report.organizationName).toBe('Woonstichting Vast');
    expect(summary('received')).toBe(10);
    // the two complaints with the board are not taken into handling; the one sent back is
    expect(summary('taken_into_handling')).toBe(7);
    expect(summary('board_track')).toBe(2);
    expect(summary('board_track_explained_on_time')).toBe(1);
    expect(summary('board_track_explained_on_time_rate')).toBe(0.5);
    expect(summary('not_a_complaint')).toBe(1);
    expect(summary('answered')).toBe(6);
    expect(summary('on_time_original')).toBe(5);
    expect(summary('on_time_original_rate')).toBe(5 / 6);
    expect(summary('on_time_extended')).toBe(6);
    expect(summary('on_time_extended_rate')).toBe(1);
    expect(summary('extended')).toBe(1);
    // working days [2, 3, 3, 5, 5, 7]: median (3 + 5) / 2, nearest-rank p90 = 6th value
    expect(summary('median_working_days')).toBe(4);
    expect(summary('p90_working_days')).toBe(7);
    expect(summary('units')).toBe(1200);
    expect(summary('per_thousand_units')).toBeCloseTo(10_000 / 1200, 12);
    expect(summary('compensation_count')).toBe(1);
    expect(summary('compensation_total')).toBe(125.5);
    expect(summary('satisfaction_responses')).toBe(3);
    // decision 050: answered ÷ asked (no request recorded here, so the three answered forms were the ones asked);
    // three answers are too few for a score
    expect(summary('satisfaction_response_rate')).toBe(1);
    expect(summary('satisfaction_handling')).toBe('te weinig antwoorden (n=3)');
    expect(summary('satisfaction_outcome')).toBe('te weinig antwoorden (n=3)');
    expect(cellOf(report, 'by_complex', hofjes.id, 1)).toBe(3);
    expect(cellOf(report, 'by_complex', hofjes.id, 2)).toBe(3.75);
    expect(cellOf(report, 'by_complex', molen.id, 2)).toBe(7.5);
    expect(cellOf(report, 'by_channel', 'email')).toBe(3);
    expect(cellOf(report, 'by_channel', 'phone')).toBe(1);
    expect(cellOf(report, 'outcome', 'upheld')).toBe(2);
    expect(cellOf(report, 'outcome', null)).toBe(1);
    expect(cellOf(report, 'referred', 'repair_request')).toBe(1);
    // handling department and the department the complaint is about
    expect(cellOf(report, 'by_department', wonen.id)).toBe(2);
    expect(cellOf(report, 'by_department', onderhoud.id)).toBe(2);
    expect(cellOf(report, 'by_department', null)).toBe(6);
    expect(cellOf(report, 'by_concerned_department', wonen.id)).toBe(1);
    expect(cellOf(report, 'by_concerned_department', onderhoud.id)).toBe(3);
    expect(cellOf(report, 'by_concerned_department', null)).toBe(6);
    // the board's cases by decision: the one sent back into the procedure is not among them
    expect(cellOf(report, 'board_track', null)).toBe(1);
    expect(cellOf(report, 'board_track', 'report_to_police')).toBe(1);
    expect(cellOf(report, 'board_track', 'no_further_action')).toBe(0);
    expect(report.tables.find((t) => t.id === 'board_track')?.rows.map((r) => r.key)).not.toContain(
      'back_to_procedure',
    );
    // answered in April: 2 April (received in Q1) and 16 April
    expect(cellOf(report, 'monthly', '2026-04', 1)).toBe(2);
    expect(cellOf(report, 'monthly', '2026-04', 2)).toBe(0.5);
  });

  test('the PDF, the workbook and the CSV show the same figures, written the Dutch way', async () => {
    const text = pdfText(await getFile(mt, '/api/reports/quarterly/export?quarter=2026-Q2&format=pdf'));
    expectPdfAgrees(report, text);
    expect(text).toContain('Op tijd, oorspronkelijke termijn (%) 83,3%');
    expect(text).toContain('Mediane behandeltijd (werkdagen) 4');
    expect(text).toContain('Klachten per 1.000 verhuureenheden 8,3');
    expect(text).toContain('1001 De Hofjes 800 3 3,8');
    expect(text).toContain('Vergoedingen betaald (totaal) € 125,50');
    expect(text).toContain('Bij de directie (vermoeden van een strafbaar feit) 2');
    expect(text).toContain('Bij de directie: uitleg binnen de termijn (%) 50,0%');
    expect(text).toMatch(/pagina 1 van \d+/);
    await expectWorkbookAgrees(
      report,
      await getFile(mt, '/api/reports/quarterly/export?quarter=2026-Q2&format=xlsx'),
    );
    for (const table of report.tables) {
      const csv = await getFile(
        mt,
        `/api/reports/quarterly/export?quarter=2026-Q2&format=csv&table=${table.id}`,
      );
      expectCsvAgrees(table, csv.toString('utf8'));
    }
  });

  test('every number drills down to exactly the complaints it counts', async () => {
    const summaryRows = report.tables.find((t) => t.id === 'summary')?.rows ?? [];
    let checked = 0;
    for (const row of summaryRows) {
      const cell = row.cells[0];
      if (!cell?.drill || row.kind !== 'count') continue;
      checked += 1;
      const list = await mt.request({ method: 'GET', url: `/api/reports/complaints?${cell.drill}` });
      expect(list.statusCode, list.body).toBe(200);
      expect(list.json().total, row.key ?? '').toBe(cell.value);
    }
    expect(checked).toBeGreaterThan(10);
    const complex = report.tables.find((t) => t.id === 'by_complex')?.rows.find((r) => r.key === hofjes.id);
    const listed = await mt.request({
      method: 'GET',
      url: `/api/reports/complaints?${complex?.cells[1]?.drill}`,
    });
    expect(listed.json().items).toHaveLength(3);
  });

  test('a category filter narrows every figure to that category, also in the drill-down', async () => {
    const repairs = await getJson(mt, '/api/reports/quarterly?quarter=2026-Q2&category=repair_badly_done');
    expect(repairs.category).toBe('repair_badly_done');
    // the not-a-complaint signal has no category
    expect(cellOf(repairs, 'summary', 'received')).toBe(9);
    expect(cellOf(repairs, 'summary', 'not_a_complaint')).toBe(0);
    const drill = repairs.tables[0]?.rows.find((r) => r.key === 'received')?.cells[0]?.drill;
    expect(drill).toContain('category=repair_badly_done');
    const list = await mt.request({ method: 'GET', url: `/api/reports/complaints?${drill}` });
    expect(list.json().total).toBe(9);
    const none = await getJson(mt, '/api/reports/quarterly?quarter=2026-Q2&category=treated_wrongly');
    expect(cellOf(none, 'summary', 'received')).toBe(0);
    expect(cellOf(none, 'summary', 'on_time_original_rate')).toBeNull();
    const bad = await mt.request({
      method: 'GET',
      url: '/api/reports/quarterly?quarter=2026-Q2&category=nonsense',
    });
    expect(bad.statusCode).toBe(400);
  });

  test('a department report counts by handling department, the board cases too', async () => {
    const ofWonen = await getJson(mt, `/api/reports/quarterly?quarter=2026-Q2&departmentId=${wonen.id}`);
    expect(cellOf(ofWonen, 'summary', 'received')).toBe(2);
    expect(cellOf(ofWonen, 'summary', 'taken_into_handling')).toBe(1);
    expect(cellOf(ofWonen, 'summary', 'board_track')).toBe(1);
    expect(cellOf(ofWonen, 'summary', 'answered')).toBe(1);
    expect(cellOf(ofWonen, 'by_concerned_department', onderhoud.id)).toBe(1);
  });

  test('the MT agenda figures come from the same measures', async () => {
    const response = await mt.request({ method: 'GET', url: '/api/mt/quarters/2026-Q2/figures' });
    expect(response.statusCode, response.body).toBe(200);
    const figures = response.json();
    expect(figures.received).toBe(10);
    expect(figures.answered).toBe(6);
    expect(figures.answeredOnTime).toBe(5);
    expect(figures.onTimeRate).toBe(0.833);
    expect(figures.compensationPaidCents).toBe(12550);
    // three responses: too few for a mean (decision 050), the count stays
    expect(figures.satisfaction).toEqual({ responses: 3, averageHandling: null, averageOutcome: null });
  });
});
