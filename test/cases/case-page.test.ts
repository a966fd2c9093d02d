// Issue 22, the case page: the term's count explained by the server, and the reason a complaint is confidential
// shown to those who may see the complaint — and to nobody else, on any way the detail or the lists answer.
import { describe, expect, test } from 'vitest';
import { DEFAULT_CALENDAR_SETTINGS, toLocalDate, workingDaysBetween } from '../../src/domain/index.ts';
import { createTestApp } from '../support/app.ts';
import { testNow } from '../support/clock.ts';
import { createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import type { Client } from '../support/sessions.ts';

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const { as, people } = world;

const detail = (client: Client, id: string) => client.request({ url: `/api/complaints/${id}` });
const listed = async (client: Client, query: string) =>
  (await client.request({ url: `/api/complaints?limit=200${query}` }))
    .json()
    .items.map((i: { id: string }) => i.id);

describe('the term explained (policy 2.3)', () => {
  test('received on a Tuesday after the cut-off: day 0 is Wednesday, due five working days later', async () => {
    const complaint = await register(as.eva, {
      channel: 'phone',
      complainantId: world.tenant.id,
      receivedAt: '2026-11-24T18:30:00+01:00',
      description: 'De lekkage in de badkamer is na drie meldingen nog steeds niet verholpen.',
    });
    expect(complaint.term.explanation).toEqual({
      receivedDay: '2026-11-24',
      startDay: '2026-11-25',
      startRule: 'after_cut_off',
      cutOffTime: DEFAULT_CALENDAR_SETTINGS.cutOffTime,
      workingDays: DEFAULT_CALENDAR_SETTINGS.termWorkingDays,
      originalDueDay: '2026-12-02',
      dueDay: '2026-12-02',
      extended: false,
    });
  });

  test('a complaint received now: "nog N werkdagen" is the term, plus one when day 0 is not today', async () => {
    const complaint = await register(as.eva, {
      channel: 'phone',
      complainantId: world.tenant.id,
      description: 'De buren maken al weken lawaai in de nacht en de corporatie reageert niet.',
    });
    const explanation = complaint.term.explanation;
    const today = toLocalDate(testNow());
    expect(explanation.receivedDay).toBe(today);
    expect(explanation.workingDays).toBe(DEFAULT_CALENDAR_SETTINGS.termWorkingDays);
    expect(explanation.startDay === today).toBe(explanation.startRule === 'day_of_receipt');
    expect(complaint.term.progress).toEqual({
      state: 'on_track',
      workingDaysLeft: workingDaysBetween(today, explanation.dueDay, DEFAULT_CALENDAR_SETTINGS),
    });
    expect(complaint.term.progress.workingDaysLeft).toBe(
      explanation.workingDays + (explanation.startDay === today ? 0 : 1),
    );
  });
});

describe('why a complaint is confidential (decision 015)', async () => {
  const SECRET = 'Loopt ook een arbeidsrechtelijke zaak tegen de opzichter';
  const registered = await register(as.eva, {
    channel: 'phone',
    complainantId: world.tenant.id,
    confidential: true,
    confidentialReason: 'other',
    confidentialReasonText: SECRET,
    description: 'Meneer Karel van Vastgoed heeft mij aan de telefoon afgesnauwd.',
  });
  await step(as.eva, registered.id, 'triage', {
    outcome: 'complaint',
    category: 'treated_wrongly',
    subject: { kind: 'employee', employeeId: people.karel.id },
  });

  test.each([
    ['Victor, the responsible manager (routing gave it to Vastgoed)', 'victor'],
    ['Karel, the employee it is about (policy 1.3)', 'karel'],
    ['the MT', 'marieke'],
  ] as const)('%s sees the reason and its explanation', async (_label, who) => {
    const response = await detail(as[who], registered.id);
    expect(response.statusCode).toBe(200);
    expect(response.json().confidentialReason).toEqual({ code: 'other', text: SECRET });
  });

  test('Anna, not involved, gets 404 without a trace of the reason, in the detail, the list or the search', async () => {
    const response = await detail(as.anna, registered.id);
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('arbeidsrechtelijke');
    expect(await listed(as.anna, '')).not.toContain(registered.id);
    expect(await listed(as.anna, '&q=arbeidsrechtelijke')).toEqual([]);
    expect(await listed(as.anna, '&confidential=true')).not.toContain(registered.id);
  });

  test('once lifted, the reason is no longer part of the detail', async () => {
    const other = await register(as.eva, {
      channel: 'phone',
      complainantId: world.tenant.id,
      confidential: true,
      confidentialReason: 'sensitive_personal_matter',
      description: 'Mijn persoonlijke situatie is besproken waar de buren bij waren.',
    });
    expect(other.confidentialReason).toEqual({ code: 'sensitive_personal_matter', text: null });
    const lifted = await step(as.mia, other.id, 'confidential/lift', {
      reason: 'Met de klager besproken: mag weer gewoon.',
    });
    expect(lifted.confidentialReason).toBeNull();
    expect((await detail(as.anna, other.id)).json().confidentialReason).toBeNull();
  });
});
