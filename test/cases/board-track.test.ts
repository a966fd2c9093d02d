import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import {
  addWorkingDays,
  DEFAULT_CALENDAR_SETTINGS,
  getBoardReminderDay,
  toInstant,
  toLocalDate,
} from '../../src/domain/index.ts';
import { runTermMonitor } from '../../src/server/modules/notifications/term-monitor.service.ts';
import { createTestApp } from '../support/app.ts';
import { testNow } from '../support/clock.ts';
import { attempt, createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { signInAs } from '../support/sessions.ts';
import { createStaffUser } from '../support/staff-factories.ts';

// policy 2.5: "Klachten met een ernstig vermoeden tot strafbaar feit worden direct voorgelegd aan de directie."

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const { as, people } = world;
const calendar = DEFAULT_CALENDAR_SETTINGS;
const options = { publicUrl: 'http://localhost:3000' };
const at = (day: string, hour = 9) => toInstant({ date: day, hour, minute: 5, second: 0, millisecond: 0 });
const types = (detail: { timeline: { type: string }[] }) => detail.timeline.map((e) => e.type);
const adminUser = await createStaffUser(database.owner, world.organization.id, {
  name: 'Ada Beheer',
  roles: ['employee', 'admin'],
});
const admin = await signInAs(app, adminUser.email);
// A complainant with an e-mail address, so the explanation goes out by mail
const complainant = await database.owner
  .insertInto('person')
  .values({
    organization_id: world.organization.id,
    name: 'Kees Klager',
    email: 'kees@example.org',
    relation: 'tenant',
  })
  .returningAll()
  .executeTakeFirstOrThrow();
const ASSESSMENT = {
  kind: 'policy_not_followed',
  verdict: 'upheld',
  apologyOffered: true,
  errorAdmitted: true,
  demonstrableDamage: false,
};

type Detail = Awaited<ReturnType<typeof step>>;

async function complaintInProgress(): Promise<Detail> {
  const complaint = await register(as.eva, {
    channel: 'letter',
    receivedAt: new Date(testNow().getTime() - 3_600_000).toISOString(),
    complainantId: complainant.id,
    description: 'Een medewerker heeft contant geld gevraagd om de reparatie sneller in te plannen.',
  });
  return step(as.eva, complaint.id, 'triage', {
    outcome: 'complaint',
    category: 'treated_wrongly',
    subject: { kind: 'department', departmentId: world.wonen.id },
  });
}

async function onBoardTrack(): Promise<Detail> {
  const complaint = await complaintInProgress();
  return step(as.eva, complaint.id, 'criminal-offence');
}

const decide = (client: typeof as.bram, id: string, decision: string, text = 'Besluit van de directie.') =>
  attempt(client, id, 'board-track/decision', { decision, text });

async function rowOf(id: string) {
  return database.owner.selectFrom('complaint').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function notificationsAbout(complaintId: string) {
  return database.owner
    .selectFrom('notification')
    .select(['kind', 'user_id', 'dedupe_key'])
    .where('complaint_id', '=', complaintId)
    .orderBy('created_at')
    .execute();
}

describe("onto the board's track (policy 2.5)", () => {
  test('marking the suspicion: status with the board, board notified, term stopped, handler cannot answer', async () => {
    const inProgress = await complaintInProgress();
    const marked = await step(as.eva, inProgress.id, 'criminal-offence');
    expect(marked.status).toBe('with_board');
    expect(marked.criminalSuspicion).toBe(true);
    expect(marked.confidential).toBe(true);
    expect(marked.term.progress).toEqual({ state: 'stopped' });
    expect(marked.boardTrack).toMatchObject({
      returnTo: 'in_progress',
      stoppedTerm: { originalDueAt: inProgress.term.originalDueAt, dueAt: inProgress.term.dueAt },
      explanation: null,
      decisions: [],
      endedAt: null,
      reminderDay: getBoardReminderDay(new Date(marked.boardTrack.startedAt), 2, calendar),
    });
    expect(marked.nextSteps.map((s: { code: string }) => s.code)).toEqual([
      'send_board_track_explanation',
      'decide_board_track',
    ]);
    expect(types(marked)).toEqual(expect.arrayContaining(['flag_criminal_offence', 'board_notified']));
    const board = await database.owner
      .selectFrom('board_notification')
      .select('reason')
      .where('complaint_id', '=', marked.id)
      .execute();
    expect(board).toEqual([{ reason: 'suspected_criminal_offence' }]);

    await step(as.eva, marked.id, 'contacts', { kind: 'phone', direction: 'outbound', summary: 'Gebeld.' });
    const answer = await attempt(as.eva, marked.id, 'answer', { text: 'Ons antwoord.' });
    expect(answer.statusCode).toBe(409);
    expect(answer.json().code).toBe('transition_not_allowed');
    expect(answer.headers['content-type']).toContain('application/problem+json');
    const assessment = await attempt(as.eva, marked.id, 'assessment', ASSESSMENT);
    expect(assessment.statusCode).toBe(409);
    expect((await rowOf(marked.id)).status).toBe('with_board');
  });

  test('triage with a suspicion takes the complaint straight to the board, without an "in handling" letter', async () => {
    const complaint = await register(as.eva, {
      channel: 'email',
      complainantId: world.tenant.id,
      description: 'Er is geld gevraagd voor voorrang.',
    });
    const triaged = await step(as.eva, complaint.id, 'triage', {
      outcome: 'complaint',
      category: 'treated_wrongly',
      subject: { kind: 'employee', employeeId: people.karel.id },
      suspectedCriminalOffence: true,
    });
    expect(triaged.status).toBe('with_board');
    // Eva triaged it but may no longer see it (routed to Vastgoed, policy 2.5): the board track is not in her
    // answer (issue 20, timelineFor); the board reads it
    expect(triaged.boardTrack).toBeNull();
    const forBoard = await as.bram.request({ url: `/api/complaints/${complaint.id}` });
    expect(forBoard.json().boardTrack.returnTo).toBe('in_progress');
    const letters = await database.owner
      .selectFrom('outbox_message')
      .select('kind')
      .where('complaint_id', '=', complaint.id)
      .execute();
    expect(letters.map((l) => l.kind)).not.toContain('progress_in_handling');
  });

  test('the term monitor past the due date: no overdue reminder, the board is reminded when undecided', async () => {
    const marked = await onBoardTrack();
    const dueDay = toLocalDate(new Date(marked.term.dueAt));
    const afterDue = addWorkingDays(dueDay, 3, calendar); // escalation to the MT would be due here too
    await runTermMonitor(database.owner, at(afterDue), options);
    const kinds = (await notificationsAbout(marked.id)).map((n) => n.kind);
    expect(kinds).not.toContain('overdue');
    expect(kinds).not.toContain('overdue_escalated');
    expect(kinds).toContain('board_track_decision_due');

    // reminded from the N-th working day, to every board member, once per day however often the job runs
    const reminderDay = marked.boardTrack.reminderDay as string;
    const fresh = await onBoardTrack();
    const before = addWorkingDays(fresh.boardTrack.reminderDay, -1, calendar);
    await runTermMonitor(database.owner, at(before), options);
    expect(await notificationsAbout(fresh.id)).toEqual([]);
    await runTermMonitor(database.owner, at(reminderDay), options);
    await runTermMonitor(database.owner, at(reminderDay, 15), options);
    expect(await notificationsAbout(fresh.id)).toEqual([
      expect.objectContaining({ kind: 'board_track_decision_due', user_id: people.bram.id }),
    ]);

    // once the board decides, no more reminders
    await decide(as.bram, fresh.id, 'internal_investigation');
    await runTermMonitor(database.owner, at(addWorkingDays(reminderDay, 1, calendar)), options);
    expect(await notificationsAbout(fresh.id)).toHaveLength(1);
  });

  test('the organisation sets after how many working days the board is reminded', async () => {
    const forbidden = await as.eva.request({
      method: 'PUT',
      url: '/api/term-monitor-settings',
      payload: { boardReminderWorkingDays: 5 },
    });
    expect(forbidden.statusCode).toBe(403);
    const invalid = await admin.request({
      method: 'PUT',
      url: '/api/term-monitor-settings',
      payload: { boardReminderWorkingDays: 0 },
    });
    expect(invalid.statusCode).toBe(400);
    const saved = await admin.request({
      method: 'PUT',
      url: '/api/term-monitor-settings',
      payload: { boardReminderWorkingDays: 5 },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().boardReminderWorkingDays).toBe(5);
    const marked = await onBoardTrack();
    expect(marked.boardTrack.reminderDay).toBe(
      getBoardReminderDay(new Date(marked.boardTrack.startedAt), 5, calendar),
    );
    const fourth = addWorkingDays(toLocalDate(new Date(marked.boardTrack.startedAt)), 4, calendar);
    await runTermMonitor(database.owner, at(fourth), options);
    expect(await notificationsAbout(marked.id)).toEqual([]);
    await runTermMonitor(database.owner, at(marked.boardTrack.reminderDay), options);
    expect((await notificationsAbout(marked.id)).map((n) => n.kind)).toEqual(['board_track_decision_due']);
    await admin.request({
      method: 'PUT',
      url: '/api/term-monitor-settings',
      payload: { boardReminderWorkingDays: 2 },
    });
  });
});

describe("the complainant's explanation (policy 2.5: 'wel leggen we binnen de afgesproken termijn … uit')", () => {
  test('a neutral explanation goes out through the outbox, within the term, once', async () => {
    const marked = await onBoardTrack();
    const explained = await step(as.eva, marked.id, 'explanation');
    expect(explained.status).toBe('with_board');
    expect(explained.boardTrack.explanation).toMatchObject({ onTime: true });
    expect(explained.answer).toBeNull();
    const mail = await database.owner
      .selectFrom('outbox_message')
      .select(['kind', 'body_text', 'recipient_to'])
      .where('complaint_id', '=', marked.id)
      .where('kind', '=', 'explanation')
      .execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]?.body_text).toContain('niet volgens de gewone klachtenprocedure');
    expect(mail[0]?.body_text).not.toMatch(/politie|aangifte|strafbaar/i);
    expect(types(explained)).toContain('explanation_sent');
    const again = await attempt(as.eva, marked.id, 'explanation');
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('board_track_explanation_already_sent');
  });
});

describe("the board's decision (policy 2.5)", () => {
  test('only the board decides', async () => {
    const marked = await onBoardTrack();
    for (const client of [as.eva, as.mia, as.marieke]) {
      expect((await decide(client, marked.id, 'no_further_action')).statusCode).toBe(403);
    }
    expect((await rowOf(marked.id)).status).toBe('with_board');
  });

  test.each([
    { decision: 'report_to_police', status: 'closed' },
    { decision: 'no_further_action', status: 'closed' },
    { decision: 'internal_investigation', status: 'with_board' },
  ])('$decision → $status', async ({ decision, status }) => {
    const marked = await onBoardTrack();
    const response = await decide(as.bram, marked.id, decision, 'Zo besluit de directie.');
    expect(response.statusCode, response.body).toBe(200);
    const decided = response.json();
    expect(decided.status).toBe(status);
    expect(decided.boardTrack.decisions).toEqual([
      expect.objectContaining({
        kind: decision,
        text: 'Zo besluit de directie.',
        by: { id: people.bram.id, name: people.bram.name },
      }),
    ]);
    expect(decided.closedAt === null).toBe(status !== 'closed');
    const event = decided.timeline.find((e: { type: string }) => e.type === 'decide_board_track');
    expect(event).toMatchObject({ summary: 'Zo besluit de directie.', payload: { decision, to: status } });
  });

  test('back into the procedure: an ordinary complaint with a fresh term from the decision, answerable again', async () => {
    const marked = await onBoardTrack();
    const response = await decide(as.bram, marked.id, 'back_to_procedure', 'Geen strafbaar feit.');
    expect(response.statusCode, response.body).toBe(200);
    const back = response.json();
    expect(back.status).toBe('in_progress');
    expect(back.boardTrack.endedAt).not.toBeNull();
    expect(back.term.extensions).toEqual([]);
    expect(back.term.originalDueAt).toBe(back.term.dueAt);
    expect(back.term.progress.state).not.toBe('stopped');
    // five working days from the decision's day (or the next working day after the cut-off)
    const decidedAt = new Date(back.boardTrack.decisions[0].at);
    expect(back.term.startDay >= toLocalDate(decidedAt)).toBe(true);
    expect(toLocalDate(new Date(back.term.dueAt))).toBe(addWorkingDays(back.term.startDay, 5, calendar));
    await step(as.eva, back.id, 'contacts', { kind: 'phone', direction: 'outbound', summary: 'Gebeld.' });
    await step(as.eva, back.id, 'assessment', ASSESSMENT);
    const answered = await step(as.eva, back.id, 'answer', { text: 'Ons antwoord op uw klacht.' });
    expect(answered.status).toBe('answered');
    // a second decision after the final one is refused, nothing changes
    const late = await decide(as.bram, back.id, 'report_to_police');
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('board_track_decided');
  });

  test("anonymising a closed board case scrubs the board's texts, keeps the decisions' kinds", async () => {
    const marked = await onBoardTrack();
    await decide(as.bram, marked.id, 'no_further_action', 'Gesprek met Jan Jansen gevoerd.');
    await database.app.transaction().execute(async (trx) => {
      await sql`select set_config('gehoord.organization_id', ${world.organization.id}, true)`.execute(trx);
      await sql`select privacy_anonymise_complaint(${marked.id}::uuid, 'request')`.execute(trx);
    });
    const track = (await rowOf(marked.id)).board_track as { decisions: { kind: string; text: string }[] };
    expect(track.decisions[0]?.kind).toBe('no_further_action');
    expect(JSON.stringify(track)).not.toContain('Jan Jansen');
  });

  test('after an internal investigation the board takes the final decision', async () => {
    const marked = await onBoardTrack();
    await decide(as.bram, marked.id, 'internal_investigation', 'Eerst onderzoek.');
    const twice = await decide(as.bram, marked.id, 'internal_investigation');
    expect(twice.json().code).toBe('board_track_investigation_already_started');
    const closed = (await decide(as.bram, marked.id, 'report_to_police', 'Aangifte gedaan.')).json();
    expect(closed.status).toBe('closed');
    expect(closed.boardTrack.decisions.map((d: { kind: string }) => d.kind)).toEqual([
      'internal_investigation',
      'report_to_police',
    ]);
  });

  test('a decision on a complaint not on the track: 409 not_on_board_track, nothing changed', async () => {
    const ordinary = await complaintInProgress();
    const before = await rowOf(ordinary.id);
    const eventsBefore = await database.owner
      .selectFrom('complaint_event')
      .select('id')
      .where('complaint_id', '=', ordinary.id)
      .execute();
    const refused = await decide(as.bram, ordinary.id, 'no_further_action');
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().code).toBe('not_on_board_track');
    expect(await rowOf(ordinary.id)).toEqual(before);
    const eventsAfter = await database.owner
      .selectFrom('complaint_event')
      .select('id')
      .where('complaint_id', '=', ordinary.id)
      .execute();
    expect(eventsAfter).toEqual(eventsBefore);
    const empty = await decide(as.bram, ordinary.id, 'no_further_action', '');
    expect(empty.statusCode).toBe(400);
    const unknown = await attempt(as.bram, ordinary.id, 'board-track/decision', { decision: 'x', text: 't' });
    expect(unknown.statusCode).toBe(400);
  });
});

describe("reports count the board's cases apart (policy 2.5, 3.2)", () => {
  test('the quarter of today shows the board cases on their own line, not as taken into handling', async () => {
    const today = toLocalDate(testNow());
    const [year, month] = today.split('-').map(Number) as [number, number];
    const quarter = `${year}-Q${Math.ceil(month / 3)}`;
    const read = async () =>
      (await as.marieke.request({ url: `/api/reports/quarterly?quarter=${quarter}` })).json() as {
        tables: { id: string; rows: { key: string | null; cells: { value: unknown }[] }[] }[];
      };
    const value = (doc: Awaited<ReturnType<typeof read>>, table: string, key: string | null) =>
      doc.tables.find((t) => t.id === table)?.rows.find((r) => r.key === key)?.cells[0]?.value;
    const before = await read();
    await onBoardTrack();
    const after = await read();
    expect(value(after, 'summary', 'board_track')).toBe(
      (value(before, 'summary', 'board_track') as number) + 1,
    );
    expect(value(after, 'summary', 'taken_into_handling')).toBe(
      value(before, 'summary', 'taken_into_handling') as number,
    );
    expect(value(after, 'summary', 'received')).toBe((value(before, 'summary', 'received') as number) + 1);
    expect(value(after, 'board_track', null)).toBe((value(before, 'board_track', null) as number) + 1);
  });
});
