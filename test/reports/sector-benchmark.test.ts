import type { FastifyInstance } from 'fastify';
import { describe, expect, test } from 'vitest';
import type { ReportDocument } from '../../src/contract/reports.ts';
import type { SectorBenchmark } from '../../src/contract/sector-benchmark.ts';
import { quarterRange } from '../../src/domain/index.ts';
import { refreshSectorBenchmark, sectorReport } from '../../src/server/modules/reports/sector.service.ts';
import { createTestApp } from '../support/app.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganization } from '../support/factories.ts';
import { type Client, SAME_ORIGIN, sessionCookieFrom, signInAs } from '../support/sessions.ts';
import { createStaffUser, TEST_PASSWORD } from '../support/staff-factories.ts';
import { insertComplaint, insertUnits } from './report-fixtures.ts';

// Issue 24 (decision 040): the anonymised sector benchmark, on real PostgreSQL with six small corporations whose
// figures for 2026-Q2 were worked out by hand. A–E opt in, G does not (and has extreme figures that would move
// every quartile if they counted).

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const owner = database.owner;
// The job runs in July: it keeps 2026-Q2 (the quarter before) and 2026-Q3, 2025 and 2026.
const JULY = new Date('2026-07-15T08:00:00Z');

async function signInAt(server: FastifyInstance, host: string, email: string): Promise<Client> {
  const response = await server.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { origin: `http://${host}`, host },
    payload: { email, password: TEST_PASSWORD },
  });
  expect(response.statusCode, response.body).toBe(200);
  const cookie = sessionCookieFrom(response.headers['set-cookie']);
  return {
    cookie,
    request: (options) =>
      server.inject({
        ...options,
        headers: { origin: `http://${host}`, host, cookie, ...(options.headers ?? {}) },
      }),
  };
}

type Plan = { onTime: number; late: number; repeats?: number; committee?: number; scores?: number[] };

/** A corporation with 1,000 units and, in April 2026, answered complaints on time and late. */
async function corporation(name: string, plan: Plan, options: { isDefault?: boolean; optIn: boolean }) {
  const slug = name.toLowerCase().replace(/\W+/g, '-');
  const org = await createOrganization(owner, {
    name,
    isDefault: options.isDefault ?? false,
    hostnames: [`${slug}.test`],
  });
  const registrar = await createStaffUser(owner, org.id, {
    name: `Registratie ${name}`,
    roles: ['employee'],
  });
  await insertUnits(owner, org.id, null, 1000);
  const ids: string[] = [];
  for (let i = 0; i < plan.onTime + plan.late; i++) {
    const late = i >= plan.onTime;
    ids.push(
      await insertComplaint(owner, org.id, registrar.id, {
        receivedAt: '2026-04-01T09:00:00+02:00',
        originalDueAt: '2026-04-15T23:59:59.999+02:00',
        answeredAt: late ? '2026-04-20T10:00:00+02:00' : '2026-04-10T10:00:00+02:00',
      }),
    );
  }
  for (const id of ids.slice(0, plan.repeats ?? 0))
    await owner
      .updateTable('complaint')
      .set({ repeat_of_id: ids.at(-1) } as never)
      .where('id', '=', id)
      .execute();
  for (const id of ids.slice(0, plan.committee ?? 0))
    await owner
      .updateTable('complaint')
      .set({ committee: JSON.stringify({ referredAt: '2026-05-01T10:00:00.000Z' }) } as never)
      .where('id', '=', id)
      .execute();
  for (const [i, score] of (plan.scores ?? []).entries())
    await owner
      .insertInto('complaint_satisfaction')
      .values({ organization_id: org.id, complaint_id: ids[i] as string, handling: score, outcome: 3 })
      .execute();
  if (options.optIn)
    await owner
      .updateTable('organization')
      .set({ sector_benchmark: true })
      .where('id', '=', org.id)
      .execute();
  return { ...org, host: `${slug}.test` };
}

// on time (term in force) / received per 1,000 units / committee per 1,000 / satisfaction / repeat share
const a = await corporation(
  'Woonstichting Anker',
  { onTime: 3, late: 1, repeats: 1, committee: 1, scores: [4, 2] }, // 0.75 / 4 / 1 / 3 / 0.25
  { isDefault: true, optIn: false }, // its administrator opts in below
);
const b = await corporation('Woonbron Beek', { onTime: 2, late: 0, scores: [5] }, { optIn: true }); // 1 / 2 / 0 / 5 / 0
const c = await corporation('Corporatie Cis', { onTime: 1, late: 4 }, { optIn: true }); // 0.2 / 5 / 0 / – / 0
const d = await corporation('De Dijk Wonen', { onTime: 0, late: 1 }, { optIn: true }); // 0 / 1 / 0 / – / 0
const e = await corporation('Eendracht', { onTime: 3, late: 0 }, { optIn: true }); // 1 / 3 / 0 / – / 0
const g = await corporation(
  'Grootwonen',
  { onTime: 0, late: 10, committee: 10, scores: [1, 1, 1, 1, 1] },
  { optIn: false },
);

const admin = await createStaffUser(owner, a.id, { name: 'Anna Admin', roles: ['employee', 'admin'] });
const mtA = await createStaffUser(owner, a.id, { name: 'Mark MT', roles: ['employee', 'management_team'] });
const handler = await createStaffUser(owner, a.id, { name: 'Hans Handler', roles: ['employee'] });
const mtG = await createStaffUser(owner, g.id, { name: 'Gea MT', roles: ['employee', 'management_team'] });
const asAdmin = await signInAs(app, admin.email);
const asMt = await signInAs(app, mtA.email);
const asHandler = await signInAs(app, handler.email);
const asMtG = await signInAt(app, g.host, mtG.email);

const benchmarkOf = async (client: Client, quarter = '2026-Q2') => {
  const response = await client.request({
    method: 'GET',
    url: `/api/reports/sector-benchmark?quarter=${quarter}`,
  });
  expect(response.statusCode, response.body).toBe(200);
  return { body: response.body, json: response.json() as SectorBenchmark };
};
const measureOf = (benchmark: SectorBenchmark, measure: string) =>
  benchmark.optedIn ? benchmark.measures.find((m) => m.measure === measure) : undefined;

describe('opting in', () => {
  test('is off by default, and a corporation that has not opted in sees only that', async () => {
    expect((await asAdmin.request({ method: 'GET', url: '/api/admin/sector-benchmark' })).json()).toEqual({
      optedIn: false,
    });
    expect((await benchmarkOf(asMt)).json).toEqual({ optedIn: false, period: '2026-Q2' });
    expect((await benchmarkOf(asMtG)).json).toEqual({ optedIn: false, period: '2026-Q2' });
  });

  test('only an administrator changes it; the benchmark is for those who see every report', async () => {
    const put = (client: Client) =>
      client.request({ method: 'PUT', url: '/api/admin/sector-benchmark', payload: { optedIn: true } });
    expect((await put(asMt)).statusCode).toBe(403);
    expect((await put(asHandler)).statusCode).toBe(403);
    expect(
      (
        await app.inject({
          method: 'PUT',
          url: '/api/admin/sector-benchmark',
          headers: { origin: SAME_ORIGIN },
          payload: { optedIn: true },
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (await asHandler.request({ method: 'GET', url: '/api/reports/sector-benchmark?quarter=2026-Q2' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await asAdmin.request({ method: 'GET', url: '/api/reports/sector-benchmark?quarter=2026-Q2' }))
        .statusCode,
    ).toBe(403);
    const bad = await asAdmin.request({
      method: 'PUT',
      url: '/api/admin/sector-benchmark',
      payload: { optedIn: 'ja' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const bad2 = await asMt.request({ method: 'GET', url: '/api/reports/sector-benchmark?quarter=2026-Q5' });
    expect(bad2.statusCode).toBe(400);

    const saved = await put(asAdmin);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ optedIn: true });
    const audit = await asAdmin.request({
      method: 'GET',
      url: '/api/admin/auth-events?type=sector_benchmark_changed',
    });
    expect(audit.statusCode, audit.body).toBe(200);
    expect(JSON.stringify(audit.json())).toContain('"optedIn":true');
    expect(JSON.stringify(audit.json())).toContain(admin.id);
  });

  test('until the hourly job has run, the sector figures are pending', async () => {
    const { json } = await benchmarkOf(asMt);
    expect(json.optedIn).toBe(true);
    expect(measureOf(json, 'on_time_share')?.sector).toEqual({ status: 'pending' });
    expect(measureOf(json, 'on_time_share')?.own).toBe(0.75);
  });
});

describe('the figures', () => {
  test('own figures beside the quartiles of the opted-in corporations only', async () => {
    await refreshSectorBenchmark(owner, JULY);
    const { json, body } = await benchmarkOf(asMt);
    if (!json.optedIn) throw new Error('opted in');
    expect(json.minimumGroup).toBe(5);
    expect(json.computedAt).toBe(JULY.toISOString());
    expect(json.measures).toEqual([
      // [0, 0.2, 0.75, 1, 1]
      {
        measure: 'on_time_share',
        own: 0.75,
        ownTooFewAnswers: null,
        sector: { status: 'shown', corporations: 5, p25: 0.2, p50: 0.75, p75: 1 },
      },
      // [1, 2, 3, 4, 5]; with Grootwonen's 10 it would be 1.75 / 3.5 / 4.75
      {
        measure: 'per_thousand_units',
        own: 4,
        ownTooFewAnswers: null,
        sector: { status: 'shown', corporations: 5, p25: 2, p50: 3, p75: 4 },
      },
      // [0, 0, 0, 0, 1]
      {
        measure: 'committee_per_thousand_units',
        own: 1,
        ownTooFewAnswers: null,
        sector: { status: 'shown', corporations: 5, p25: 0, p50: 0, p75: 0 },
      },
      // only Anker (3) and Beek (5) have scores: fewer than five, withheld (Grootwonen's five do not count)
      // Anker's own mean rests on two answers (decision 050): withheld, 'te weinig antwoorden (n=2)'
      {
        measure: 'satisfaction_handling',
        own: null,
        ownTooFewAnswers: 2,
        sector: { status: 'withheld', minimum: 5 },
      },
      // [0, 0, 0, 0, 0.25]
      {
        measure: 'repeat_share',
        own: 0.25,
        ownTooFewAnswers: null,
        sector: { status: 'shown', corporations: 5, p25: 0, p50: 0, p75: 0 },
      },
    ]);
    // No other corporation is named or identified
    for (const other of [b, c, d, e, g]) {
      expect(body).not.toContain(other.id);
      expect(body).not.toContain(other.name);
    }
    expect(body).not.toContain(a.id);
  });

  test('what is stored holds no organisation, and a period with no complaints is withheld as a whole', async () => {
    const stored = await owner.selectFrom('sector_benchmark_figure').selectAll().execute();
    const text = JSON.stringify(stored);
    for (const org of [a, b, c, d, e, g]) expect(text).not.toContain(org.id);
    expect(stored.map((r) => r.period).sort()).toEqual(
      ['2025', '2026', '2026-Q2', '2026-Q3'].flatMap((p) => Array(5).fill(p)).sort(),
    );
    const { json } = await benchmarkOf(asMt, '2026-Q3');
    if (!json.optedIn) throw new Error('opted in');
    // no answers in Q3: nobody has an on-time share; all have 0 complaints per 1,000 units
    expect(measureOf(json, 'on_time_share')).toEqual({
      measure: 'on_time_share',
      own: null,
      ownTooFewAnswers: null,
      sector: { status: 'withheld', minimum: 5 },
    });
    expect(measureOf(json, 'per_thousand_units')?.sector).toEqual({
      status: 'shown',
      corporations: 5,
      p25: 0,
      p50: 0,
      p75: 0,
    });
  });

  test('the quarterly report of a participant has the section, in every format; a non-participant’s has not', async () => {
    const report = await asMt.request({ method: 'GET', url: '/api/reports/quarterly?quarter=2026-Q2' });
    expect(report.statusCode, report.body).toBe(200);
    const document = report.json() as ReportDocument;
    const rowOf = (key: string) =>
      document.tables.find((t) => t.id === 'sector')?.rows.find((r) => r.key === key);
    // shares as percentages: own 75 %, sector P25 20 %, median 75 %, P75 100 %, five corporations
    expect(rowOf('on_time_share')?.cells.map((c) => c.value)).toEqual([75, 20, 75, 100, 5, '']);
    expect(rowOf('satisfaction_handling')?.cells.map((c) => c.value)).toEqual([
      'te weinig antwoorden (n=2)',
      null,
      null,
      null,
      null,
      'Niet getoond: minder dan 5 deelnemende corporaties met een cijfer',
    ]);
    const csv = await asMt.request({
      method: 'GET',
      url: '/api/reports/quarterly/export?quarter=2026-Q2&format=csv',
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Vergelijking met de sector');
    const other = await asMtG.request({ method: 'GET', url: '/api/reports/quarterly?quarter=2026-Q2' });
    expect((other.json() as ReportDocument).tables.map((t) => t.id)).not.toContain('sector');
  });

  test('a suspended corporation is left out of the next run (decision 047), and counts again once resumed', async () => {
    const suspend = (at: Date | null) =>
      owner.updateTable('organization').set({ suspended_at: at }).where('id', '=', d.id).execute();
    await suspend(JULY);
    await refreshSectorBenchmark(owner, JULY);
    const held = (await benchmarkOf(asMt)).json;
    expect(measureOf(held, 'on_time_share')?.sector).toEqual({ status: 'withheld', minimum: 5 });
    await suspend(null);
    await refreshSectorBenchmark(owner, JULY);
    const resumed = (await benchmarkOf(asMt)).json;
    expect(measureOf(resumed, 'on_time_share')?.sector).toMatchObject({ status: 'shown', corporations: 5 });
  });

  test('a corporation that opts out counts no more from the next run, and the group falls below the minimum', async () => {
    const asAdminE = await signInAt(
      app,
      e.host,
      (await createStaffUser(owner, e.id, { name: 'Eva Admin', roles: ['employee', 'admin'] })).email,
    );
    const out = await asAdminE.request({
      method: 'PUT',
      url: '/api/admin/sector-benchmark',
      payload: { optedIn: false },
    });
    expect(out.statusCode, out.body).toBe(200);
    await refreshSectorBenchmark(owner, JULY);
    const { json } = await benchmarkOf(asMt);
    expect(measureOf(json, 'on_time_share')?.sector).toEqual({ status: 'withheld', minimum: 5 });
  });
});

describe('the sector report', () => {
  test('counts every corporation in one grouped pass, as the quarterly report counts each', async () => {
    const period = { ...quarterRange('2026-Q2'), label: '2026-Q2' };
    const rows = await sectorReport(owner, period, 'all');
    expect(rows).toHaveLength(6);
    const of = (id: string) => rows.find((r) => r.organizationId === id);
    expect(of(a.id)).toMatchObject({
      units: 1000,
      counts: { received: 4, answered: 4, answered_on_time_extended: 3, repeats: 1, committee_referred: 1 },
      satisfaction: { responses: 2, handlingSum: 6, outcomeSum: 6 },
    });
    expect(of(g.id)?.counts).toMatchObject({
      received: 10,
      answered_on_time_extended: 0,
      committee_referred: 10,
    });
    // The same figures as each corporation's own quarterly report
    for (const [client, id] of [
      [asMt, a.id],
      [asMtG, g.id],
    ] as const) {
      const report = await client.request({ method: 'GET', url: '/api/reports/quarterly?quarter=2026-Q2' });
      expect(report.statusCode, report.body).toBe(200);
      const summary = (
        report.json() as { tables: { id: string; rows: { key: string; cells: { value: unknown }[] }[] }[] }
      ).tables.find((t) => t.id === 'summary');
      const value = (key: string) => summary?.rows.find((r) => r.key === key)?.cells[0]?.value;
      const row = of(id);
      expect(value('received')).toBe(row?.counts.received);
      expect(value('on_time_extended')).toBe(row?.counts.answered_on_time_extended);
      expect(value('committee_referred')).toBe(row?.counts.committee_referred);
      expect(value('satisfaction_responses')).toBe(row?.satisfaction.responses);
    }
  });
});

describe('satisfaction in the sector (decision 050: no score on fewer than 5 answers)', () => {
  test('only corporations with five answers or more make the quartiles; fewer sees "te weinig antwoorden"', async () => {
    // five more participants with five answered complaints each, all scored: handling means 4.2, 3.6, 3, 2.4, 2
    const plans: [string, number[]][] = [
      ['Huis Hoog', [5, 4, 4, 4, 4]],
      ['Ieder Thuis', [4, 4, 4, 3, 3]],
      ['Jaarsma Wonen', [3, 3, 3, 3, 3]],
      ['Kade Wonen', [3, 3, 2, 2, 2]],
      ['Laan Wonen', [2, 2, 2, 2, 2]],
    ];
    const made = [];
    for (const [name, scores] of plans)
      made.push(await corporation(name, { onTime: 5, late: 0, scores }, { optIn: true }));
    await refreshSectorBenchmark(owner, JULY);
    // sorted [2, 2.4, 3, 3.6, 4.2]: P25 2.4, median 3, P75 3.6. Anker (2 answers, mean 3) and Beek (1 answer,
    // mean 5) would make it [2, 2.4, 3, 3, 3.6, 4.2, 5]: 2.7 / 3 / 3.9 with seven corporations.
    const { json: anker } = await benchmarkOf(asMt);
    expect(measureOf(anker, 'satisfaction_handling')).toEqual({
      measure: 'satisfaction_handling',
      own: null,
      ownTooFewAnswers: 2,
      sector: { status: 'shown', corporations: 5, p25: 12 / 5, p50: 3, p75: 18 / 5 },
    });
    const hoog = made[0] as (typeof made)[number];
    const mtHoog = await createStaffUser(owner, hoog.id, {
      name: 'Henk MT',
      roles: ['employee', 'management_team'],
    });
    const { json: own } = await benchmarkOf(await signInAt(app, hoog.host, mtHoog.email));
    expect(measureOf(own, 'satisfaction_handling')).toMatchObject({ own: 21 / 5, ownTooFewAnswers: null });
    // the quarterly report says the same in its own cell
    const report = await asMt.request({ method: 'GET', url: '/api/reports/quarterly?quarter=2026-Q2' });
    const row = (report.json() as ReportDocument).tables
      .find((t) => t.id === 'sector')
      ?.rows.find((r) => r.key === 'satisfaction_handling');
    expect(row?.cells.map((c) => c.value).slice(0, 5)).toEqual([
      'te weinig antwoorden (n=2)',
      2.4,
      3,
      3.6,
      5,
    ]);
  });
});
