import { toLocalDate } from '../../src/domain/business-time.ts';
import type { LocalDate } from '../../src/domain/local-date.ts';
import { serverNow, startServerClock } from '../../src/server/clock.ts';

// Tests stand on the same clock as the server they drive (decision 042): GEHOORD_CLOCK from the environment,
// else the system clock. An expectation about "now" (today, a due date, "nog N werkdagen") is computed from
// testNow() with the domain calendar, never from new Date() or a hard-coded day.

/** Starts this process's server clock from GEHOORD_CLOCK (the integration project's setup file does this). */
export function startTestClock(): void {
  startServerClock(anchoredClockSetting());
}

/**
 * GEHOORD_CLOCK anchored to the moment this process first read it (`…@<now>`), written back into the
 * environment: the test process and every server, worker or restarted server it starts then share one clock,
 * instead of each process starting the set moment anew (a form token issued by one instance would otherwise
 * look issued in the future to a restarted one).
 */
function anchoredClockSetting(): string | undefined {
  const value = process.env.GEHOORD_CLOCK?.trim();
  if (!value) return undefined;
  if (!value.includes('@')) process.env.GEHOORD_CLOCK = `${value}@${new Date().toISOString()}`;
  return process.env.GEHOORD_CLOCK;
}

/** "Now" as the server under test sees it. */
export function testNow(): Date {
  return serverNow();
}

/** Today in Amsterdam, as the server under test sees it. */
export function testToday(): LocalDate {
  return toLocalDate(serverNow());
}

/** The variables that hand this clock on to a server process a test starts (empty when the clock is unset). */
export function clockEnvironment(): Record<string, string> {
  const value = anchoredClockSetting();
  return value ? { GEHOORD_CLOCK: value } : {};
}
