import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import {
  addWorkingDays,
  DEFAULT_CALENDAR_SETTINGS,
  fromEpochDay,
  getIsoWeekday,
  getNextWorkingDay,
  getPreviousWorkingDay,
  isWorkingDay,
  listDaysOff,
  toEpochDay,
  workingDaysBetween,
} from '../../src/domain/index.ts';

const S = DEFAULT_CALENDAR_SETTINGS;
const START = toEpochDay('2020-01-01');
const END = toEpochDay('2040-12-31');

const anyDay = fc.integer({ min: START, max: END - 120 }).map(fromEpochDay);
const workingDay = anyDay.map((d) => (isWorkingDay(d, S) ? d : getNextWorkingDay(d, S)));
const settingsArb = fc.record({
  goodFridayIsDayOff: fc.boolean(),
  liberationDay: fc.constantFrom('every_year', 'lustrum', 'never' as const),
  closingDays: fc.uniqueArray(anyDay, { maxLength: 8 }),
});

describe('working days, fixed cases (policy 2.3)', () => {
  test.each([
    { from: '2026-03-30', n: 5, to: '2026-04-07', why: 'Tweede Paasdag skipped' },
    { from: '2026-04-02', n: 1, to: '2026-04-03', why: 'Goede Vrijdag is a working day by default' },
    { from: '2026-04-24', n: 1, to: '2026-04-28', why: 'weekend and Koningsdag skipped' },
    { from: '2026-05-13', n: 1, to: '2026-05-15', why: 'Hemelvaartsdag skipped' },
    { from: '2025-05-02', n: 1, to: '2025-05-06', why: 'lustrum Bevrijdingsdag skipped' },
    { from: '2026-12-24', n: 1, to: '2026-12-28', why: 'Christmas on Friday, weekend' },
    { from: '2026-12-31', n: 1, to: '2027-01-04', why: 'Nieuwjaarsdag on Friday, weekend' },
    { from: '2026-06-06', n: 1, to: '2026-06-08', why: 'from a Saturday' },
    { from: '2026-06-08', n: 0, to: '2026-06-08', why: 'zero' },
    { from: '2026-06-08', n: -1, to: '2026-06-05', why: 'backwards over a weekend' },
    { from: '2026-04-07', n: -1, to: '2026-04-03', why: 'backwards over Tweede Paasdag' },
  ])('policy 2.3: $from + $n working days = $to ($why)', ({ from, n, to }) => {
    expect(addWorkingDays(from, n, S)).toBe(to);
  });

  test.each([
    { from: '2026-06-08', to: '2026-06-12', n: 4, why: 'Monday → Friday, "nog 4 werkdagen"' },
    { from: '2026-06-12', to: '2026-06-08', n: -4, why: 'signed' },
    { from: '2026-06-12', to: '2026-06-15', n: 1, why: 'Friday → Monday' },
    { from: '2026-06-12', to: '2026-06-13', n: 0, why: 'Friday → Saturday' },
    { from: '2026-04-02', to: '2026-04-07', n: 2, why: 'Goede Vrijdag counts, Tweede Paasdag does not' },
    { from: '2026-06-10', to: '2026-06-10', n: 0, why: 'same day' },
  ])('policy 2.3: working days between $from and $to = $n ($why)', ({ from, to, n }) => {
    expect(workingDaysBetween(from, to, S)).toBe(n);
  });

  test('policy 2.3: next/previous working day skip closing days', () => {
    const settings = { ...S, closingDays: ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31'] };
    expect(getNextWorkingDay('2026-12-24', settings)).toBe('2027-01-04');
    expect(getPreviousWorkingDay('2027-01-04', settings)).toBe('2026-12-24');
  });

  test('policy 2.3: a non-integer count is a programming error', () => {
    expect(() => addWorkingDays('2026-06-08', 1.5, S)).toThrow(RangeError);
  });
});

describe('working-day calendar laws, 2020–2040 (policy 2.3, fast-check)', () => {
  propTest.prop([anyDay, fc.integer({ min: 1, max: 60 }), settingsArb])(
    'policy 2.3: adding n ≥ 1 working days lands on a working day — never a weekend, holiday or closing day',
    (day, n, overrides) => {
      const settings = { ...S, ...overrides };
      const result = addWorkingDays(day, n, settings);
      expect(isWorkingDay(result, settings)).toBe(true);
      expect(getIsoWeekday(result)).toBeLessThanOrEqual(5);
      const year = Number(result.slice(0, 4));
      expect(listDaysOff(year, settings).map((d) => d.date)).not.toContain(result);
    },
  );

  propTest.prop([anyDay, fc.integer({ min: -40, max: 40 }), fc.integer({ min: -40, max: 40 })])(
    'policy 2.3: adding working days is monotonic in n',
    (day, a, b) => {
      fc.pre(a !== b);
      const [lo, hi] = a < b ? [a, b] : [b, a];
      if (lo >= 0 || isWorkingDay(day, S) || hi <= 0) {
        expect(addWorkingDays(day, lo, S) < addWorkingDays(day, hi, S)).toBe(true);
      } else {
        expect(addWorkingDays(day, lo, S) <= addWorkingDays(day, hi, S)).toBe(true);
      }
    },
  );

  propTest.prop([anyDay, fc.integer({ min: 0, max: 60 })])(
    'policy 2.3: "between" inverts "add" from any day for n ≥ 0',
    (day, n) => {
      expect(workingDaysBetween(day, addWorkingDays(day, n, S), S)).toBe(n);
    },
  );

  propTest.prop([workingDay, fc.integer({ min: -60, max: 60 })])(
    'policy 2.3: "between" inverts "add" from a working day for any n',
    (day, n) => {
      expect(workingDaysBetween(day, addWorkingDays(day, n, S), S)).toBe(n);
    },
  );

  propTest.prop([anyDay, anyDay, anyDay], { numRuns: 40 })(
    'policy 2.3: "between" is antisymmetric and additive',
    (a, b, c) => {
      expect(workingDaysBetween(a, b, S) + workingDaysBetween(b, a, S)).toBe(0);
      expect(workingDaysBetween(a, b, S) + workingDaysBetween(b, c, S)).toBe(workingDaysBetween(a, c, S));
    },
  );

  test('policy 2.3: every working day 2020–2040 is a weekday and no listed day off', () => {
    for (let epochDay = START; epochDay <= END; epochDay += 1) {
      const day = fromEpochDay(epochDay);
      const off = listDaysOff(Number(day.slice(0, 4)), S).some((d) => d.date === day);
      expect(isWorkingDay(day, S)).toBe(getIsoWeekday(day) <= 5 && !off);
    }
  });
});
