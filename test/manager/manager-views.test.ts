import { describe, expect, test } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { attempt, createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const { as, people } = world;

async function accept(id: string) {
  return step(as.eva, id, 'triage', {
    outcome: 'complaint',
    category: 'request_wrongly_handled',
    subject: { kind: 'department', departmentId: world.wonen.id },
  });
}

async function employeeRepeat(earlierComplaintId: string, cause: string, employeeId: string) {
  return register(as.eva, {
    channel: 'phone',
    complainantId: world.tenant.id,
    description: 'Niemand heeft mij teruggebeld zoals beloofd.',
    repeat: { kind: 'employee_response', earlierComplaintId, cause, employeeId },
  });
}

const original = await register(as.eva, {
  channel: 'phone',
  complainantId: world.tenant.id,
  description: 'De lekkage is niet verholpen.',
});

describe('per-employee counts of repeats caused by late, missing or poor answers (policy 2.6)', () => {
  test("only the employee's own manager sees the counts, per employee and cause", async () => {
    await employeeRepeat(original.id, 'late', people.karel.id);
    await employeeRepeat(original.id, 'poor_answer', people.karel.id);
    await employeeRepeat(original.id, 'no_answer', people.eva.id);

    const victor = await as.victor.request({ url: '/api/manager/employee-repeat-counts' });
    expect(victor.statusCode).toBe(200);
    expect(victor.json().items).toEqual([
      {
        employeeId: people.karel.id,
        employeeName: 'Karel Collega',
        count: 2,
        causes: { late: 1, no_answer: 0, poor_answer: 1 },
      },
    ]);
    const mia = await as.mia.request({ url: '/api/manager/employee-repeat-counts' });
    expect(mia.json().items).toEqual([
      {
        employeeId: people.eva.id,
        employeeName: 'Eva Behandelaar',
        count: 1,
        causes: { late: 0, no_answer: 1, poor_answer: 0 },
      },
    ]);
  });

  test('employees, MT and the board may not see them', async () => {
    for (const client of [as.eva, as.marieke, as.bram, as.anna]) {
      const response = await client.request({ url: '/api/manager/employee-repeat-counts' });
      expect(response.statusCode).toBe(403);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    const anonymous = await app.inject({ url: '/api/manager/employee-repeat-counts' });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('approvals waiting for me', () => {
  test('a request shows for the manager it is addressed to until the approval is given', async () => {
    const complaint = await register(as.eva, {
      channel: 'email',
      complainantId: world.tenant.id,
      description: 'De schilder heeft mijn kozijn beschadigd.',
      departmentId: world.wonen.id,
    });
    await accept(complaint.id);
    await step(as.eva, complaint.id, 'approval-requests', { subject: 'answer', note: 'Graag akkoord.' });

    const waiting = await as.mia.request({ url: '/api/manager/approvals-waiting' });
    expect(waiting.statusCode).toBe(200);
    const item = waiting.json().items.find((i: { complaintId: string }) => i.complaintId === complaint.id);
    expect(item).toMatchObject({
      reference: complaint.reference,
      subject: 'answer',
      note: 'Graag akkoord.',
      requestedByName: 'Eva Behandelaar',
      complainantName: 'Jannie de Vries',
    });
    const other = await as.victor.request({ url: '/api/manager/approvals-waiting' });
    expect(other.json().items.map((i: { complaintId: string }) => i.complaintId)).not.toContain(complaint.id);
    expect((await as.eva.request({ url: '/api/manager/approvals-waiting' })).json().items).toEqual([]);

    await step(as.mia, complaint.id, 'approvals', { subject: 'answer' });
    const after = await as.mia.request({ url: '/api/manager/approvals-waiting' });
    expect(after.json().items.map((i: { complaintId: string }) => i.complaintId)).not.toContain(complaint.id);

    // A new request after the approval waits again.
    const again = await attempt(as.eva, complaint.id, 'approval-requests', { subject: 'compensation' });
    expect(again.statusCode).toBe(200);
    const waitingAgain = await as.mia.request({ url: '/api/manager/approvals-waiting' });
    expect(
      waitingAgain.json().items.find((i: { complaintId: string }) => i.complaintId === complaint.id)?.subject,
    ).toBe('compensation');
  });
});
