import { describe, expect, test } from 'vitest';
import { checkNationalLoad, type DataLoad } from '../../bench/budgets.ts';
import { formatLoadRecord, LoadPhases, type LoadRecord } from '../../src/server/seed/load-phases.ts';

// Issue 24: the bench records how long the national data set took to load, per phase, and compares the whole
// with the 10-minute budget.

const record = (seconds: number): LoadRecord => ({
  startedAt: '2026-12-07T15:19:52.000Z',
  seconds,
  nodeCpuSeconds: 300,
  postgresCpuSeconds: 280,
  loadAverage: { before: 1.8, after: 2.4 },
  cores: 2,
  phases: [{ name: 'loading', seconds: seconds - 100, nodeCpuSeconds: 250, postgresCpuSeconds: 200 }],
});
const national = (seconds: number, extra: Partial<DataLoad> = {}): DataLoad => ({
  scale: 'national',
  organizations: 280,
  plannedOrganizations: 280,
  record: record(seconds),
  reused: false,
  ...extra,
});

describe('national load budget (issue 24)', () => {
  test('a full national load within 10 minutes meets it; the time, load average and CPU are shown', () => {
    const check = checkNationalLoad(national(543));
    expect(check.met).toBe(true);
    expect(check.measured).toContain('9 min 03 s');
    expect(check.measured).toContain('load average 1.8 → 2.4');
    expect(check.measured).toContain('PostgreSQL 280 s');
  });

  test('over 10 minutes is not met; a reused data set shows when it was recorded', () => {
    const check = checkNationalLoad(national(601, { reused: true }));
    expect(check.met).toBe(false);
    expect(check.measured).toContain('10 min 01 s');
    expect(check.measured).toContain('recorded 2026-12-07T15:19');
  });

  test('a partial (--limit) load, another scale or no record is not judged', () => {
    expect(checkNationalLoad(national(120, { organizations: 5 })).met).toBeNull();
    expect(checkNationalLoad(national(120, { scale: 'medium' })).met).toBeNull();
    expect(checkNationalLoad(national(120, { record: null })).met).toBeNull();
    expect(checkNationalLoad(null).met).toBeNull();
  });
});

describe('load phases', () => {
  test('phases add up, a phase entered twice is summed, and the table lists each once', async () => {
    const phases = new LoadPhases(null, 2);
    phases.enter('generating');
    await new Promise((resolve) => setTimeout(resolve, 20));
    phases.enter('loading');
    let spin = 0;
    for (let i = 0; i < 2_000_000; i += 1) spin += i;
    expect(spin).toBeGreaterThan(0);
    phases.enter('generating');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const done = phases.finish();
    expect(done.phases.map((p) => p.name)).toEqual(['generating', 'loading']);
    expect(done.phases[0]?.seconds).toBeGreaterThanOrEqual(0.03);
    expect(done.postgresCpuSeconds).toBeNull();
    const sum = done.phases.reduce((total, p) => total + p.seconds, 0);
    expect(Math.abs(sum - done.seconds)).toBeLessThan(0.05);
    const table = formatLoadRecord(done);
    expect(table.split('\n')).toHaveLength(5);
    expect(table).toContain('| loading |');
  });
});
