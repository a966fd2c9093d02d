import { afterEach, describe, expect, test } from 'vitest';
import { toLocalDate, toLocalDateTime } from '../../src/domain/business-time.ts';
import { computeDueAt, DEFAULT_CALENDAR_SETTINGS, describeTermProgress } from '../../src/domain/index.ts';
import { startServerClock } from '../../src/server/clock.ts';
import { createTestApp } from '../support/app.ts';
import { startTestClock, testNow } from '../support/clock.ts';
import { createComplaintWorld, register } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';

// Decision 042: a request's "now" is the server clock. Set here to a Sunday evening whatever the real day is;
// afterwards the file goes back to the clock of the run (GEHOORD_CLOCK or the system clock).
const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const { as } = world;

afterEach(() => {
  startServerClock(undefined);
  startTestClock();
});

describe('the server clock (GEHOORD_CLOCK)', () => {
  test('a phone complaint taken on a Sunday evening is received then; its term counts from Monday', async () => {
    startServerClock('2026-12-06T20:30');
    const before = testNow().getTime();
    const complaint = await register(as.eva, {
      channel: 'phone',
      complainantId: world.tenant.id,
      description: 'De voordeur klemt al weken en niemand komt kijken.',
    });
    const after = testNow().getTime();
    const receivedAt = new Date(complaint.receivedAt);
    expect(receivedAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(receivedAt.getTime()).toBeLessThanOrEqual(after);
    expect(toLocalDateTime(receivedAt)).toMatchObject({ date: '2026-12-06', hour: 20, minute: 30 });

    const detail = (await as.eva.request({ method: 'GET', url: `/api/complaints/${complaint.id}` })).json();
    const due = computeDueAt(receivedAt, DEFAULT_CALENDAR_SETTINGS).dueAt;
    expect(detail.term.dueAt).toBe(due.toISOString());
    expect(detail.term.explanation.startDay).toBe('2026-12-07');
    expect(detail.term.progress).toEqual(describeTermProgress(testNow(), due, DEFAULT_CALENDAR_SETTINGS));
    // The timeline's first moment is on the same clock, not the database's
    expect(toLocalDate(new Date(detail.timeline[0].at))).toBe('2026-12-06');
  });

  test('a letter dated tomorrow by the server clock is refused, one dated today is not', async () => {
    startServerClock('2026-12-25T10:00');
    const letter = (receivedAt: string) =>
      as.eva.request({
        method: 'POST',
        url: '/api/complaints',
        payload: {
          channel: 'letter',
          receivedAt,
          complainantId: world.tenant.id,
          description: 'Brief over de lekkage in de badkamer, verstuurd op kerstavond.',
        },
      });
    const tomorrow = await letter('2026-12-26T09:00:00+01:00');
    expect(tomorrow.statusCode).toBe(400);
    expect(tomorrow.headers['content-type']).toContain('application/problem+json');
    expect((await letter('2026-12-25T09:00:00+01:00')).statusCode).toBe(201);
  });

  test('API answers carry the set clock for the web app (Gehoord-Clock), and only when it is set', async () => {
    startServerClock(undefined);
    const unset = await as.eva.request({ method: 'GET', url: '/api/calendar-settings' });
    expect(unset.headers['gehoord-clock']).toBeUndefined();
    startServerClock('2026-12-04T17:01');
    const before = testNow().getTime();
    const set = await as.eva.request({ method: 'GET', url: '/api/calendar-settings' });
    const shown = Date.parse(String(set.headers['gehoord-clock']));
    expect(shown).toBeGreaterThanOrEqual(before);
    expect(shown).toBeLessThanOrEqual(testNow().getTime());
  });
});
