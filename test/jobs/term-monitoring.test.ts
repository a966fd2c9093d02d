import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { addWorkingDays, DEFAULT_CALENDAR_SETTINGS, toInstant, toLocalDate } from '../../src/domain/index.ts';
import { startJobRunner } from '../../src/server/jobs/job-runner.ts';
import {
  runBoardFastLane,
  runTermMonitor,
  sendDailyDigests,
} from '../../src/server/modules/notifications/term-monitor.service.ts';
import { createTestApp } from '../support/app.ts';
import { testNow } from '../support/clock.ts';
import { createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { signInAs } from '../support/sessions.ts';
import { createStaffUser } from '../support/staff-factories.ts';

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const { as, people } = world;
const options = { publicUrl: 'http://localhost:3000' };
const calendar = DEFAULT_CALENDAR_SETTINGS;
const at = (day: string, hour = 8) => toInstant({ date: day, hour, minute: 5, second: 0, millisecond: 0 });

async function notificationsOf(userId: string) {
  return database.owner
    .selectFrom('notification')
    .select(['kind', 'complaint_id', 'dedupe_key'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}

describe('term monitoring with a controllable clock (policy 2.3)', async () => {
  // Friday 22 May 2026, the working day before Whit Monday (Tweede Pinksterdag, 25 May)
  const complaint = await register(as.eva, {
    channel: 'letter',
    receivedAt: '2026-05-22T10:00:00+02:00',
    complainantId: world.tenant.id,
    description: 'Brief over de lekkage, vrijdag voor Pinksteren ontvangen.',
  });
  await step(as.eva, complaint.id, 'triage', {
    outcome: 'complaint',
    category: 'repair_badly_done',
    subject: { kind: 'contractor', contractorId: world.contractor.id },
  });
  const dueDay = toLocalDate(new Date(complaint.term.dueAt));

  test('reminders on the right working days: none on Whit Monday, tomorrow, today, overdue, then the MT', async () => {
    expect(dueDay).toBe(addWorkingDays('2026-05-22', 5, calendar));
    await runTermMonitor(database.owner, at('2026-05-25'), options);
    expect(await notificationsOf(people.eva.id)).toEqual([]);

    await runTermMonitor(database.owner, at(addWorkingDays(dueDay, -1, calendar)), options);
    await runTermMonitor(database.owner, at(dueDay), options);
    expect((await notificationsOf(people.eva.id)).map((n) => n.kind)).toEqual(['due_tomorrow', 'due_today']);

    const dayAfter = addWorkingDays(dueDay, 1, calendar);
    await runTermMonitor(database.owner, at(dayAfter), options);
    expect((await notificationsOf(people.mia.id)).map((n) => n.kind)).toEqual(['overdue']);
    expect(await notificationsOf(people.marieke.id)).toEqual([]);

    await runTermMonitor(database.owner, at(addWorkingDays(dueDay, 2, calendar)), options);
    expect((await notificationsOf(people.marieke.id)).map((n) => n.kind)).toEqual(['overdue_escalated']);
  });

  test('running again, in parallel, or after a restart repeats nothing and loses nothing', async () => {
    const day = addWorkingDays(dueDay, 3, calendar);
    const before = (await notificationsOf(people.eva.id)).length;
    const [a, b] = await Promise.all([
      runTermMonitor(database.owner, at(day, 9), options),
      runTermMonitor(database.owner, at(day, 9), options),
    ]);
    expect(a.created + b.created).toBeGreaterThan(0);
    await runTermMonitor(database.owner, at(day, 14), options);
    const after = await notificationsOf(people.eva.id);
    expect(after.length).toBe(before + 1);
    expect(new Set(after.map((n) => n.dedupe_key)).size).toBe(after.length);
  });

  test('one digest per person per working day, even with two workers; nothing on a day off', async () => {
    expect((await sendDailyDigests(database.owner, at('2026-12-26'), options)).sent).toBe(0); // Tweede Kerstdag
    const day = addWorkingDays(dueDay, 4, calendar);
    const [a, b] = await Promise.all([
      sendDailyDigests(database.owner, at(day, 7), options),
      sendDailyDigests(database.owner, at(day, 7), options),
    ]);
    const digests = await database.owner.selectFrom('notification_digest').selectAll().execute();
    expect(a.sent + b.sent).toBe(digests.length);
    expect(digests.map((d) => d.user_id).sort()).toEqual(
      [people.eva.id, people.mia.id, people.marieke.id].sort(),
    );
    const mail = await database.owner
      .selectFrom('outbox_message')
      .select(['recipient_to', 'subject', 'body_text'])
      .where('kind', '=', 'daily_digest')
      .execute();
    expect(mail).toHaveLength(3);
    const evaMail = mail.find((m) => m.recipient_to.includes(people.eva.email));
    expect(evaMail?.body_text).toContain(complaint.reference);
    expect((await sendDailyDigests(database.owner, at(day, 12), options)).sent).toBe(0);
  });

  test('the in-app list shows my notifications with the unread count; marking read works', async () => {
    const list = (await as.eva.request({ url: '/api/notifications' })).json();
    expect(list.unread).toBeGreaterThanOrEqual(3);
    expect(list.items[0].complaintReference).toBe(complaint.reference);
    expect(list.items.map((i: { title: { nl: string } }) => i.title.nl)).toContain(
      'Termijn verloopt vandaag',
    );
    const marked = await as.eva.request({
      method: 'POST',
      url: '/api/notifications/read',
      payload: { ids: 'all' },
    });
    expect(marked.json().updated).toBe(list.unread);
    expect((await as.eva.request({ url: '/api/notifications' })).json().unread).toBe(0);
    expect((await as.karel.request({ url: '/api/notifications' })).json().items).toEqual([]);
  });
});

describe('fast lanes (policy 2.5, 2.6)', () => {
  test('a suspected criminal offence reaches every board member at once, once', async () => {
    const complaint = await register(as.eva, {
      channel: 'phone',
      complainantId: world.tenant.id,
      description: 'Er is geld gevraagd voor voorrang.',
    });
    await step(as.eva, complaint.id, 'criminal-offence');
    const now = testNow();
    const first = await runBoardFastLane(database.owner, now, options);
    expect(first.boardNotifications).toBe(1);
    expect((await runBoardFastLane(database.owner, now, options)).boardNotifications).toBe(0);
    expect((await notificationsOf(people.bram.id)).map((n) => n.kind)).toContain('criminal_suspicion');
    const mail = await database.owner
      .selectFrom('outbox_message')
      .select(['recipient_to', 'subject'])
      .where('complaint_id', '=', complaint.id)
      .where('kind', '=', 'board_criminal_suspicion')
      .execute();
    expect(mail).toEqual([
      { recipient_to: [people.bram.email], subject: expect.stringContaining(complaint.reference) },
    ]);
    const board = await database.owner
      .selectFrom('board_notification')
      .select('notified_at')
      .where('complaint_id', '=', complaint.id)
      .executeTakeFirstOrThrow();
    expect(board.notified_at).not.toBeNull();
  });

  test('the manager of an employee-caused repeat is asked to choose a handler', async () => {
    const original = await register(as.eva, {
      channel: 'phone',
      complainantId: world.tenant.id,
      description: 'Eerste klacht.',
    });
    const repeat = await register(as.eva, {
      channel: 'phone',
      complainantId: world.tenant.id,
      description: 'Niet teruggebeld.',
      repeat: {
        kind: 'employee_response',
        earlierComplaintId: original.id,
        cause: 'no_answer',
        employeeId: people.karel.id,
      },
    });
    const workingDay = at(addWorkingDays(toLocalDate(testNow()), 1, calendar), 10);
    await runBoardFastLane(database.owner, workingDay, options);
    const victors = await notificationsOf(people.victor.id);
    expect(victors).toContainEqual(
      expect.objectContaining({ kind: 'assign_repeat_handler', complaint_id: repeat.id }),
    );
  });

  test('the pg-boss runner starts with its schedules and stops cleanly', async () => {
    const logger = (await import('pino')).pino({ level: 'silent' });
    const runner = await startJobRunner({
      ownerUrl: database.ownerUrl,
      publicUrl: options.publicUrl,
      logger,
    });
    const { rows: schedules } = await sql<{ name: string }>`select name from pgboss.schedule`.execute(
      database.owner,
    );
    expect(schedules.map((s) => s.name)).toEqual(
      expect.arrayContaining(['board-fast-lane', 'daily-digest', 'term-monitor', 'satisfaction-requests']),
    );
    await runner.stop();
  });
});

describe('job runs are visible to administrators', () => {
  test('a failing job is recorded as failed (and retried); a good one as done with its counts', async () => {
    const logger = (await import('pino')).pino({ level: 'silent' });
    let attempts = 0;
    const runner = await startJobRunner({
      ownerUrl: database.ownerUrl,
      publicUrl: options.publicUrl,
      logger,
      jobs: [
        { name: 'test-counts', cron: '0 0 1 1 *', run: async () => ({ created: 3 }) },
        {
          name: 'test-broken',
          cron: '0 0 1 1 *',
          run: async () => {
            attempts++;
            throw new Error('mailbox unreachable');
          },
        },
      ],
    });
    try {
      await runner.trigger('test-counts');
      await runner.trigger('test-broken');
      const deadline = Date.now() + 30_000;
      let runs: { job: string; outcome: string }[] = [];
      while (Date.now() < deadline) {
        runs = await database.owner.selectFrom('job_run').select(['job', 'outcome']).execute();
        if (runs.some((r) => r.job === 'test-broken') && runs.some((r) => r.job === 'test-counts')) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(runs).toEqual(
        expect.arrayContaining([
          { job: 'test-counts', outcome: 'done' },
          { job: 'test-broken', outcome: 'failed' },
        ]),
      );
      expect(attempts).toBeGreaterThanOrEqual(1);
    } finally {
      await runner.stop();
    }
    const admin = await signInAs(
      app,
      (await createStaffUser(database.owner, world.organization.id, { roles: ['employee', 'admin'] })).email,
    );
    const listed = (await admin.request({ url: '/api/admin/job-runs?failedOnly=true' })).json();
    expect(listed[0]).toMatchObject({
      job: 'test-broken',
      outcome: 'failed',
      error: expect.stringContaining('mailbox unreachable'),
    });
    expect((await as.eva.request({ url: '/api/admin/job-runs' })).statusCode).toBe(403);
  });
});
