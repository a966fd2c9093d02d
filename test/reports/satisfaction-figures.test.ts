import { CompiledQuery, sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import type { ReportDocument } from '../../src/contract/reports.ts';
import { inOrganization } from '../../src/server/db/tenant-scope.ts';
import { createTestApp } from '../support/app.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganization } from '../support/factories.ts';
import { signInAs } from '../support/sessions.ts';
import { createDepartment, createStaffUser } from '../support/staff-factories.ts';
import { recordStatements } from '../support/statement-recorder.ts';
import {
  cellOf,
  expectCsvAgrees,
  expectPdfAgrees,
  expectWorkbookAgrees,
  getFile,
  getJson,
  insertComplaint,
  pdfText,
} from './report-fixtures.ts';

// Issue 26, decision 050: the satisfaction figures of a small fixed world in 2026-Q2, computed by hand — response
// rate, means and distributions per group, the share that went on to the committee, the n < 5 rule in every
// format, and need-to-know for the per-team figures.

const database = await createTestDatabase();
const organization = await createOrganization(database.owner, {
  isDefault: true,
  name: 'Woonstichting Tevreden',
});
const org = organization.id;
const app = await createTestApp(database.app);
const marieke = await createStaffUser(database.owner, org, {
  name: 'Marieke MT',
  roles: ['employee', 'management_team'],
});
const mt = await signInAs(app, marieke.email);
const wim = await createStaffUser(database.owner, org, {
  name: 'Wim Manager',
  roles: ['employee', 'manager'],
});
const wonen = await createDepartment(database.owner, org, { name: 'Wonen', managerUserId: wim.id });
const onderhoud = await createDepartment(database.owner, org, { name: 'Onderhoud' });
await database.owner
  .updateTable('staff_user')
  .set({ department_id: wonen.id })
  .where('id', '=', wim.id)
  .execute();
const manager = await signInAs(app, wim.email);
const handlerWonen = await createStaffUser(database.owner, org, { name: 'Hanna', departmentId: wonen.id });
const handlerOnderhoud = await createStaffUser(database.owner, org, {
  name: 'Otto',
  departmentId: onderhoud.id,
});

type Spec = {
  answeredAt: string;
  department: string;
  handler: string;
  channel: string;
  category: string;
  outcome: string;
  requested: boolean;
  scores: [number, number] | null;
  committee?: boolean;
};
const W = { department: wonen.id, handler: handlerWonen.id, channel: 'email', category: 'repair_badly_done' };
const O = {
  department: onderhoud.id,
  handler: handlerOnderhoud.id,
  channel: 'phone',
  category: 'treated_wrongly',
};
const Q2 = '2026-05-12T10:00:00+02:00';
const specs: Spec[] = [
  { ...W, answeredAt: Q2, outcome: 'upheld', requested: true, scores: [5, 4] }, // c1
  { ...W, answeredAt: Q2, outcome: 'upheld', requested: true, scores: [4, 4], committee: true }, // c2
  { ...W, answeredAt: Q2, outcome: 'upheld', requested: true, scores: [4, 3] }, // c3
  { ...W, answeredAt: Q2, outcome: 'not_upheld', requested: true, scores: [3, 3] }, // c4
  { ...W, answeredAt: Q2, outcome: 'not_upheld', requested: true, scores: [2, 1] }, // c5
  { ...W, answeredAt: Q2, outcome: 'not_upheld', requested: true, scores: null }, // c6: asked, no answer
  { ...O, answeredAt: Q2, outcome: 'not_upheld', requested: true, scores: [1, 2] }, // c7
  { ...O, answeredAt: Q2, outcome: 'not_upheld', requested: true, scores: [2, 2] }, // c8
  { ...O, answeredAt: Q2, outcome: 'not_upheld', requested: true, scores: null }, // c9
  // c10: handled in Wonen by Otto of Onderhoud; answered without a recorded request (counts as asked)
  { ...W, handler: handlerOnderhoud.id, answeredAt: Q2, outcome: 'upheld', requested: false, scores: [3, 3] },
  // c11: the quarter before, for the trend
  { ...W, answeredAt: '2026-03-10T10:00:00+01:00', outcome: 'upheld', requested: true, scores: [4, 4] },
  // c12: answered, never asked, never answered: not in the response rate
  { ...W, answeredAt: Q2, outcome: 'upheld', requested: false, scores: null },
];
for (const spec of specs) {
  const received = spec.answeredAt.startsWith('2026-03')
    ? '2026-03-02T10:00:00+01:00'
    : '2026-04-20T10:00:00+02:00';
  const id = await insertComplaint(database.owner, org, marieke.id, {
    receivedAt: received,
    originalDueAt: '2026-06-30T23:59:59.999+02:00',
    answeredAt: spec.answeredAt,
    channel: spec.channel,
    category: spec.category,
    departmentId: spec.department,
    outcome: spec.outcome,
  });
  await database.owner
    .updateTable('complaint')
    .set({
      handler_id: spec.handler,
      ...(spec.committee ? { committee: JSON.stringify({ referredAt: '2026-06-01T10:00:00.000Z' }) } : {}),
    } as never)
    .where('id', '=', id)
    .execute();
  if (spec.requested)
    await database.owner
      .insertInto('complaint_event')
      .values({ organization_id: org, complaint_id: id, type: 'satisfaction_requested', summary: 'Gevraagd' })
      .execute();
  if (spec.scores)
    await database.owner
      .insertInto('complaint_satisfaction')
      .values({ organization_id: org, complaint_id: id, handling: spec.scores[0], outcome: spec.scores[1] })
      .execute();
}

// columns: asked, answers, response rate, handling mean, handling distribution, outcome mean, outcome
// distribution, share to the committee
const row = (document: ReportDocument, tableId: string, key: string | null) =>
  document.tables
    .find((t) => t.id === tableId)
    ?.rows.find((r) => r.key === key)
    ?.cells.map((c) => c.value);

describe('satisfaction figures of a fixed world (2026-Q2)', () => {
  let report: ReportDocument;
  test('overall: response rate, means, distributions and the share to the committee', async () => {
    report = await getJson(mt, '/api/reports/quarterly?quarter=2026-Q2');
    // asked: c1–c10 (c10 answered without a request); answers: 8; handling 5,4,4,3,2,1,2,3; outcome 4,4,3,3,1,2,2,3
    expect(row(report, 'satisfaction_overall', 'all')).toEqual([
      10,
      8,
      0.8,
      3,
      '1: 1 · 2: 2 · 3: 2 · 4: 2 · 5: 1',
      2.75,
      '1: 1 · 2: 2 · 3: 3 · 4: 2 · 5: 0',
      0.125,
    ]);
    expect(cellOf(report, 'summary', 'satisfaction_responses')).toBe(8);
    expect(cellOf(report, 'summary', 'satisfaction_response_rate')).toBe(0.8);
    expect(cellOf(report, 'summary', 'satisfaction_handling')).toBe(3);
    expect(cellOf(report, 'summary', 'satisfaction_outcome')).toBe(2.75);
    expect(cellOf(report, 'satisfaction', '2', 0)).toBe(2);
    expect(cellOf(report, 'satisfaction', '3', 1)).toBe(3);
  });

  test('per handling department, team, channel, category and verdict; fewer than 5 answers withheld', () => {
    // Wonen handled c1–c6 and c10: handling 5,4,4,3,2,3 = 21/6; outcome 4,4,3,3,1,3 = 18/6; committee 1 of 6
    const w = row(report, 'satisfaction_by_department', wonen.id);
    expect(w?.slice(0, 4)).toEqual([7, 6, 6 / 7, 3.5]);
    expect(w?.[5]).toBe(3);
    expect(w?.[7]).toBeCloseTo(1 / 6, 12);
    expect(row(report, 'satisfaction_by_department', onderhoud.id)).toEqual([
      3,
      2,
      2 / 3,
      'te weinig antwoorden (n=2)',
      'te weinig antwoorden (n=2)',
      'te weinig antwoorden (n=2)',
      'te weinig antwoorden (n=2)',
      'te weinig antwoorden (n=2)',
    ]);
    // team = the handler's department: Hanna (Wonen) c1–c6; Otto (Onderhoud) c7–c10
    expect(row(report, 'satisfaction_by_team', wonen.id)).toEqual([
      6,
      5,
      5 / 6,
      3.6,
      '1: 0 · 2: 1 · 3: 1 · 4: 2 · 5: 1',
      3,
      '1: 1 · 2: 0 · 3: 2 · 4: 2 · 5: 0',
      0.2,
    ]);
    expect(row(report, 'satisfaction_by_team', onderhoud.id)?.slice(0, 4)).toEqual([
      4,
      3,
      0.75,
      'te weinig antwoorden (n=3)',
    ]);
    expect(row(report, 'satisfaction_by_channel', 'email')?.slice(0, 4)).toEqual([7, 6, 6 / 7, 3.5]);
    expect(row(report, 'satisfaction_by_category', 'treated_wrongly')?.[3]).toBe(
      'te weinig antwoorden (n=2)',
    );
    // upheld: c1, c2, c3, c10 answered (4); not upheld: c4, c5, c7, c8 (4) — both withheld
    expect(row(report, 'satisfaction_by_verdict', 'upheld')?.slice(0, 4)).toEqual([
      4,
      4,
      1,
      'te weinig antwoorden (n=4)',
    ]);
    expect(row(report, 'satisfaction_by_verdict', 'not_upheld')?.slice(0, 4)).toEqual([
      6,
      4,
      4 / 6,
      'te weinig antwoorden (n=4)',
    ]);
  });

  test('the trend shows four quarters, the earlier one withheld on one answer', () => {
    const trend = report.tables.find((t) => t.id === 'satisfaction_by_quarter');
    expect(trend?.rows.map((r) => r.key)).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
    expect(row(report, 'satisfaction_by_quarter', '2026-Q1')?.slice(0, 4)).toEqual([
      1,
      1,
      1,
      'te weinig antwoorden (n=1)',
    ]);
    expect(row(report, 'satisfaction_by_quarter', '2026-Q2')?.slice(0, 4)).toEqual([10, 8, 0.8, 3]);
    expect(row(report, 'satisfaction_by_quarter', '2025-Q3')?.slice(0, 3)).toEqual([0, 0, null]);
  });

  test('the annual report holds the same figures, its trend the four quarters of the year', async () => {
    const annual = await getJson(mt, '/api/reports/annual?year=2026');
    // c11 (Q1) joins: asked 11, answers 9, handling +4 = 28/9
    const all = row(annual, 'satisfaction_overall', 'all');
    expect(all?.slice(0, 3)).toEqual([11, 9, 9 / 11]);
    expect(all?.[3]).toBeCloseTo(28 / 9, 12);
    expect(annual.tables.find((t) => t.id === 'satisfaction_by_quarter')?.rows.map((r) => r.key)).toEqual([
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
    ]);
  });

  test('PDF, workbook and CSV agree with the JSON, the withheld text included', async () => {
    const base = '/api/reports/quarterly/export?quarter=2026-Q2';
    const pdf = pdfText(await getFile(mt, `${base}&format=pdf`));
    expectPdfAgrees(report, pdf);
    expect(pdf.replace(/\s+/g, ' ')).toContain('te weinig antwoorden (n=3)');
    await expectWorkbookAgrees(report, await getFile(mt, `${base}&format=xlsx`));
    for (const id of ['satisfaction_overall', 'satisfaction_by_team', 'satisfaction_by_quarter', 'summary']) {
      const table = report.tables.find((t) => t.id === id);
      if (!table) throw new Error(id);
      const csv = (await getFile(mt, `${base}&format=csv&table=${id}`)).toString('utf8');
      expectCsvAgrees(table, csv);
      if (id === 'satisfaction_by_team') expect(csv).toContain('te weinig antwoorden (n=3)');
    }
  });

  test("need-to-know: a department's manager sees their own team, other teams only pooled", async () => {
    const own = await getJson(manager, '/api/reports/quarterly?quarter=2026-Q2');
    expect(own.department?.id).toBe(wonen.id);
    const teams = own.tables.find((t) => t.id === 'satisfaction_by_team')?.rows ?? [];
    expect(teams.map((r) => r.key).sort()).toEqual(['other_teams', wonen.id].sort());
    expect(teams.some((r) => r.label.includes('Onderhoud'))).toBe(false);
    // c10, handled in Wonen by Otto of Onderhoud, is the pooled row: one answer, withheld
    expect(row(own, 'satisfaction_by_team', 'other_teams')?.slice(0, 4)).toEqual([
      1,
      1,
      1,
      'te weinig antwoorden (n=1)',
    ]);
    // the manager of Wonen cannot ask for Onderhoud's report
    const other = await manager.request({
      method: 'GET',
      url: `/api/reports/quarterly?quarter=2026-Q2&departmentId=${onderhoud.id}`,
    });
    expect(other.statusCode).toBeGreaterThanOrEqual(400);
    expect(other.statusCode).toBeLessThan(500);
  });
});

describe('the MT review carries no score on fewer than 5 answers (decision 050)', () => {
  const meetingPdf = async (quarter: string) => {
    const created = await mt.request({
      method: 'POST',
      url: '/api/mt/meetings',
      payload: { quarter, heldOn: '2026-07-02' },
    });
    expect(created.statusCode, created.body).toBe(201);
    return pdfText(await getFile(mt, `/api/mt/meetings/${created.json().id}/pdf`)).replace(/\s+/g, ' ');
  };

  test('the agenda API: 2026-Q1 has one answer (c11) and no means; 2026-Q2 has eight and shows them', async () => {
    const q1 = await mt.request({ url: '/api/mt/quarters/2026-Q1/agenda' });
    expect(q1.statusCode, q1.body).toBe(200);
    expect(q1.json().figures.satisfaction).toEqual({
      responses: 1,
      averageHandling: null,
      averageOutcome: null,
    });
    expect(q1.body).not.toMatch(/"average(Handling|Outcome)":\d/);
    const q2 = await mt.request({ url: '/api/mt/quarters/2026-Q2/agenda' });
    // handling 5,4,4,3,2,1,2,3 = 24/8 = 3; outcome 4,4,3,3,1,2,2,3 = 22/8 = 2.75
    expect(q2.json().figures.satisfaction).toEqual({
      responses: 8,
      averageHandling: 3,
      averageOutcome: 2.75,
    });
  });

  test('the meeting PDF: the withheld text on one answer, the means on eight', async () => {
    const q1 = await meetingPdf('2026-Q1');
    expect(q1).toContain('Kwartaalcijfers 2026-Q1');
    expect(q1).toContain('Tevredenheid (gemiddeld, 1–5) te weinig antwoorden (n=1)');
    expect(q1).not.toContain('behandeling 4');
    const q2 = await meetingPdf('2026-Q2');
    expect(q2).toContain('Tevredenheid (gemiddeld, 1–5) behandeling 3,0, uitkomst 2,75 (n=8)');
  });
});

// Issue 24, national run D (docs/performance.md, "Run D regressions"): the satisfaction rows were read twice (the
// period, then the four-quarter trend) and the planner answered "was the form requested?" for a year's complaints
// with one pass over the whole event table (3.4 s on 10 M events). Sizes like that cannot be built here, so the
// test holds what prevents it: one statement for both, and a request check that the partial index of migration
// 099 can answer (with sequential scans disabled, the plan must use it rather than scan the event table).
describe('the satisfaction rows cost one statement and an index probe (issue 24, run D)', () => {
  const during = recordStatements();
  test('one statement for the period and its trend; the request check uses the partial index', async () => {
    const { statements, parameters } = await during(() =>
      getJson(mt, '/api/reports/quarterly?quarter=2026-Q2'),
    );
    const reading = statements.flatMap((text, i) =>
      /left join complaint_satisfaction s/.test(text) ? [{ text, values: parameters[i] ?? [] }] : [],
    );
    expect(reading, statements.join('\n\n')).toHaveLength(1);
    // Every statement of the report that reads events asks only for the requests
    for (const text of statements.filter((s) => /complaint_event/.test(s)))
      expect(text).toMatch(/e\.type = 'satisfaction_requested'/);
    // The quarterly report's round trips: session, begin + scope, 26 statements of the report, commit (31 in
    // run D, when the period's and the trend's satisfaction rows and the scores were three statements)
    expect(statements.length, statements.join('\n\n')).toBeLessThanOrEqual(29);

    const satisfaction = reading[0] as { text: string; values: unknown[] };
    const plan = await inOrganization(database.app, org, async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const { rows } = await trx.executeQuery<{ 'QUERY PLAN': string }>(
        CompiledQuery.raw(`explain ${satisfaction.text}`, satisfaction.values),
      );
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toMatch(/using complaint_event_satisfaction_requested on complaint_event/);
    expect(plan).not.toMatch(/Seq Scan on complaint_event/);
  });
});
