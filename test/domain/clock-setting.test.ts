import { describe, expect, test } from 'vitest';
import { toLocalDateTime } from '../../src/domain/business-time.ts';
import { parseClockSetting, readClockSetting } from '../../src/domain/clock-setting.ts';
import { serverClockOffsetMs, serverNow, startServerClock } from '../../src/server/clock.ts';

describe('GEHOORD_CLOCK setting', () => {
  test('an instant with an offset or Z is that instant', () => {
    expect(parseClockSetting('2026-12-06T19:30:00+01:00')?.toISOString()).toBe('2026-12-06T18:30:00.000Z');
    expect(parseClockSetting('2026-12-04T16:01:00Z')?.toISOString()).toBe('2026-12-04T16:01:00.000Z');
  });

  test('without an offset it is wall time in Amsterdam, winter and summer', () => {
    expect(parseClockSetting('2026-12-06T20:30')?.toISOString()).toBe('2026-12-06T19:30:00.000Z');
    expect(parseClockSetting('2027-04-27T10:00:00')?.toISOString()).toBe('2027-04-27T08:00:00.000Z');
    expect(parseClockSetting('2026-12-25T10:00:00.5')?.toISOString()).toBe('2026-12-25T09:00:00.500Z');
  });

  test.each([
    '',
    'morgen',
    '2026-12-06',
    '2026-02-30T10:00',
    '2026-12-06T24:00',
    '2026-12-06 20:30',
    '2026-12-06T20:61',
  ])('%j is refused', (value) => {
    expect(parseClockSetting(value)).toBeNull();
  });
});

describe('an anchored setting (…@ the real instant it read that)', () => {
  test('names the set moment and the real instant', () => {
    expect(readClockSetting('2026-12-06T20:30@2026-12-07T21:00:00.250Z')).toEqual({
      startsAt: new Date('2026-12-06T19:30:00.000Z'),
      readAt: new Date('2026-12-07T21:00:00.250Z'),
    });
    expect(readClockSetting('2026-12-06T20:30')).toEqual({
      startsAt: new Date('2026-12-06T19:30:00.000Z'),
      readAt: null,
    });
  });

  test.each([
    '2026-12-06T20:30@',
    '2026-12-06T20:30@2026-12-07T22:00',
    '2026-12-06T20:30@gisteren',
    '2026-12-06T20:30@2026-12-07T22:00Z@2026-12-07T22:00Z',
    '@2026-12-07T22:00Z',
  ])('%j is refused (the anchor is a real instant with its zone)', (value) => {
    expect(readClockSetting(value)).toBeNull();
  });
});

describe('server clock', () => {
  test('starts at the setting when the process starts and runs forward in real time', () => {
    const setting = Date.parse('2026-12-04T16:01:00Z');
    // Started five seconds ago (real time): it now shows five seconds past the setting, plus what this test took
    const startedAt = Date.now() - 5000;
    startServerClock('2026-12-04T17:01', startedAt);
    try {
      expect(serverClockOffsetMs()).toBe(setting - startedAt);
      const before = Date.now();
      const now = serverNow().getTime();
      const after = Date.now();
      expect(now - setting).toBeGreaterThanOrEqual(before - startedAt);
      expect(now - setting).toBeLessThanOrEqual(after - startedAt);
      expect(toLocalDateTime(new Date(now))).toMatchObject({ date: '2026-12-04', hour: 17, minute: 1 });
    } finally {
      startServerClock(undefined);
    }
  });

  test('unset, it is the system clock', () => {
    startServerClock(undefined);
    const before = Date.now();
    const now = serverNow().getTime();
    expect(serverClockOffsetMs()).toBe(0);
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  test('anchored, processes started at different moments stand on one clock', () => {
    const value = '2026-12-25T10:00@2026-12-07T22:00:00Z';
    const anchored = Date.parse('2026-12-25T09:00:00Z') - Date.parse('2026-12-07T22:00:00Z');
    try {
      // a web instance started at the anchor, and one restarted a minute later: the same offset
      startServerClock(value, Date.parse('2026-12-07T22:00:00Z'));
      expect(serverClockOffsetMs()).toBe(anchored);
      startServerClock(undefined);
      startServerClock(value, Date.parse('2026-12-07T22:01:00Z'));
      expect(serverClockOffsetMs()).toBe(anchored);
      // without the anchor each start begins anew at the setting
      startServerClock('2026-12-25T10:00', Date.parse('2026-12-07T22:01:00Z'));
      expect(serverClockOffsetMs()).toBe(anchored - 60_000);
    } finally {
      startServerClock(undefined);
    }
  });

  test('a setting that is no date and time stops the start', () => {
    expect(() => startServerClock('zondagavond')).toThrow(/GEHOORD_CLOCK/);
  });
});
