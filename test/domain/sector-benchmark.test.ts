import { describe, expect, test } from 'vitest';
import {
  NO_SECTOR_FIGURES,
  quartiles,
  type SectorFigures,
  sectorBenchmarkPeriods,
  sectorMeasureValue,
  sectorOwnTooFewAnswers,
  summarizeSector,
} from '../../src/domain/index.ts';

// Issue 24 (decision 040): the sector benchmark's arithmetic and its anonymity threshold.

const withOnTime = (answered: number, onTime: number): SectorFigures => ({
  ...NO_SECTOR_FIGURES,
  received: answered,
  answered,
  answeredOnTime: onTime,
  units: 1000,
});

describe('quartiles', () => {
  test('interpolate between neighbouring values (QUARTILE.INC); the median of an even count is the mean', () => {
    expect(quartiles([1, 2, 3, 4, 5])).toEqual({ p25: 2, p50: 3, p75: 4 });
    expect(quartiles([4, 1, 3, 2])).toEqual({ p25: 1.75, p50: 2.5, p75: 3.25 });
    expect(quartiles([7])).toEqual({ p25: 7, p50: 7, p75: 7 });
    expect(quartiles([])).toBeNull();
  });
});

describe('measures', () => {
  test('nothing to measure gives no value rather than 0', () => {
    expect(sectorMeasureValue('on_time_share', NO_SECTOR_FIGURES)).toBeNull();
    expect(sectorMeasureValue('per_thousand_units', NO_SECTOR_FIGURES)).toBeNull();
    expect(sectorMeasureValue('satisfaction_handling', NO_SECTOR_FIGURES)).toBeNull();
    expect(sectorMeasureValue('per_thousand_units', withOnTime(3, 1))).toBe(3);
    expect(sectorMeasureValue('on_time_share', withOnTime(4, 1))).toBe(0.25);
    const scores = (responses: number, sum: number) => ({
      ...NO_SECTOR_FIGURES,
      satisfactionResponses: responses,
      satisfactionHandlingSum: sum,
    });
    // decision 050: four answers are too few for a mean; five are enough
    expect(sectorMeasureValue('satisfaction_handling', scores(4, 14))).toBeNull();
    expect(sectorOwnTooFewAnswers('satisfaction_handling', scores(4, 14))).toBe(4);
    expect(sectorMeasureValue('satisfaction_handling', scores(5, 18))).toBe(3.6);
    expect(sectorOwnTooFewAnswers('satisfaction_handling', scores(5, 18))).toBeNull();
    expect(sectorOwnTooFewAnswers('satisfaction_handling', NO_SECTOR_FIGURES)).toBeNull();
    expect(sectorOwnTooFewAnswers('on_time_share', withOnTime(1, 1))).toBeNull();
  });
});

describe('satisfaction in the sector (decision 050)', () => {
  test('a corporation with fewer than five answers adds nothing to the quartiles', () => {
    const scores = (responses: number, sum: number) => ({
      ...NO_SECTOR_FIGURES,
      satisfactionResponses: responses,
      satisfactionHandlingSum: sum,
    });
    // means 4.2, 3.6, 3, 2.4, 2 on five answers each; 1 on four answers and 5 on one answer do not count
    const five = [scores(5, 21), scores(5, 18), scores(5, 15), scores(5, 12), scores(5, 10)];
    const satisfaction = (participants: SectorFigures[]) =>
      summarizeSector(participants).find((s) => s.measure === 'satisfaction_handling')?.sector;
    expect(satisfaction([...five, scores(4, 4), scores(1, 5)])).toEqual({
      status: 'shown',
      corporations: 5,
      quartiles: { p25: 12 / 5, p50: 3, p75: 18 / 5 },
    });
    expect(satisfaction([...five.slice(1), scores(4, 4), scores(1, 5)])).toEqual({
      status: 'withheld',
      minimum: 5,
    });
  });
});

describe('the minimum group', () => {
  test('four corporations with a value: withheld without their number; five: shown with it', () => {
    const four = [withOnTime(4, 1), withOnTime(2, 2), withOnTime(5, 0), withOnTime(1, 1), NO_SECTOR_FIGURES];
    const onTime = (participants: SectorFigures[]) =>
      summarizeSector(participants).find((s) => s.measure === 'on_time_share')?.sector;
    expect(onTime(four)).toEqual({ status: 'withheld', minimum: 5 });
    expect(onTime([...four, withOnTime(10, 5)])).toEqual({
      status: 'shown',
      corporations: 5,
      quartiles: { p25: 0.25, p50: 0.5, p75: 1 },
    });
  });
});

describe('periods kept', () => {
  test('the quarter before and the one in progress, last year and this year (Amsterdam calendar)', () => {
    expect(sectorBenchmarkPeriods(new Date('2026-12-07T10:00:00Z')).map((p) => p.label)).toEqual([
      '2026-Q3',
      '2026-Q4',
      '2025',
      '2026',
    ]);
    // 1 January 00:30 in Amsterdam is still 31 December in UTC
    expect(sectorBenchmarkPeriods(new Date('2026-12-31T23:30:00Z')).map((p) => p.label)).toEqual([
      '2026-Q4',
      '2027-Q1',
      '2026',
      '2027',
    ]);
  });
});
