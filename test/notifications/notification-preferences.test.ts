import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { addWorkingDays, DEFAULT_CALENDAR_SETTINGS, toInstant, toLocalDate } from '../../src/domain/index.ts';
import {
  runTermMonitor,
  sendDailyDigests,
} from '../../src/server/modules/notifications/term-monitor.service.ts';
import { createTestApp } from '../support/app.ts';
import { testNow } from '../support/clock.ts';
import { createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import type { Client } from '../support/sessions.ts';

// Issue 22: each person chooses how notifications reach them by e-mail — at once, in the daily digest or
// not at all — per topic or overall, and in which language; the bell shows every notification regardless.

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const { as, people } = world;

async function choose(client: Client, payload: object) {
  const response = await client.request({ method: 'PUT', url: '/api/notification-preferences', payload });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** A phone complaint Mia registers and hands to Eva: an 'assigned' notification for Eva. */
async function assignedToEva() {
  const complaint = await register(as.mia, {
    channel: 'phone',
    complainantId: world.tenant.id,
    description: 'Het dak lekt nog steeds.',
  });
  await step(as.mia, complaint.id, 'assign', { handlerId: people.eva.id });
  return complaint as { id: string; reference: string };
}

const staffMailsTo = (email: string, complaintId: string) =>
  database.owner
    .selectFrom('outbox_message')
    .select(['subject', 'body_text'])
    .where('kind', '=', 'staff_notification')
    .where('complaint_id', '=', complaintId)
    .where(sql<boolean>`${email} = any(recipient_to)`)
    .execute();

const bellHas = async (client: Client, complaintId: string) => {
  const response = await client.request({ method: 'GET', url: '/api/notifications' });
  return (response.json().items as { complaintId: string | null }[]).some(
    (n) => n.complaintId === complaintId,
  );
};

/** The next working day's digest morning, from the domain calendar. */
const digestMorning = () => {
  const day = addWorkingDays(toLocalDate(testNow()), 1, DEFAULT_CALENDAR_SETTINGS);
  return toInstant({ date: day, hour: 7, minute: 30, second: 0, millisecond: 0 });
};

describe('notification preferences', () => {
  test('without a choice: the defaults per topic, Dutch; assignment comes at once', async () => {
    const response = await as.eva.request({ method: 'GET', url: '/api/notification-preferences' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      overall: null,
      byTopic: {},
      locale: 'nl',
      defaults: { assignment: 'immediate', new_in_queue: 'digest', term_warning: 'digest' },
    });
    const complaint = await assignedToEva();
    expect(await staffMailsTo(people.eva.email, complaint.id)).toHaveLength(1);
  });

  test('"off" for a topic: in the bell, no mail, not in the digest', async () => {
    await choose(as.eva, { overall: null, byTopic: { assignment: 'off' }, locale: 'nl' });
    const complaint = await assignedToEva();
    expect(await bellHas(as.eva, complaint.id)).toBe(true);
    expect(await staffMailsTo(people.eva.email, complaint.id)).toEqual([]);
    const row = await database.owner
      .selectFrom('notification')
      .select('digested_at')
      .where('user_id', '=', people.eva.id)
      .where('complaint_id', '=', complaint.id)
      .executeTakeFirstOrThrow();
    expect(row.digested_at).not.toBeNull();
  });

  test('"digest" overall: no mail at once; the next digest lists it in the chosen language, with the link', async () => {
    await choose(as.eva, { overall: 'digest', byTopic: {}, locale: 'en' });
    const complaint = await assignedToEva();
    expect(await staffMailsTo(people.eva.email, complaint.id)).toEqual([]);
    expect(
      (await sendDailyDigests(database.owner, digestMorning(), { publicUrl: 'http://localhost:3000' })).sent,
    ).toBeGreaterThan(0);
    const digest = await database.owner
      .selectFrom('outbox_message')
      .select(['subject', 'body_text'])
      .where('kind', '=', 'daily_digest')
      .where(sql<boolean>`${people.eva.email} = any(recipient_to)`)
      .executeTakeFirstOrThrow();
    expect(digest.subject).toMatch(/for today$/);
    expect(digest.body_text).toContain(
      `${complaint.reference} Complaint assigned to you: http://localhost:3000/klachten/${complaint.id}`,
    );
    expect(digest.body_text).not.toContain('dak lekt');
  });

  test('a topic choice wins over the overall one; English mail at once', async () => {
    await choose(as.eva, { overall: 'off', byTopic: { assignment: 'immediate' }, locale: 'en' });
    const complaint = await assignedToEva();
    const [mail] = await staffMailsTo(people.eva.email, complaint.id);
    expect(mail?.subject).toBe(`Gehoord: Complaint assigned to you (${complaint.reference})`);
    expect(mail?.body_text).toContain('Dear Eva Behandelaar');
    expect(mail?.body_text).toContain('http://localhost:3000/account');
  });

  test('term warnings honour the choice: "at once" mails the warning when the monitor makes it', async () => {
    await choose(as.eva, { overall: null, byTopic: { term_warning: 'immediate' }, locale: 'nl' });
    const complaint = await register(as.eva, {
      channel: 'letter',
      receivedAt: '2026-05-22T10:00:00+02:00',
      complainantId: world.tenant.id,
      description: 'Brief over de lekkage.',
    });
    await step(as.eva, complaint.id, 'triage', {
      outcome: 'complaint',
      category: 'repair_badly_done',
      subject: { kind: 'contractor', contractorId: world.contractor.id },
    });
    const dueDay = toLocalDate(new Date(complaint.term.dueAt));
    const at = toInstant({ date: dueDay, hour: 8, minute: 5, second: 0, millisecond: 0 });
    await runTermMonitor(database.owner, at, { publicUrl: 'http://localhost:3000' });
    await runTermMonitor(database.owner, at, { publicUrl: 'http://localhost:3000' });
    const mails = await staffMailsTo(people.eva.email, complaint.id);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain('Termijn verloopt vandaag');
  });

  test('bad input is a 400 problem with field messages; one person’s choice is not another’s', async () => {
    const bad = await as.eva.request({
      method: 'PUT',
      url: '/api/notification-preferences',
      payload: { overall: 'sometimes', byTopic: { nonsense: 'off' }, locale: 'fr' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const paths = (bad.json().errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['overall', 'locale']));
    const anna = await as.anna.request({ method: 'GET', url: '/api/notification-preferences' });
    expect(anna.json()).toMatchObject({ overall: null, byTopic: {}, locale: 'nl' });
    const anonymous = await app.inject({ method: 'GET', url: '/api/notification-preferences' });
    expect(anonymous.statusCode).toBe(401);
  });
});
