import { describe, expect, test } from 'vitest';
import {
  computeDueAt,
  computeTermStartDay,
  DEFAULT_CALENDAR_SETTINGS,
  describeTermProgress,
  reviseCalendarSettings,
  validateCalendarSettings,
  workingDaysBetweenInstants,
} from '../../src/domain/index.ts';

const S = DEFAULT_CALENDAR_SETTINGS;

describe('term start and due instant (policy 2.3 "binnen vijf werkdagen")', () => {
  test.each([
    // cut-off 17:00 local
    {
      why: 'winter, 16:59 local is before the cut-off',
      received: '2026-01-15T15:59:00Z',
      start: '2026-01-15',
      due: '2026-01-22T22:59:59.999Z',
    },
    {
      why: 'winter, 17:00 local is the cut-off',
      received: '2026-01-15T16:00:00Z',
      start: '2026-01-16',
      due: '2026-01-23T22:59:59.999Z',
    },
    {
      why: 'winter, 16:30 UTC is already 17:30 local',
      received: '2026-01-15T16:30:00Z',
      start: '2026-01-16',
      due: '2026-01-23T22:59:59.999Z',
    },
    {
      why: 'summer, 16:59:59 local is before the cut-off',
      received: '2026-07-15T14:59:59Z',
      start: '2026-07-15',
      due: '2026-07-22T21:59:59.999Z',
    },
    {
      why: 'summer, 17:00:00 local is after',
      received: '2026-07-15T15:00:00Z',
      start: '2026-07-16',
      due: '2026-07-23T21:59:59.999Z',
    },
    {
      why: 'early morning counts as that day',
      received: '2026-07-15T04:00:00Z',
      start: '2026-07-15',
      due: '2026-07-22T21:59:59.999Z',
    },
    {
      why: 'just after local midnight belongs to the new day',
      received: '2026-07-14T22:30:00Z',
      start: '2026-07-15',
      due: '2026-07-22T21:59:59.999Z',
    },
    {
      why: 'Saturday → Monday',
      received: '2026-06-13T10:00:00Z',
      start: '2026-06-15',
      due: '2026-06-22T21:59:59.999Z',
    },
    {
      why: 'Friday after the cut-off → Monday',
      received: '2026-06-12T16:00:00Z',
      start: '2026-06-15',
      due: '2026-06-22T21:59:59.999Z',
    },
    {
      why: 'on Koningsdag → next day',
      received: '2026-04-27T09:00:00Z',
      start: '2026-04-28',
      due: '2026-05-05T21:59:59.999Z',
    },
    {
      why: 'term runs over Hemelvaartsdag',
      received: '2026-05-11T09:00:00Z',
      start: '2026-05-11',
      due: '2026-05-19T21:59:59.999Z',
    },
    {
      why: 'term runs over Christmas and New Year',
      received: '2026-12-23T09:00:00Z',
      start: '2026-12-23',
      due: '2026-12-31T22:59:59.999Z',
    },
    // DST: last Sunday of March 2026 is 29 March, of October 2026 is 25 October
    {
      why: 'DST spring: Friday 16:59 CET, due in CEST (Goede Vrijdag works)',
      received: '2026-03-27T15:59:00Z',
      start: '2026-03-27',
      due: '2026-04-03T21:59:59.999Z',
    },
    {
      why: 'DST spring: Friday 17:00 CET, over Tweede Paasdag',
      received: '2026-03-27T16:00:00Z',
      start: '2026-03-30',
      due: '2026-04-07T21:59:59.999Z',
    },
    {
      why: 'DST spring: received on the switch night itself',
      received: '2026-03-29T01:30:00Z',
      start: '2026-03-30',
      due: '2026-04-07T21:59:59.999Z',
    },
    {
      why: 'DST autumn: Friday 16:59 CEST, due in CET',
      received: '2026-10-23T14:59:00Z',
      start: '2026-10-23',
      due: '2026-10-30T22:59:59.999Z',
    },
    {
      why: 'DST autumn: Friday 17:00 CEST',
      received: '2026-10-23T15:00:00Z',
      start: '2026-10-26',
      due: '2026-11-02T22:59:59.999Z',
    },
    {
      why: 'DST autumn: the repeated hour 02:30 (first)',
      received: '2026-10-25T00:30:00Z',
      start: '2026-10-26',
      due: '2026-11-02T22:59:59.999Z',
    },
    {
      why: 'DST autumn: the repeated hour 02:30 (second)',
      received: '2026-10-25T01:30:00Z',
      start: '2026-10-26',
      due: '2026-11-02T22:59:59.999Z',
    },
    {
      why: 'DST spring 2027 (28 March): Thursday before Goede Vrijdag',
      received: '2027-03-25T10:00:00Z',
      start: '2027-03-25',
      due: '2027-04-02T21:59:59.999Z',
    },
  ])('policy 2.3: $why', ({ received, start, due }) => {
    const deadline = computeDueAt(new Date(received), S);
    expect(deadline.termStartDay).toBe(start);
    expect(deadline.dueAt.toISOString()).toBe(due);
    expect(deadline.settingsVersion).toBe(1);
  });

  test('policy 2.3: cut-off time and term length are settings', () => {
    const settings = { ...S, cutOffTime: '12:00', termWorkingDays: 10 };
    expect(computeTermStartDay(new Date('2026-06-10T10:00:00Z'), settings)).toBe('2026-06-11'); // 12:00 local
    expect(computeDueAt(new Date('2026-06-10T09:59:00Z'), settings).dueDay).toBe('2026-06-24');
  });

  test('policy 2.3: Goede Vrijdag as a day off moves the due day', () => {
    const settings = { ...S, goodFridayIsDayOff: true };
    expect(computeDueAt(new Date('2026-03-27T15:59:00Z'), settings).dueDay).toBe('2026-04-07');
  });
});

describe('versioned settings (policy 2.3: a deadline is computed once)', () => {
  test('policy 2.3: revising settings bumps the version and leaves the old deadline untouched', () => {
    const received = new Date('2026-12-22T09:00:00Z');
    const stored = computeDueAt(received, S);
    const revised = reviseCalendarSettings(S, { closingDays: ['2026-12-28', '2026-12-29'] });
    expect(revised.ok).toBe(true);
    if (!revised.ok) return;
    expect(revised.settings.version).toBe(2);
    expect(S.closingDays).toEqual([]);
    const recomputed = computeDueAt(received, revised.settings);
    expect(stored.dueDay).toBe('2026-12-30');
    expect(recomputed.dueDay).toBe('2027-01-04');
    expect(stored.settingsVersion).toBe(1);
    expect(recomputed.settingsVersion).toBe(2);
  });

  test.each([
    { change: { termWorkingDays: 0 }, reason: 'term_length_invalid' },
    { change: { termWorkingDays: 2.5 }, reason: 'term_length_invalid' },
    { change: { cutOffTime: '24:00' }, reason: 'cut_off_time_invalid' },
    { change: { cutOffTime: '5pm' }, reason: 'cut_off_time_invalid' },
    { change: { closingDays: ['2026-02-30'] }, reason: 'closing_day_invalid' },
    { change: { liberationDay: 'sometimes' as never }, reason: 'liberation_day_mode_invalid' },
  ])('policy 2.3: settings change $change is refused with $reason', ({ change, reason }) => {
    expect(reviseCalendarSettings(S, change)).toEqual({ ok: false, reason });
  });

  test('policy 2.3: a version below 1 is refused; closing days are sorted and deduplicated', () => {
    expect(validateCalendarSettings({ ...S, version: 0 })).toEqual({ ok: false, reason: 'version_invalid' });
    const checked = validateCalendarSettings({
      ...S,
      closingDays: ['2026-12-31', '2026-12-28', '2026-12-31'],
    });
    expect(checked.ok && checked.settings.closingDays).toEqual(['2026-12-28', '2026-12-31']);
  });
});

describe('"nog 2 werkdagen" / "3 werkdagen te laat" (policy 2.3)', () => {
  const dueAt = new Date('2026-06-12T21:59:59.999Z'); // Friday 12 June 2026, end of day
  test.each([
    { now: '2026-06-10T08:00:00Z', expected: { state: 'on_track', workingDaysLeft: 2 } },
    { now: '2026-06-06T08:00:00Z', expected: { state: 'on_track', workingDaysLeft: 5 } },
    { now: '2026-06-12T21:59:59.999Z', expected: { state: 'due_today', workingDaysLeft: 0 } },
    { now: '2026-06-12T22:00:00.000Z', expected: { state: 'overdue', workingDaysLate: 0 } },
    { now: '2026-06-15T08:00:00Z', expected: { state: 'overdue', workingDaysLate: 1 } },
    { now: '2026-06-17T08:00:00Z', expected: { state: 'overdue', workingDaysLate: 3 } },
  ])('policy 2.3: at $now the term is $expected.state', ({ now, expected }) => {
    expect(describeTermProgress(new Date(now), dueAt, S)).toEqual(expected);
  });

  test('policy 2.3: working days between instants use Amsterdam calendar days', () => {
    // 23:30 UTC on Thursday is already Friday in Amsterdam
    expect(
      workingDaysBetweenInstants(new Date('2026-06-10T08:00:00Z'), new Date('2026-06-11T23:30:00Z'), S),
    ).toBe(2);
    expect(workingDaysBetweenInstants(new Date('2026-06-17T08:00:00Z'), dueAt, S)).toBe(-3);
  });
});
