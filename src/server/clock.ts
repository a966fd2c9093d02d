import { readClockSetting } from '../domain/clock-setting.ts';

// The server clock (decision 042). Business rules take `now` from here: unset, it is the system clock; with
// GEHOORD_CLOCK it starts at that instant when the process starts and then runs forward in real time, so
// a test run, a demo or a training can stand on a Sunday evening, a holiday or a Friday after the cut-off.
// Anchored (`…@<real instant>`), every process that reads the same value stands on the same clock.

let offsetMs = 0;
let startedFrom: string | undefined;

/** Starts the clock at `setting` (see readClockSetting), or on the system clock when unset or empty. */
export function startServerClock(setting: string | undefined, realNowMs = Date.now()): void {
  const value = setting?.trim() || undefined;
  if (value === startedFrom) return;
  if (value === undefined) {
    offsetMs = 0;
    startedFrom = undefined;
    return;
  }
  const read = readClockSetting(value);
  if (read === null) throw new Error(`GEHOORD_CLOCK: not a date and time (got ${JSON.stringify(value)})`);
  offsetMs = read.startsAt.getTime() - (read.readAt?.getTime() ?? realNowMs);
  startedFrom = value;
}

/** The business "now": the system clock, shifted by the GEHOORD_CLOCK setting when one is given. */
export function serverNow(): Date {
  return new Date(Date.now() + offsetMs);
}

/** How far the server clock runs ahead of the system clock (ms; negative when it stands in the past). */
export function serverClockOffsetMs(): number {
  return offsetMs;
}

/**
 * The system-clock instant of a server-clock moment: the delivery machinery (outbox `next_attempt_at`
 * against the database's `now()`) runs on real time, so a business hold ("until Tuesday 17:00") is stored
 * shifted back by the clock's offset and falls due after the same real wait at any setting.
 */
export function toSystemTime(serverInstant: Date): Date {
  return new Date(serverInstant.getTime() - offsetMs);
}

/**
 * The server-clock moment of a system-clock instant another machine on real time recorded, such as the
 * date a mail server gives a message it received: with the setting on, a mail that just arrived is
 * received "now" on the server clock.
 */
export function fromSystemTime(systemInstant: Date): Date {
  return new Date(systemInstant.getTime() + offsetMs);
}
