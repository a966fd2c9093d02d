import { describe, expect, test } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);

describe('a phone complaint answered in time (policy 2.1–2.4)', () => {
  test('registered by the handler, triaged, discussed by phone, assessed and answered with cc', async () => {
    const complaint = await register(world.as.eva, {
      channel: 'phone',
      complainantId: world.tenant.id,
      description: 'De monteur is niet op de afgesproken tijd gekomen en heeft niet afgebeld.',
      desiredOutcome: 'Een nieuwe afspraak en excuses.',
    });
    expect(complaint.reference).toMatch(/^K-\d{4}-00001$/);
    expect(complaint.status).toBe('new');
    expect(complaint.handler.name).toBe('Eva Behandelaar');
    expect(complaint.responsibleManager.name).toBe('Mia Manager');
    expect(complaint.unit.postcode).toBe('3155AB');
    expect(complaint.housingComplex.name).toBe('De Hofjes');
    expect(complaint.nextSteps.map((s: { code: string }) => s.code)).toEqual(['triage']);
    expect(complaint.term.progress.state).not.toBe('overdue');

    let detail = await step(world.as.eva, complaint.id, 'triage', {
      outcome: 'complaint',
      category: 'no_or_late_answer',
      subject: { kind: 'department', departmentId: world.wonen.id },
    });
    expect(detail.status).toBe('in_progress');
    expect(detail.confidential).toBe(false);
    expect(detail.nextSteps.map((s: { code: string }) => s.code)).toEqual([
      'contact_complainant',
      'record_assessment',
      'send_answer',
    ]);

    await step(world.as.eva, complaint.id, 'contacts', {
      kind: 'phone',
      direction: 'outbound',
      summary: 'Mevrouw gebeld, excuses aangeboden, nieuwe afspraak gemaakt.',
    });
    await step(world.as.eva, complaint.id, 'assessment', {
      kind: 'policy_not_followed',
      verdict: 'upheld',
      apologyOffered: true,
      errorAdmitted: true,
      demonstrableDamage: false,
    });
    detail = await step(world.as.eva, complaint.id, 'answer', {
      text: 'Beste mevrouw De Vries, zoals besproken ...',
    });
    expect(detail.status).toBe('answered');
    expect(detail.answer.recipients).toEqual({
      to: [{ role: 'complainant' }],
      cc: [
        { role: 'manager', userId: world.people.mia.id },
        { role: 'management_assistant', userId: world.people.anna.id },
      ],
    });
    expect(detail.outcome).toBe('upheld');
    detail = await step(world.as.eva, complaint.id, 'close');
    expect(detail.status).toBe('closed');
    expect(detail.timeline.map((e: { type: string }) => e.type)).toEqual([
      'registered',
      // issue 21: the tenant has no e-mail: the acknowledgement letter is queued for the "te posten" list
      'acknowledgement_queued',
      'accept_as_complaint',
      'contact_logged',
      'assessment_recorded',
      'answer',
      'answer_sent',
      'close',
    ]);
  });
});
