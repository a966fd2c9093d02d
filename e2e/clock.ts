import type { BrowserContext } from '@playwright/test';
import { toLocalDate } from '../src/domain/business-time.ts';
import type { LocalDate } from '../src/domain/local-date.ts';

// Journeys stand on the server's clock (GEHOORD_CLOCK, decision 042). Global setup reads how far the server's
// clock runs ahead of the system clock from its start-up log (GEHOORD_E2E_CLOCK_OFFSET_MS); the browser and
// every expectation about "now" use that same offset, so a run at a Sunday evening or a holiday agrees on today.

/** Milliseconds the server clock runs ahead of the system clock (0 when GEHOORD_CLOCK is unset). */
export function e2eClockOffsetMs(): number {
  return Number(process.env.GEHOORD_E2E_CLOCK_OFFSET_MS ?? '0');
}

/** "Now" as the server under test sees it. */
export function e2eNow(): Date {
  return new Date(Date.now() + e2eClockOffsetMs());
}

/** Today in Amsterdam, as the server under test sees it. */
export function e2eToday(): LocalDate {
  return toLocalDate(e2eNow());
}

/** The offset the server logged at start-up ("server clock set by GEHOORD_CLOCK"), or 0 without that line. */
export function clockOffsetFromServerLog(output: string): number {
  for (const line of output.split('\n')) {
    if (!line.includes('server clock set by GEHOORD_CLOCK')) continue;
    const offset = (JSON.parse(line) as { clockOffsetMs?: unknown }).clockOffsetMs;
    if (typeof offset === 'number') return offset;
  }
  return 0;
}

/** Shifts Date in every page of the context by the server clock's offset; timers keep running in real time. */
export async function shiftBrowserClock(context: BrowserContext): Promise<void> {
  const offset = e2eClockOffsetMs();
  if (offset === 0) return;
  await context.addInitScript((offsetMs: number) => {
    const RealDate = Date;
    class ServerClockDate extends RealDate {
      constructor(...args: ConstructorParameters<DateConstructor> | []) {
        if (args.length === 0) super(RealDate.now() + offsetMs);
        else super(...(args as ConstructorParameters<DateConstructor>));
      }
      static override now(): number {
        return RealDate.now() + offsetMs;
      }
    }
    globalThis.Date = ServerClockDate as DateConstructor;
  }, offset);
}
