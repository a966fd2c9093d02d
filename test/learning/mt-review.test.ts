import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { quarterOfDay, toLocalDate } from '../../src/domain/index.ts';
import { createTestApp } from '../support/app.ts';
import { attempt, createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const { as, people } = world;
const currentQuarter = quarterOfDay(toLocalDate(new Date()));

async function answeredWith(
  assessment: object,
  options: { approval?: object; receivedAt?: string; category?: string } = {},
) {
  const complaint = await register(as.eva, {
    channel: 'phone',
    complainantId: world.tenant.id,
    description: 'De tuin moet van de huurder zelf worden onderhouden, maar de huurder is slecht ter been.',
    ...(options.receivedAt ? { receivedAt: options.receivedAt } : {}),
  });
  await step(as.eva, complaint.id, 'triage', {
    outcome: 'complaint',
    category: options.category ?? 'request_wrongly_handled',
    subject: { kind: 'department', departmentId: world.wonen.id },
  });
  await step(as.eva, complaint.id, 'contacts', { kind: 'phone', direction: 'outbound', summary: 'Gebeld.' });
  await step(as.eva, complaint.id, 'assessment', assessment);
  if (options.approval) await step(as.mia, complaint.id, 'approvals', options.approval);
  await step(as.eva, complaint.id, 'answer', { text: 'Ons antwoord.' });
  return complaint;
}

const agendaOf = async (client = as.marieke, quarter = currentQuarter) => {
  const response = await client.request({ url: `/api/mt/quarters/${quarter}/agenda` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

describe('the MT quarterly review (policy 3.1)', () => {
  test('a "policy missing" assessment, an exception and an improvement suggestion appear on the agenda, once', async () => {
    const missing = await answeredWith({
      kind: 'disagrees_with_policy',
      verdict: 'upheld',
      discussedWithColleagues: true,
      finding: 'policy_missing',
    });
    const exception = await answeredWith(
      {
        kind: 'disagrees_with_policy',
        verdict: 'upheld',
        discussedWithColleagues: true,
        finding: 'policy_wrong_in_this_case',
      },
      { approval: { subject: 'manager_decision', text: 'Wij onderhouden de tuin dit jaar zelf.' } },
    );
    const suggestion = await answeredWith({
      kind: 'policy_not_followed',
      verdict: 'upheld',
      apologyOffered: true,
      errorAdmitted: true,
      demonstrableDamage: false,
      improvementSuggestions: 'Telefonisch terugbellen binnen een dag.',
    });
    const agenda = await agendaOf();
    const bySource = (source: string) =>
      agenda.policyIssues.filter((i: { source: string }) => i.source === source);
    expect(bySource('policy_missing')).toHaveLength(1);
    expect(bySource('policy_missing')[0].complaints).toEqual([
      { id: missing.id, reference: missing.reference },
    ]);
    expect(bySource('policy_missing')[0].raisedBy.name).toBe('Mia Manager');
    expect(agenda.exceptions).toHaveLength(1);
    expect(agenda.exceptions[0].description).toBe('Wij onderhouden de tuin dit jaar zelf.');
    expect(agenda.exceptions[0].complaints[0].id).toBe(exception.id);
    expect(bySource('improvement_suggestion')[0].description).toBe('Telefonisch terugbellen binnen een dag.');
    expect(bySource('improvement_suggestion')[0].complaints[0].id).toBe(suggestion.id);
    expect(agenda.figures.received).toBe(3);
    expect(agenda.figures.answered).toBe(3);
    expect(agenda.figures.answeredOnTime).toBe(3);
    const again = await agendaOf();
    expect(again.policyIssues.length + again.exceptions.length).toBe(
      agenda.policyIssues.length + agenda.exceptions.length,
    );
  });

  test('an MT decision creates an action linked to the complaints; the approved record is locked', async () => {
    const agenda = await agendaOf();
    const issue = agenda.policyIssues.find((i: { source: string }) => i.source === 'policy_missing');
    const created = await as.marieke.request({
      method: 'POST',
      url: '/api/mt/meetings',
      payload: {
        quarter: currentQuarter,
        heldOn: toLocalDate(new Date()),
        attendeeIds: [people.marieke.id, people.bram.id],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const meetingId = created.json().id;
    const noReason = await as.marieke.request({
      method: 'POST',
      url: `/api/mt/meetings/${meetingId}/decisions`,
      payload: { subject: 'Tuinonderhoud', decision: 'no_action' },
    });
    expect(noReason.json().code).toBe('decision_reason_required');
    const decided = await as.marieke.request({
      method: 'POST',
      url: `/api/mt/meetings/${meetingId}/decisions`,
      payload: {
        policyIssueId: issue.id,
        subject: issue.title,
        decision: 'new_action',
        action: {
          title: 'Beleid tuinonderhoud voor minder mobiele huurders',
          ownerId: people.mia.id,
          dueOn: '2027-03-31',
        },
      },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const actionId = decided.json().decisions[0].improvementActionId;
    const action = (await as.mia.request({ url: `/api/improvement-actions/${actionId}` })).json();
    expect(action.status).toBe('agreed');
    expect(action.complaints).toEqual(issue.complaints);
    expect(action.policyIssueIds).toEqual([issue.id]);
    expect((await agendaOf()).policyIssues.map((i: { id: string }) => i.id)).not.toContain(issue.id);

    const progress = await as.mia.request({
      method: 'PATCH',
      url: `/api/improvement-actions/${actionId}`,
      payload: { status: 'in_progress', note: 'Gesprek met de wijkconsulenten gepland.' },
    });
    expect(progress.statusCode, progress.body).toBe(200);
    expect(progress.json().notes.map((n: { kind: string }) => n.kind)).toEqual(['status_change', 'note']);
    const notOwner = await as.victor.request({
      method: 'PATCH',
      url: `/api/improvement-actions/${actionId}`,
      payload: { note: 'x' },
    });
    expect(notOwner.statusCode).toBe(403);

    const approved = await as.marieke.request({
      method: 'POST',
      url: `/api/mt/meetings/${meetingId}/approve`,
    });
    expect(approved.json().status).toBe('approved');
    const edit = await as.marieke.request({
      method: 'PATCH',
      url: `/api/mt/meetings/${meetingId}`,
      payload: { minutes: 'x' },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('meeting_locked');
    const late = await as.marieke.request({
      method: 'POST',
      url: `/api/mt/meetings/${meetingId}/decisions`,
      payload: { subject: 'Te laat', decision: 'no_action', reason: 'x' },
    });
    expect(late.json().code).toBe('meeting_locked');
    await expect(
      sql`update mt_meeting set minutes = 'changed behind the API' where id = ${meetingId}`.execute(
        database.owner,
      ),
    ).rejects.toThrow(/locked/);
  });

  test("an action's effect view counts complaints of the same kind per quarter, before and after", async () => {
    const receivedIn = [
      '2025-05-12T10:00:00+02:00',
      '2025-08-12T10:00:00+02:00',
      '2025-11-12T10:00:00+01:00',
      '2026-02-10T10:00:00+01:00',
    ];
    for (const receivedAt of receivedIn) {
      const c = await register(as.eva, {
        channel: 'letter',
        receivedAt,
        complainantId: world.tenant.id,
        description: 'Lift kapot.',
      });
      await step(as.eva, c.id, 'triage', {
        outcome: 'complaint',
        category: 'no_or_late_answer',
        subject: { kind: 'department', departmentId: world.wonen.id },
      });
    }
    const other = await register(as.eva, {
      channel: 'letter',
      receivedAt: '2025-11-13T10:00:00+01:00',
      complainantId: world.tenant.id,
      description: 'Anders.',
    });
    await step(as.eva, other.id, 'triage', {
      outcome: 'complaint',
      category: 'treated_wrongly',
      subject: { kind: 'department', departmentId: world.wonen.id },
    });
    const created = await as.marieke.request({
      method: 'POST',
      url: '/api/improvement-actions',
      payload: { title: 'Sneller antwoorden', scope: { category: 'no_or_late_answer' } },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const done = await as.marieke.request({
      method: 'PATCH',
      url: `/api/improvement-actions/${id}`,
      payload: { status: 'done' },
    });
    expect(done.json().code).toBe('action_result_required');
    await as.marieke.request({
      method: 'PATCH',
      url: `/api/improvement-actions/${id}`,
      payload: { status: 'done', result: 'Nieuwe werkwijze.' },
    });
    // As if agreed in June 2025 and finished in Q3 2025
    await sql`update improvement_action set created_at = '2025-06-01T10:00:00Z', completed_at = '2025-09-15T10:00:00Z' where id = ${id}`.execute(
      database.owner,
    );
    const detail = (await as.marieke.request({ url: `/api/improvement-actions/${id}` })).json();
    const byQuarter = Object.fromEntries(
      detail.effect.quarters.map((q: { quarter: string; count: number; afterCompletion: boolean }) => [
        q.quarter,
        q,
      ]),
    );
    expect(detail.effect.quarters[0].quarter).toBe('2024-Q2');
    expect(byQuarter['2025-Q2']).toEqual({ quarter: '2025-Q2', count: 1, afterCompletion: false });
    expect(byQuarter['2025-Q3']).toEqual({ quarter: '2025-Q3', count: 1, afterCompletion: false });
    expect(byQuarter['2025-Q4']).toEqual({ quarter: '2025-Q4', count: 1, afterCompletion: true });
    expect(byQuarter['2026-Q1']).toEqual({ quarter: '2026-Q1', count: 1, afterCompletion: true });
  });

  test('who may: employees see nothing, managers propose and update their own actions, only the MT decides', async () => {
    expect((await as.eva.request({ url: `/api/mt/quarters/${currentQuarter}/agenda` })).statusCode).toBe(403);
    expect((await as.mia.request({ url: `/api/mt/quarters/${currentQuarter}/agenda` })).statusCode).toBe(200);
    const meeting = await as.mia.request({
      method: 'POST',
      url: '/api/mt/meetings',
      payload: { quarter: currentQuarter, heldOn: '2026-11-30' },
    });
    expect(meeting.statusCode).toBe(403);
    const proposal = await as.mia.request({
      method: 'POST',
      url: '/api/improvement-actions',
      payload: { title: 'Voorstel: vaste terugbeltijden', ownerId: people.mia.id },
    });
    expect(proposal.json().status).toBe('proposed');
    const selfAgree = await as.mia.request({
      method: 'PATCH',
      url: `/api/improvement-actions/${proposal.json().id}`,
      payload: { status: 'agreed' },
    });
    expect(selfAgree.json().code).toBe('action_agreement_requires_management_team');
    const item = await as.mia.request({
      method: 'POST',
      url: '/api/mt/policy-issues',
      payload: { title: 'Terugbelbeleid ontbreekt' },
    });
    expect(item.statusCode).toBe(201);
    expect(item.json().source).toBe('proposed');
    expect((await as.marieke.request({ url: '/api/mt/quarters/2026-Q5/agenda' })).statusCode).toBe(400);
    expect(
      (await attempt(as.eva, '00000000-0000-4000-8000-000000000000', 'notes', { text: 'x' })).statusCode,
    ).toBe(404);
  });
});
