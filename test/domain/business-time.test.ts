import { describe, expect, test } from 'vitest';
import {
  addCalendarDays,
  getEndOfLocalDay,
  getIsoWeekday,
  getUtcOffsetMinutes,
  isLocalDate,
  toInstant,
  toLocalDateTime,
} from '../../src/domain/index.ts';

describe('local dates (policy 2.3: working days are calendar days)', () => {
  test.each([
    ['2026-02-28', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['26-01-01', false],
    ['2026-1-1', false],
  ])('policy 2.3: %s is a valid local date: %s', (value, valid) => {
    expect(isLocalDate(value)).toBe(valid);
  });

  test('policy 2.3: calendar arithmetic crosses months, years and leap days', () => {
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(getIsoWeekday('2026-06-07')).toBe(7);
    expect(getIsoWeekday('2026-06-08')).toBe(1);
  });
});

describe('Europe/Amsterdam wall clock (policy 2.3, DST)', () => {
  test.each([
    { utc: '2026-01-15T12:00:00Z', date: '2026-01-15', hour: 13, offset: 60 },
    { utc: '2026-07-15T12:00:00Z', date: '2026-07-15', hour: 14, offset: 120 },
    { utc: '2026-03-29T00:59:59Z', date: '2026-03-29', hour: 1, offset: 60 },
    { utc: '2026-03-29T01:00:00Z', date: '2026-03-29', hour: 3, offset: 120 },
    { utc: '2026-10-25T00:59:59Z', date: '2026-10-25', hour: 2, offset: 120 },
    { utc: '2026-10-25T01:00:00Z', date: '2026-10-25', hour: 2, offset: 60 },
    { utc: '2026-12-31T23:30:00Z', date: '2027-01-01', hour: 0, offset: 60 },
  ])('policy 2.3: $utc is $date $hour h local (UTC+$offset min)', ({ utc, date, hour, offset }) => {
    const local = toLocalDateTime(new Date(utc));
    expect(local.date).toBe(date);
    expect(local.hour).toBe(hour);
    expect(getUtcOffsetMinutes(new Date(utc))).toBe(offset);
  });

  test.each([
    { date: '2026-03-28', iso: '2026-03-28T22:59:59.999Z' },
    { date: '2026-03-29', iso: '2026-03-29T21:59:59.999Z' },
    { date: '2026-10-24', iso: '2026-10-24T21:59:59.999Z' },
    { date: '2026-10-25', iso: '2026-10-25T22:59:59.999Z' },
  ])('policy 2.3: end of $date local is $iso', ({ date, iso }) => {
    expect(getEndOfLocalDay(date).toISOString()).toBe(iso);
  });

  test('policy 2.3: a wall time in the spring gap resolves forward; round trips elsewhere', () => {
    const gap = toInstant({ date: '2026-03-29', hour: 2, minute: 30, second: 0, millisecond: 0 });
    expect(toLocalDateTime(gap).hour).toBe(3);
    const noon = toInstant({ date: '2026-10-25', hour: 12, minute: 0, second: 0, millisecond: 0 });
    expect(noon.toISOString()).toBe('2026-10-25T11:00:00.000Z');
  });
});
