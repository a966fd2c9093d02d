import { describe, expect, test } from 'vitest';
import { addWorkingDays, DEFAULT_CALENDAR_SETTINGS, toInstant, toLocalDate } from '../../src/domain/index.ts';
import { runSatisfactionRequests } from '../../src/server/modules/notifications/satisfaction-requests.service.ts';
import { createTestApp } from '../support/app.ts';
import { createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const { as } = world;
const at = (day: string) => toInstant({ date: day, hour: 9, minute: 0, second: 0, millisecond: 0 });

describe('the satisfaction question after the answer', () => {
  test('sent two working days after the answer, once, and not for complaints without e-mail', async () => {
    const complaint = await register(as.eva, {
      channel: 'phone',
      complainant: { name: 'Fatima el Idrissi', email: 'fatima@example.nl' },
      description: 'Geen reactie op mijn reparatieverzoek.',
    });
    await step(as.eva, complaint.id, 'triage', {
      outcome: 'complaint',
      category: 'no_or_late_answer',
      subject: { kind: 'department', departmentId: world.wonen.id },
    });
    await step(as.eva, complaint.id, 'contacts', {
      kind: 'phone',
      direction: 'outbound',
      summary: 'Gebeld.',
    });
    await step(as.eva, complaint.id, 'assessment', {
      kind: 'policy_not_followed',
      verdict: 'upheld',
      apologyOffered: true,
      errorAdmitted: true,
      demonstrableDamage: false,
    });
    const answered = await step(as.eva, complaint.id, 'answer', {
      text: 'Excuses, de reparatie is ingepland.',
    });
    const answeredDay = toLocalDate(new Date(answered.answer.answeredAt));
    const calendar = DEFAULT_CALENDAR_SETTINGS;
    expect(
      (await runSatisfactionRequests(database.owner, at(addWorkingDays(answeredDay, 1, calendar)))).sent,
    ).toBe(0);
    expect(
      (await runSatisfactionRequests(database.owner, at(addWorkingDays(answeredDay, 2, calendar)))).sent,
    ).toBe(1);
    expect(
      (await runSatisfactionRequests(database.owner, at(addWorkingDays(answeredDay, 3, calendar)))).sent,
    ).toBe(0);
    const mail = await database.owner
      .selectFrom('outbox_message')
      .select(['recipient_to', 'subject'])
      .where('complaint_id', '=', complaint.id)
      .where('kind', '=', 'satisfaction_request')
      .execute();
    expect(mail).toEqual([
      { recipient_to: ['fatima@example.nl'], subject: expect.stringContaining(complaint.reference) },
    ]);
  });
});
