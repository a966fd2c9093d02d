import { describe, expect, test } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { attempt, createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const { as } = world;
const types = (detail: { timeline: { type: string }[] }) => detail.timeline.map((e) => e.type);

async function prepareAnswer(id: string) {
  await step(as.eva, id, 'contacts', { kind: 'phone', direction: 'outbound', summary: 'Gebeld.' });
  await step(as.eva, id, 'assessment', {
    kind: 'disagrees_with_policy',
    verdict: 'not_upheld',
    discussedWithColleagues: true,
    finding: 'policy_right',
    explanation: 'Wij schilderen de kozijnen eens in de zeven jaar.',
  });
}

async function accept(id: string, client = as.eva) {
  return step(client, id, 'triage', {
    outcome: 'complaint',
    category: 'request_wrongly_handled',
    subject: { kind: 'department', departmentId: world.wonen.id },
  });
}

async function answeredOriginal() {
  const original = await register(as.eva, {
    channel: 'phone',
    complainantId: world.tenant.id,
    description: 'Mijn verzoek om de kozijnen te schilderen is afgewezen.',
  });
  await accept(original.id);
  await prepareAnswer(original.id);
  await step(as.eva, original.id, 'answer', { text: 'Wij schilderen volgens planning.' });
  return step(as.eva, original.id, 'close');
}

function repeatOf(earlierComplaintId: string, extra: object = {}) {
  return register(as.eva, {
    channel: 'email',
    complainantId: world.tenant.id,
    description: 'Ik ben het nog steeds niet eens met de afwijzing van het schilderen.',
    repeat: { kind: 'disagrees_with_decision', earlierComplaintId, newFacts: false, ...extra },
  });
}

describe('repeat complaints (policy 2.6)', () => {
  test('no new facts twice: stand by the decision, then the last response, then only record it', async () => {
    const original = await answeredOriginal();

    const first = await repeatOf(original.id);
    expect(first.repeat.rung).toBe('stand_by');
    expect(first.matterId).toBe(original.matterId);
    await accept(first.id);
    await prepareAnswer(first.id);
    expect((await attempt(as.eva, first.id, 'answer', { text: 'x' })).json().code).toBe(
      'answer_must_stand_by_decision',
    );
    await step(as.eva, first.id, 'answer', {
      text: 'Wij blijven bij ons besluit.',
      standsByEarlierDecision: true,
    });

    const second = await repeatOf(original.id);
    expect(second.repeat.rung).toBe('last_response');
    await accept(second.id);
    await prepareAnswer(second.id);
    const missing = await attempt(as.eva, second.id, 'answer', { text: 'x', standsByEarlierDecision: true });
    expect(missing.json().code).toBe('answer_must_state_last_response');
    await step(as.eva, second.id, 'answer', {
      text: 'Dit is de laatste keer dat wij op deze kwestie reageren.',
      standsByEarlierDecision: true,
      statesLastResponse: true,
    });

    const third = await repeatOf(original.id);
    expect(third.repeat).toMatchObject({ rung: 'record_only', answerDuty: false });
    expect(third.nextSteps.map((s: { code: string }) => s.code)).toEqual(['record_without_answer_duty']);
    expect(
      (
        await attempt(as.eva, third.id, 'triage', {
          outcome: 'complaint',
          category: 'request_wrongly_handled',
          subject: { kind: 'department', departmentId: world.wonen.id },
        })
      ).json().code,
    ).toBe('repeat_has_no_answer_duty');
    const recorded = await step(as.eva, third.id, 'record-without-answer-duty');
    expect(recorded.status).toBe('closed');

    const matter = await as.eva.request({ url: `/api/persons/${world.tenant.id}/complaints` });
    expect(matter.json().items.map((i: { id: string }) => i.id)).toEqual(
      expect.arrayContaining([original.id, first.id, second.id, third.id]),
    );
  });

  test('a repeat written by a lawyer is blocked until the legal adviser has advised, and the answer adopts it', async () => {
    const original = await answeredOriginal();
    const repeat = await repeatOf(original.id, { newFacts: true, lawyer: 'written_by_lawyer' });
    expect(repeat.repeat).toMatchObject({
      rung: 'reassess',
      kind: 'disagrees_with_decision',
      lawyer: 'written_by_lawyer',
      cause: null,
      employee: null,
    });
    expect(types(repeat)).toContain('legal_advice_requested');
    await accept(repeat.id);
    await prepareAnswer(repeat.id);
    expect((await attempt(as.eva, repeat.id, 'answer', { text: 'x' })).json().code).toBe(
      'answer_requires_legal_advice',
    );
    expect((await attempt(as.eva, repeat.id, 'legal-advice', { summary: 'x' })).statusCode).toBe(403);
    await step(as.lotte, repeat.id, 'legal-advice', { summary: 'Geen juridische grond; beleid uitleggen.' });
    expect((await attempt(as.eva, repeat.id, 'answer', { text: 'x' })).json().code).toBe(
      'answer_must_adopt_legal_advice',
    );
    const answered = await step(as.eva, repeat.id, 'answer', {
      text: 'Na juridisch advies ...',
      adoptsLegalAdvice: true,
    });
    expect(answered.status).toBe('answered');
  });

  test("a repeat caused by an employee's late response: that employee's manager assigns and approves", async () => {
    const original = await answeredOriginal();
    const repeat = await register(as.eva, {
      channel: 'phone',
      complainantId: world.tenant.id,
      description: 'Niemand heeft mij teruggebeld zoals beloofd.',
      repeat: {
        kind: 'employee_response',
        earlierComplaintId: original.id,
        cause: 'late',
        employeeId: world.people.karel.id,
      },
    });
    // the detail names what was said at intake: kind, cause and the employee whose answer it was
    expect(repeat.repeat).toMatchObject({
      rung: 'manager_led',
      kind: 'employee_response',
      lawyer: 'none',
      cause: 'late',
      employee: { id: world.people.karel.id, name: world.people.karel.name },
    });
    expect(repeat.handler).toBeNull();
    expect(repeat.responsibleManager.id).toBe(world.people.victor.id);
    const counted = repeat.timeline.find((e: { type: string }) => e.type === 'employee_repeat_event');
    expect(counted.payload).toEqual({ employeeId: world.people.karel.id, cause: 'late' });
    const selfAssigned = await attempt(as.eva, repeat.id, 'assign', { handlerId: world.people.eva.id });
    expect(selfAssigned.json().code).toBe('handler_assignment_requires_manager');
    await step(as.victor, repeat.id, 'assign', { handlerId: world.people.eva.id });
    await accept(repeat.id);
    await prepareAnswer(repeat.id);
    // issue 22: the answer waits for the employee's own manager, named, and the request form proposes it
    const prepared = (await as.eva.request({ url: `/api/complaints/${repeat.id}` })).json();
    expect(prepared.approvals).toEqual({
      waiting: [
        {
          subject: 'answer',
          approver: { id: world.people.victor.id, name: world.people.victor.name },
          requestedAt: null,
          amountCents: null,
          holds: ['answer'],
        },
      ],
      proposedSubject: 'answer',
    });
    expect((await attempt(as.eva, repeat.id, 'answer', { text: 'x' })).json().code).toBe(
      'answer_requires_manager_approval',
    );
    // Another manager's approval does not count: 2.6 names the employee's own manager
    await step(as.mia, repeat.id, 'approvals', { subject: 'answer' });
    expect((await attempt(as.eva, repeat.id, 'answer', { text: 'x' })).json().code).toBe(
      'answer_requires_manager_approval',
    );
    await step(as.victor, repeat.id, 'approvals', { subject: 'answer' });
    const answered = await step(as.eva, repeat.id, 'answer', {
      text: 'Excuses dat u niet bent teruggebeld.',
    });
    expect(answered.status).toBe('answered');
  });
});
