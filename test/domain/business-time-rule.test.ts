import { describe, expect, test } from 'vitest';
import { getUtcOffsetMinutes, toInstant, toLocalDateTime } from '../../src/domain/index.ts';

// toLocalDateTime computes Europe/Amsterdam's offset by the EU rule instead of asking Intl (for speed): these
// tests hold it against Intl itself, at every DST transition 2020–2030 and every hour in between.

const intl = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function byIntl(epochMs: number) {
  const parts: Record<string, string> = {};
  for (const part of intl.formatToParts(new Date(epochMs))) parts[part.type] = part.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: new Date(epochMs).getUTCMilliseconds(),
  };
}

function offsetByIntl(epochMs: number): number {
  const local = byIntl(epochMs);
  const [y, m, d] = local.date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, local.hour, local.minute, local.second, local.millisecond);
  return Math.round((wall - epochMs) / 60_000);
}

const HOUR = 3_600_000;
const start = Date.UTC(2020, 0, 1);
const end = Date.UTC(2031, 0, 1);

/** The instants (ms) at which Intl's offset changes, found hour by hour and narrowed to the millisecond. */
function transitionsByIntl(): number[] {
  const found: number[] = [];
  let previous = offsetByIntl(start);
  for (let t = start + HOUR; t <= end; t += HOUR) {
    const offset = offsetByIntl(t);
    if (offset !== previous) {
      let low = t - HOUR;
      let high = t;
      while (high - low > 1) {
        const mid = Math.floor((low + high) / 2);
        if (offsetByIntl(mid) === previous) low = mid;
        else high = mid;
      }
      found.push(high);
      previous = offset;
    }
  }
  return found;
}

describe('Europe/Amsterdam by the EU rule equals Intl (policy 2.3)', () => {
  const transitions = transitionsByIntl();

  test('policy 2.3: Intl knows two transitions a year 2020–2030, each at 01:00 UTC on a Sunday', () => {
    expect(transitions).toHaveLength(22);
    for (const t of transitions) {
      const d = new Date(t);
      expect([d.getUTCDay(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCMilliseconds()]).toEqual([
        0, 1, 0, 0,
      ]);
    }
  });

  test('policy 2.3: the same wall clock and offset around every transition, to the millisecond', () => {
    const around = [
      -HOUR - 1,
      -HOUR,
      -60_001,
      -1_000,
      -1,
      0,
      1,
      999,
      60_000,
      HOUR - 1,
      HOUR,
      2 * HOUR,
      86_400_000,
    ];
    for (const t of transitions)
      for (const delta of around) {
        const at = t + delta;
        expect(toLocalDateTime(new Date(at)), new Date(at).toISOString()).toEqual(byIntl(at));
        expect(getUtcOffsetMinutes(new Date(at))).toBe(offsetByIntl(at));
      }
  });

  test('policy 2.3: the same wall clock every two hours (at odd minutes) 2020–2030', {
    timeout: 60_000,
  }, () => {
    const differences: string[] = [];
    for (let t = start; t < end; t += 2 * HOUR + 7 * 60_000 + 13_000 + 17) {
      const ours = JSON.stringify(toLocalDateTime(new Date(t)));
      if (ours !== JSON.stringify(byIntl(t))) differences.push(new Date(t).toISOString());
    }
    expect(differences).toEqual([]);
  });

  test('policy 2.3: wall times round-trip through toInstant on both sides of every transition', () => {
    for (const t of transitions)
      for (const delta of [-2 * HOUR, -HOUR - 1, HOUR, 2 * HOUR + 123]) {
        const local = toLocalDateTime(new Date(t + delta));
        expect(toInstant(local).getTime()).toBe(t + delta);
      }
  });

  test('policy 2.3: outside the rule’s years and in other zones Intl still answers', () => {
    const y1990 = Date.UTC(1990, 8, 29, 23, 30); // the old rule: summer time ended in September
    expect(toLocalDateTime(new Date(y1990))).toEqual(byIntl(y1990));
    const y2040 = Date.UTC(2040, 6, 1, 12);
    expect(toLocalDateTime(new Date(y2040))).toEqual(byIntl(y2040));
    expect(toLocalDateTime(new Date('2026-03-08T07:30:00Z'), 'America/New_York').hour).toBe(3);
    expect(getUtcOffsetMinutes(new Date('2026-07-01T00:00:00Z'), 'America/New_York')).toBe(-240);
  });
});
