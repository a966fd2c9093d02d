import { describe, expect, test } from 'vitest';
import {
  computeDueAt,
  DEFAULT_CALENDAR_SETTINGS,
  describeTermProgress,
  explainTerm,
  getEndOfLocalDay,
} from '../../src/domain/index.ts';

const S = DEFAULT_CALENDAR_SETTINGS; // five working days, cut-off 17:00 Amsterdam time

function termOf(receivedAt: Date) {
  const deadline = computeDueAt(receivedAt, S);
  return { termStartDay: deadline.termStartDay, originalDueAt: deadline.dueAt, dueAt: deadline.dueAt };
}

describe('how the term is counted, explained (issue 22, policy 2.3)', () => {
  test('received on a working day before the cut-off: that day is day 0, five working days after it', () => {
    const receivedAt = new Date('2026-12-08T09:00:00Z'); // Tuesday 10:00
    const explanation = explainTerm(receivedAt, termOf(receivedAt), S);
    expect(explanation).toEqual({
      receivedDay: '2026-12-08',
      startDay: '2026-12-08',
      startRule: 'day_of_receipt',
      cutOffTime: '17:00',
      workingDays: 5,
      originalDueDay: '2026-12-15',
      dueDay: '2026-12-15',
      extended: false,
    });
    expect(describeTermProgress(receivedAt, termOf(receivedAt).dueAt, S)).toEqual({
      state: 'on_track',
      workingDaysLeft: 5,
    });
  });

  test('received after the cut-off: day 0 is the next working day, so on the day itself it reads 6 left', () => {
    const receivedAt = new Date('2026-12-08T17:30:00Z'); // Tuesday 18:30
    const explanation = explainTerm(receivedAt, termOf(receivedAt), S);
    expect(explanation).toMatchObject({
      receivedDay: '2026-12-08',
      startDay: '2026-12-09',
      startRule: 'after_cut_off',
      workingDays: 5,
      dueDay: '2026-12-16',
    });
    expect(describeTermProgress(receivedAt, termOf(receivedAt).dueAt, S)).toEqual({
      state: 'on_track',
      workingDaysLeft: 6,
    });
  });

  test('received on a weekend: day 0 is Monday; holidays are skipped in the count', () => {
    const saturday = new Date('2026-12-12T10:00:00Z');
    expect(explainTerm(saturday, termOf(saturday), S)).toMatchObject({
      startDay: '2026-12-14',
      startRule: 'day_off',
      dueDay: '2026-12-21',
      workingDays: 5,
    });
    // Wednesday 23 December after the cut-off: day 0 is Thursday 24; Christmas, the weekend and New Year skipped
    const beforeChristmas = new Date('2026-12-23T17:30:00Z');
    expect(explainTerm(beforeChristmas, termOf(beforeChristmas), S)).toMatchObject({
      startDay: '2026-12-24',
      startRule: 'after_cut_off',
      dueDay: '2027-01-04',
      workingDays: 5,
    });
  });

  test('a term started anew later, and an extended term, say so', () => {
    const receivedAt = new Date('2026-12-08T09:00:00Z');
    const restarted = { ...termOf(new Date('2026-12-14T09:00:00Z')) };
    expect(explainTerm(receivedAt, restarted, S)).toMatchObject({
      startDay: '2026-12-14',
      startRule: 'restarted',
      workingDays: 5,
    });
    const extended = { ...termOf(receivedAt), dueAt: getEndOfLocalDay('2026-12-22') };
    expect(explainTerm(receivedAt, extended, S)).toMatchObject({
      originalDueDay: '2026-12-15',
      dueDay: '2026-12-22',
      extended: true,
      workingDays: 5,
    });
  });

  test('the length is recounted from the stored dates, not taken from today’s settings', () => {
    const receivedAt = new Date('2026-12-08T09:00:00Z');
    expect(explainTerm(receivedAt, termOf(receivedAt), { ...S, termWorkingDays: 10 }).workingDays).toBe(5);
  });
});
