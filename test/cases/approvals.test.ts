import { describe, expect, test } from 'vitest';
import { inOrganization } from '../../src/server/db/tenant-scope.ts';
import { loadMonitoredComplaints } from '../../src/server/modules/notifications/notification.repository.ts';
import { createTestApp } from '../support/app.ts';
import { attempt, createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';

// Issue 22: what waits for the manager's approval is shown as waiting, the request is about what is pending,
// the next step waits for the approver by name, and the manager approves or refuses from the list.

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const { as } = world;

type Detail = {
  id: string;
  version: number;
  nextSteps: { code: string; nl: string; en: string }[];
  approvals: {
    waiting: {
      subject: string;
      approver: { id: string; name: string } | null;
      requestedAt: string | null;
      amountCents: number | null;
      holds: string[];
    }[];
    proposedSubject: string | null;
  };
  timeline: { type: string; summary: string | null }[];
};

const waitingList = async (client: typeof as.mia) =>
  (await client.request({ url: '/api/manager/approvals-waiting' })).json().items as {
    complaintId: string;
    subject: string;
    amountCents: number | null;
    note: string | null;
    version: number | null;
  }[];

/** In handling, discussed and assessed kind A with €75 compensation for demonstrable damage (policy 2.4). */
async function withCompensation(): Promise<Detail> {
  const complaint = await register(as.eva, {
    channel: 'phone',
    complainantId: world.tenant.id,
    description: 'Bij de reparatie van de dakgoot is mijn zonnescherm beschadigd.',
    departmentId: world.wonen.id,
  });
  await step(as.eva, complaint.id, 'triage', {
    outcome: 'complaint',
    category: 'repair_badly_done',
    subject: { kind: 'none' },
  });
  await step(as.eva, complaint.id, 'contacts', {
    kind: 'phone',
    direction: 'outbound',
    summary: 'Besproken.',
  });
  return step(as.eva, complaint.id, 'assessment', {
    kind: 'policy_not_followed',
    verdict: 'upheld',
    apologyOffered: true,
    errorAdmitted: true,
    demonstrableDamage: true,
    compensationCents: 7_500,
  });
}

describe('approvals on the case (issue 22)', () => {
  test('the compensation holds the answer for the manager, by name; asking makes the next step wait', async () => {
    const assessed = await withCompensation();
    expect(assessed.approvals).toEqual({
      waiting: [
        {
          subject: 'compensation',
          approver: { id: world.people.mia.id, name: 'Mia Manager' },
          requestedAt: null,
          amountCents: 7_500,
          holds: ['answer', 'compensation-paid'],
        },
      ],
      proposedSubject: 'compensation',
    });
    expect(assessed.nextSteps[0]?.code).toBe('obtain_manager_approval');

    const asked: Detail = await step(as.eva, assessed.id, 'approval-requests', {
      subject: 'compensation',
      note: 'Schade aan zonnescherm, offerte bijgevoegd.',
    });
    expect(asked.approvals.waiting[0]?.requestedAt).not.toBeNull();
    expect(asked.nextSteps[0]).toEqual({
      code: 'await_manager_approval',
      nl: 'Wacht op goedkeuring van Mia Manager',
      en: 'Waiting for approval of Mia Manager',
    });
    expect(asked.nextSteps.map((s) => s.code)).not.toContain('obtain_manager_approval');

    const listed = (await waitingList(as.mia)).find((i) => i.complaintId === assessed.id);
    expect(listed).toMatchObject({
      subject: 'compensation',
      amountCents: 7_500,
      note: 'Schade aan zonnescherm, offerte bijgevoegd.',
      version: asked.version,
    });

    const approved: Detail = await step(as.mia, assessed.id, 'approvals', { subject: 'compensation' });
    expect(approved.approvals).toEqual({ waiting: [], proposedSubject: null });
    expect(approved.nextSteps.map((s) => s.code)).toEqual(['send_answer']);
    expect((await waitingList(as.mia)).map((i) => i.complaintId)).not.toContain(assessed.id);

    // policy 2.4: decided once
    const twice = await attempt(as.mia, assessed.id, 'approvals', { subject: 'compensation' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('approval_already_decided');
    expect(twice.headers['content-type']).toContain('application/problem+json');
    const refuseAfter = await attempt(as.mia, assessed.id, 'approval-refusals', {
      subject: 'compensation',
      reason: 'Toch niet.',
    });
    expect(refuseAfter.statusCode).toBe(409);
    expect(refuseAfter.json().code).toBe('approval_already_decided');

    const answered = await step(as.eva, assessed.id, 'answer', { text: 'U ontvangt € 75,00 vergoeding.' });
    expect(answered.nextSteps.map((s: { code: string }) => s.code)).toEqual(['pay_compensation', 'close']);
  });

  test('the manager refuses with a reason: the request is answered, the handler asks again', async () => {
    const assessed = await withCompensation();
    await step(as.eva, assessed.id, 'approval-requests', { subject: 'compensation' });

    const noReason = await attempt(as.mia, assessed.id, 'approval-refusals', { subject: 'compensation' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.headers['content-type']).toContain('application/problem+json');
    const blankReason = await attempt(as.mia, assessed.id, 'approval-refusals', {
      subject: 'compensation',
      reason: '   ',
    });
    expect(blankReason.statusCode).toBe(400);
    const badSubject = await attempt(as.mia, assessed.id, 'approval-refusals', {
      subject: 'holiday',
      reason: 'Nee.',
    });
    expect(badSubject.statusCode).toBe(400);
    const notAsked = await attempt(as.mia, assessed.id, 'approval-refusals', {
      subject: 'answer',
      reason: 'Nee.',
    });
    expect(notAsked.statusCode).toBe(409);
    expect(notAsked.json().code).toBe('approval_not_requested');

    // Only the accountable manager decides: not the handler, not another department's manager
    for (const client of [as.eva, as.victor]) {
      const refused = await attempt(client, assessed.id, 'approval-refusals', {
        subject: 'compensation',
        reason: 'Nee.',
      });
      expect(refused.statusCode).toBe(403);
      const approved = await attempt(client, assessed.id, 'approvals', { subject: 'compensation' });
      expect(approved.statusCode).toBe(403);
    }

    const refused: Detail = await step(as.mia, assessed.id, 'approval-refusals', {
      subject: 'compensation',
      reason: 'Eerst een tweede offerte opvragen.',
    });
    expect(refused.timeline.at(-1)).toMatchObject({
      type: 'approval_refused',
      summary: 'Eerst een tweede offerte opvragen.',
    });
    expect(refused.approvals.waiting).toMatchObject([{ subject: 'compensation', requestedAt: null }]);
    expect(refused.nextSteps[0]?.code).toBe('obtain_manager_approval');
    expect((await waitingList(as.mia)).map((i) => i.complaintId)).not.toContain(assessed.id);

    const twice = await attempt(as.mia, assessed.id, 'approval-refusals', {
      subject: 'compensation',
      reason: 'Nogmaals nee.',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('approval_not_requested');

    // The handler asks again; the list shows it again
    await step(as.eva, assessed.id, 'approval-requests', {
      subject: 'compensation',
      note: 'Tweede offerte.',
    });
    expect((await waitingList(as.mia)).find((i) => i.complaintId === assessed.id)?.note).toBe(
      'Tweede offerte.',
    );
  });

  test('a stale version is refused when deciding in place', async () => {
    const assessed = await withCompensation();
    const asked: Detail = await step(as.eva, assessed.id, 'approval-requests', { subject: 'compensation' });
    await step(as.eva, assessed.id, 'notes', { text: 'Intussen gebeld.' });
    const stale = await as.mia.request({
      method: 'POST',
      url: `/api/complaints/${assessed.id}/approvals`,
      headers: { 'if-match': `"${asked.version}"` },
      payload: { subject: 'compensation' },
    });
    expect(stale.statusCode).toBe(412);
  });

  test('the reminder sweep sees the same open request: closed by a refusal or an approval of its subject', async () => {
    const assessed = await withCompensation();
    const requestedAt = async () => {
      const rows = await inOrganization(database.app, world.organization.id, (trx) =>
        loadMonitoredComplaints(trx, world.organization.id),
      );
      return rows.find((r) => r.id === assessed.id)?.approvalRequestedAt ?? null;
    };
    expect(await requestedAt()).toBeNull();
    await step(as.eva, assessed.id, 'approval-requests', { subject: 'compensation' });
    expect(await requestedAt()).not.toBeNull();
    await step(as.mia, assessed.id, 'approval-refusals', { subject: 'compensation', reason: 'Nee.' });
    expect(await requestedAt()).toBeNull();
    await step(as.eva, assessed.id, 'approval-requests', { subject: 'compensation' });
    // an approval of another subject leaves the compensation request open
    await step(as.mia, assessed.id, 'approvals', { subject: 'answer' });
    expect(await requestedAt()).not.toBeNull();
    await step(as.mia, assessed.id, 'approvals', { subject: 'compensation' });
    expect(await requestedAt()).toBeNull();
  });
});
