import { describe, expect, test } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const { as } = world;

const mailTo = (complaintId: string) =>
  database.owner
    .selectFrom('outbox_message')
    .select(['kind', 'recipient_to', 'subject', 'body_text'])
    .where('complaint_id', '=', complaintId)
    .orderBy('created_at')
    .execute();

describe('progress is always fed back to the complainant (policy 1.1)', () => {
  test('received, answered: one message per step by e-mail, without internal detail', async () => {
    const complaint = await register(as.eva, {
      channel: 'phone',
      complainant: { name: 'Henk Bakker', email: 'henk.bakker@example.nl' },
      description: 'Het trappenhuis wordt niet schoongemaakt.',
    });
    await step(as.eva, complaint.id, 'triage', {
      outcome: 'complaint',
      category: 'request_wrongly_handled',
      subject: { kind: 'department', departmentId: world.wonen.id },
    });
    await step(as.eva, complaint.id, 'notes', { text: 'Intern: schoonmaakbedrijf aanspreken.' });
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
    await step(as.eva, complaint.id, 'answer', {
      text: 'Het trappenhuis wordt voortaan wekelijks schoongemaakt.',
    });
    await step(as.eva, complaint.id, 'close');
    const mail = await mailTo(complaint.id);
    const kinds = mail.map((m) => m.kind);
    // issue 21: the acknowledgement already named Eva and the term, so accepting it with her says nothing
    // new; the answer ended it for the complainant, so closing sends no separate "afgesloten"
    expect(kinds).toEqual(['acknowledgement', 'answer']);
    for (const message of mail) {
      expect(message.recipient_to).toEqual(['henk.bakker@example.nl']);
      expect(message.subject).toContain(complaint.reference);
      expect(message.body_text).not.toContain('Intern');
    }
  });

  test('without an e-mail address nothing is queued for the complainant', async () => {
    const complaint = await register(as.eva, {
      channel: 'phone',
      complainantId: world.tenant.id,
      description: 'Geen e-mail.',
    });
    await step(as.eva, complaint.id, 'triage', {
      outcome: 'complaint',
      category: 'request_wrongly_handled',
      subject: { kind: 'department', departmentId: world.wonen.id },
    });
    expect((await mailTo(complaint.id)).filter((m) => m.kind.startsWith('progress_'))).toEqual([]);
  });
});
