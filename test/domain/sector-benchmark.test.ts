import { describe, expect, test } from 'vitest';
import {
  NO_SECTOR_FIGURES,
  quartiles,
  type SectorFigures,
  sectorBenchmarkPeriods,
  sectorMeasureValue,
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
    expect(
      sectorMeasureValue('satisfaction_handling', {
        ...NO_SECTOR_FIGURES,
        satisfactionResponses: 4,
        satisfactionHandlingSum: 14,
      }),
    ).toBe(3.5);
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
