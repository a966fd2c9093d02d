import fc from 'fast-check';
import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import {
  type ComplaintPermission,
  type ConfidentialityReason,
  decideComplaintAction,
  type StaffRole,
} from '../../src/domain/index.ts';
import { createTestApp } from '../support/app.ts';
import { createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganization } from '../support/factories.ts';
import type { Client } from '../support/sessions.ts';
import { createDepartment, createStaffUser } from '../support/staff-factories.ts';

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const { as, people } = world;

// A second corporation on the same installation, with its own manager and complaint
const other = await createOrganization(database.owner, { hostnames: ['andere.example.nl'] });
const otherManager = await createStaffUser(database.owner, other.id, {
  roles: ['employee', 'manager', 'management_team', 'board', 'legal', 'admin'],
});
await createDepartment(database.owner, other.id, { managerUserId: otherManager.id });

const users: { id: string; client: Client }[] = Object.entries(as).map(([name, client]) => ({
  id: people[name as keyof typeof people].id,
  client,
}));

const ordinary = await register(as.eva, {
  channel: 'phone',
  complainantId: world.tenant.id,
  description: 'Gewoon.',
});
await step(as.eva, ordinary.id, 'triage', {
  outcome: 'complaint',
  category: 'no_or_late_answer',
  subject: { kind: 'department', departmentId: world.wonen.id },
});
// Confidential on purpose, about Eva: Karel handles, Eva and her manager Mia see it too (policy 1.3)
const confidential = await register(as.karel, {
  channel: 'phone',
  complainantId: world.tenant.id,
  description: 'Vertrouwelijk.',
  confidential: true,
  confidentialReason: 'sensitive_personal_matter',
});
await step(as.karel, confidential.id, 'triage', {
  outcome: 'complaint',
  category: 'treated_wrongly',
  subject: { kind: 'employee', employeeId: people.eva.id },
});
const unassigned = await register(as.eva, {
  channel: 'web',
  complainantId: world.tenant.id,
  description: 'Nog niemand.',
  handlerId: people.anna.id,
});

const ACTIONS: Record<
  ComplaintPermission,
  (id: string, userId: string) => { method: 'GET' | 'POST'; url: string; payload?: object }
> = {
  'complaint.view': (id) => ({ method: 'GET', url: `/api/complaints/${id}` }),
  'complaint.register': () => ({
    method: 'POST',
    url: '/api/complaints',
    payload: { channel: 'web', description: 'Nieuw.' },
  }),
  'complaint.log_contact': (id) => ({
    method: 'POST',
    url: `/api/complaints/${id}/notes`,
    payload: { text: 'Notitie.' },
  }),
  'complaint.assign': (id, userId) => ({
    method: 'POST',
    url: `/api/complaints/${id}/assign`,
    payload: { handlerId: userId },
  }),
  'complaint.transfer': (id) => ({
    method: 'POST',
    url: `/api/complaints/${id}/transfer`,
    payload: { departmentId: world.wonen.id, reason: 'Hoort bij Wonen.' },
  }),
  'complaint.handle': (id) => ({
    method: 'POST',
    url: `/api/complaints/${id}/written-only`,
    payload: { reason: 'Alleen schriftelijk bereikbaar.' },
  }),
  'complaint.decide': (id) => ({
    method: 'POST',
    url: `/api/complaints/${id}/approvals`,
    payload: { subject: 'answer' },
  }),
  'complaint.give_legal_advice': (id) => ({
    method: 'POST',
    url: `/api/complaints/${id}/legal-advice`,
    payload: { summary: 'Advies.' },
  }),
  'complaint.record_board_decision': (id) => ({
    method: 'POST',
    url: `/api/complaints/${id}/committee/board-decision`,
    payload: { adoptsAdvice: true, text: 'Besluit.' },
  }),
  // Without a reason: an allowed caller gets 409/422 and nothing changes, so the complaints stay as set up
  'complaint.mark_confidential': (id) => ({
    method: 'POST',
    url: `/api/complaints/${id}/confidential`,
    payload: {},
  }),
  'complaint.lift_confidential': (id) => ({
    method: 'POST',
    url: `/api/complaints/${id}/confidential/lift`,
    payload: {},
  }),
};

async function actorOf(userId: string) {
  const user = await database.owner
    .selectFrom('staff_user')
    .select(['roles', 'department_id'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const managed = await database.owner
    .selectFrom('department')
    .select('id')
    .where('manager_user_id', '=', userId)
    .execute();
  return {
    userId,
    roles: user.roles as StaffRole[],
    departmentId: user.department_id,
    managedDepartmentIds: managed.map((d) => d.id),
  };
}

async function accessOf(id: string) {
  const row = await database.owner
    .selectFrom('complaint as c')
    .leftJoin('staff_user as s', 's.id', 'c.subject_employee_id')
    .select([
      'c.handler_id',
      'c.responsible_manager_id',
      'c.department_id',
      'c.confidential',
      'c.confidential_reason_code',
      'c.subject_employee_id',
      's.department_id as subject_department',
    ])
    .where('c.id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    handlerId: row.handler_id,
    responsibleManagerId: row.responsible_manager_id,
    departmentId: row.department_id,
    confidential: row.confidential,
    confidentialReason: row.confidential_reason_code as ConfidentialityReason | null,
    subjectEmployeeId: row.subject_employee_id,
    subjectEmployeeDepartmentId: row.subject_department,
  };
}

describe('isolation and authorization', () => {
  test('random (user, complaint, action): refused exactly when the matrix says so, hidden as 404', async () => {
    const mismatches: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...users),
        fc.constantFrom(ordinary.id, confidential.id, unassigned.id),
        fc.constantFrom(...(Object.keys(ACTIONS) as ComplaintPermission[])),
        async (user, complaintId, permission) => {
          const expected = decideComplaintAction(
            await actorOf(user.id),
            permission,
            await accessOf(complaintId),
          );
          const response = await user.client.request(ACTIONS[permission](complaintId, user.id));
          const refusedAs =
            response.statusCode === 404 ? 'hidden' : response.statusCode === 403 ? 'refused' : 'allowed';
          const want = expected.allowed ? 'allowed' : expected.hidden ? 'hidden' : 'refused';
          if (refusedAs !== want)
            mismatches.push(
              `${permission} by ${user.id} on ${complaintId}: ${response.statusCode}, expected ${want}`,
            );
          expect(response.statusCode).toBeLessThan(500);
        },
      ),
      { numRuns: 600 },
    );
    expect(mismatches).toEqual([]);
  });

  test("another corporation's complaint is always 404, and row-level security alone hides it", async () => {
    const foreign = await database.owner
      .insertInto('complaint')
      .values({
        id: '11111111-1111-4111-8111-111111111111',
        organization_id: other.id,
        reference: 'K-2026-90001',
        matter_id: '11111111-1111-4111-8111-111111111111',
        channel: 'web',
        received_at: new Date(),
        description: 'Van een andere corporatie.',
        status: 'new',
        term_start_day: '2026-11-26',
        original_due_at: new Date(),
        due_at: new Date(),
        calendar_settings_version: 1,
        term_extensions: '[]',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const user of users) {
      for (const permission of Object.keys(ACTIONS) as ComplaintPermission[]) {
        if (permission === 'complaint.register') continue;
        const response = await user.client.request(ACTIONS[permission](foreign.id, user.id));
        expect(response.statusCode, `${permission}`).toBe(404);
      }
    }
    const seen = await database.app.transaction().execute(async (trx) => {
      await sql`select set_config('role', 'gehoord_app', true), set_config('gehoord.organization_id', ${world.organization.id}, true)`.execute(
        trx,
      );
      return sql`select id from complaint where id = ${foreign.id}`.execute(trx);
    });
    expect(seen.rows).toEqual([]);
  });
});
