import { describe, expect, test } from 'vitest';
import {
  DEFAULT_CALENDAR_SETTINGS,
  formatDecimal,
  formatRate,
  isActionOverdueOn,
  median,
  monthsOf,
  percentile,
  perThousandUnits,
  rate,
  summarizeSatisfaction,
  summarizeTimeliness,
} from '../../src/domain/index.ts';

const at = (iso: string) => new Date(iso);

describe('report measures (docs/measures.md)', () => {
  test('median: middle value, or the mean of the two middle values', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([2, 3, 3, 5, 5, 7])).toBe(4);
  });

  test('nearest-rank percentile', () => {
    expect(percentile([], 90)).toBeNull();
    expect(percentile([4], 90)).toBe(4);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90)).toBe(10);
    expect(percentile([2, 3, 3, 5, 5, 7], 90)).toBe(7);
  });

  test('rates and per 1,000 units have no value without a denominator', () => {
    expect(rate(0, 0)).toBeNull();
    expect(rate(5, 6)).toBe(5 / 6);
    expect(perThousandUnits(3, 0)).toBeNull();
    expect(perThousandUnits(3, 800)).toBe(3.75);
  });

  test("on time against the original and the extended term; a holiday in the term (King's Day) is no working day", () => {
    const summary = summarizeTimeliness(
      [
        // Fri 24 Apr 2026 → answered Mon 4 May: 28, 29, 30 Apr, 1 and 4 May = 5 working days (27 Apr off)
        {
          receivedAt: at('2026-04-24T10:00:00+02:00'),
          answeredAt: at('2026-05-04T15:00:00+02:00'),
          originalDueAt: at('2026-05-04T23:59:59.999+02:00'),
          dueAt: at('2026-05-04T23:59:59.999+02:00'),
          extended: false,
        },
        // late against the original term, on time against the extension
        {
          receivedAt: at('2026-04-07T09:00:00+02:00'),
          answeredAt: at('2026-04-16T11:00:00+02:00'),
          originalDueAt: at('2026-04-14T23:59:59.999+02:00'),
          dueAt: at('2026-04-17T23:59:59.999+02:00'),
          extended: true,
        },
      ],
      DEFAULT_CALENDAR_SETTINGS,
    );
    expect(summary).toEqual({
      answered: 2,
      onTimeOriginal: 1,
      onTimeExtended: 2,
      extended: 1,
      onTimeOriginalRate: 0.5,
      onTimeExtendedRate: 1,
      medianWorkingDays: 6,
      p90WorkingDays: 7,
    });
  });

  test('satisfaction: means, distribution and response rate', () => {
    const s = summarizeSatisfaction(
      [
        { handling: 4, outcome: 5 },
        { handling: 2, outcome: 3 },
        { handling: 5, outcome: 5 },
      ],
      6,
    );
    expect(s.responseRate).toBe(0.5);
    expect(s.meanHandling).toBeCloseTo(11 / 3, 12);
    expect(s.handlingDistribution).toEqual([0, 1, 0, 1, 1]);
    expect(s.outcomeDistribution).toEqual([0, 0, 1, 0, 2]);
    expect(summarizeSatisfaction([], 0)).toMatchObject({ responseRate: null, meanHandling: null });
  });

  test('an action is overdue after its due day until done or dropped', () => {
    const action = { dueOn: '2026-05-01', status: 'in_progress', completedOn: null };
    expect(isActionOverdueOn(action, '2026-05-01')).toBe(false);
    expect(isActionOverdueOn(action, '2026-05-02')).toBe(true);
    expect(isActionOverdueOn({ ...action, status: 'done', completedOn: '2026-05-10' }, '2026-06-01')).toBe(
      false,
    );
    expect(isActionOverdueOn({ ...action, status: 'done', completedOn: '2026-05-10' }, '2026-05-05')).toBe(
      true,
    );
    expect(isActionOverdueOn({ ...action, status: 'dropped' }, '2026-06-01')).toBe(false);
  });

  test('months of a period and the Dutch way of writing figures', () => {
    expect(monthsOf({ from: '2026-10-01', until: '2027-01-01', label: '2026-Q4' })).toEqual([
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    expect(formatRate(5 / 6)).toBe('83,3%');
    expect(formatRate(null)).toBe('–');
    expect(formatDecimal(3.75)).toBe('3,8');
    expect(formatDecimal(1200)).toBe('1.200');
  });
});
