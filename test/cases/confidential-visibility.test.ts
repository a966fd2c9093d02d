// The SQL filter of lists, counts, search and suggestions (`visible` in complaint-query.repository.ts) must
// let through exactly the complaints the domain's `canSeeComplaint` allows: compared here over a grid of
// actors × complaints on real PostgreSQL, under row-level security as the app runs.
import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  type ConfidentialityReason,
  canSeeComplaint,
  type StaffActor,
  type StaffRole,
} from '../../src/domain/index.ts';
import { inOrganization } from '../../src/server/db/tenant-scope.ts';
import { toAccess, visibilityOf } from '../../src/server/modules/complaints/access/complaint-access.ts';
import { findComplaintRow } from '../../src/server/modules/complaints/complaint.repository.ts';
import { visible } from '../../src/server/modules/complaints/complaint-query.repository.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganization } from '../support/factories.ts';
import { createDepartment, createStaffUser } from '../support/staff-factories.ts';

const database = await createTestDatabase();
const owner = database.owner;
const org = (await createOrganization(owner)).id;

async function staff(name: string, roles: StaffRole[], departmentId: string | null = null) {
  return createStaffUser(owner, org, { name, roles, departmentId });
}
async function manage(departmentId: string, userId: string) {
  await owner
    .updateTable('department')
    .set({ manager_user_id: userId })
    .where('id', '=', departmentId)
    .execute();
}

// Wonen handles; Vastgoed is where the employee the complaint is about works; Onderhoud is headed by
// someone without the manager role (which gives no manager rights).
const wonen = await createDepartment(owner, org, { name: 'Wonen' });
const vastgoed = await createDepartment(owner, org, { name: 'Vastgoed' });
const onderhoud = await createDepartment(owner, org, { name: 'Onderhoud' });
const people = {
  handler: await staff('Hanna Behandelaar', ['employee'], wonen.id),
  concerned: await staff('Kees Betrokken', ['employee'], vastgoed.id),
  concernedMt: await staff('Mieke MT-lid', ['employee', 'management_team'], onderhoud.id),
  wonenManager: await staff('Willem Wonen', ['employee', 'manager'], wonen.id),
  vastgoedManager: await staff('Vera Vastgoed', ['employee', 'manager'], vastgoed.id),
  onderhoudHead: await staff('Otto Onderhoud', ['employee'], onderhoud.id),
  responsible: await staff('Rik Verantwoordelijk', ['employee', 'manager']),
  colleague: await staff('Carla Collega', ['employee'], wonen.id),
  assistant: await staff('Anna Assistent', ['employee', 'management_assistant'], wonen.id),
  mt: await staff('Marieke MT', ['employee', 'management_team']),
  board: await staff('Bram Directie', ['employee', 'board']),
  legal: await staff('Lotte Jurist', ['employee', 'legal']),
  admin: await staff('Ruud Beheer', ['employee', 'admin']),
  privacy: await staff('Pim Privacy', ['employee', 'privacy_officer']),
};
await manage(wonen.id, people.wonenManager.id);
await manage(vastgoed.id, people.vastgoedManager.id);
await manage(onderhoud.id, people.onderhoudHead.id);

const handlers = [people.handler.id, people.concerned.id, null];
const responsibles = [people.responsible.id, null];
const departments = [wonen.id, null];
const subjects = [people.concerned.id, people.concernedMt.id, people.onderhoudHead.id, null];
const reasons: (ConfidentialityReason | null)[] = [null, 'sensitive_personal_matter', 'criminal_suspicion'];

const complaintIds: string[] = [];
let n = 0;
for (const handlerId of handlers)
  for (const responsibleId of responsibles)
    for (const departmentId of departments)
      for (const subjectId of subjects)
        for (const reason of reasons) {
          const id = randomUUID();
          n += 1;
          await owner
            .insertInto('complaint')
            .values({
              id,
              organization_id: org,
              reference: `K-2026-${String(80_000 + n)}`,
              matter_id: id,
              channel: 'phone',
              received_at: new Date('2026-12-01T09:00:00+01:00'),
              description: 'Rastertest.',
              status: 'in_progress',
              term_start_day: '2026-12-01',
              original_due_at: new Date('2026-12-08T23:59:59+01:00'),
              due_at: new Date('2026-12-08T23:59:59+01:00'),
              calendar_settings_version: 1,
              term_extensions: '[]',
              registered_by: people.colleague.id,
              handler_id: handlerId,
              responsible_manager_id: responsibleId,
              department_id: departmentId,
              subject_kind: subjectId === null ? null : 'employee',
              subject_employee_id: subjectId,
              confidential: reason !== null,
              confidential_reason_code: reason,
            })
            .execute();
          complaintIds.push(id);
        }

async function actorOf(user: {
  id: string;
  roles: string[];
  department_id: string | null;
}): Promise<StaffActor> {
  const managed = await owner
    .selectFrom('department')
    .select('id')
    .where('manager_user_id', '=', user.id)
    .execute();
  return {
    userId: user.id,
    roles: user.roles as StaffRole[],
    departmentId: user.department_id,
    managedDepartmentIds: managed.map((d) => d.id),
  };
}

describe('the SQL filter agrees with canSeeComplaint (policy 1.3, 2.5)', () => {
  test.each(Object.keys(people) as (keyof typeof people)[])('%s', async (who) => {
    const actor = await actorOf(people[who]);
    const { bySql, byDomain } = await inOrganization(database.app, org, async (trx) => {
      const rows = await trx
        .selectFrom('complaint as c')
        .select('c.id')
        .where(visible(visibilityOf(actor)))
        .execute();
      const allowed: string[] = [];
      for (const id of complaintIds) {
        const row = await findComplaintRow(trx, id);
        if (row !== undefined && canSeeComplaint(actor, toAccess(row))) allowed.push(id);
      }
      return { bySql: rows.map((r) => r.id).sort(), byDomain: allowed.sort() };
    });
    expect(bySql).toEqual(byDomain);
    // every actor sees the ordinary ones and nobody (in this grid) sees everything by accident
    expect(byDomain.length).toBeGreaterThanOrEqual(complaintIds.length / reasons.length);
  });

  test('the grid is not trivial: the answers differ between actors', async () => {
    const counts = new Set<number>();
    for (const who of Object.keys(people) as (keyof typeof people)[]) {
      const actor = await actorOf(people[who]);
      const rows = await inOrganization(database.app, org, (trx) =>
        trx
          .selectFrom('complaint as c')
          .select('c.id')
          .where(visible(visibilityOf(actor)))
          .execute(),
      );
      counts.add(rows.length);
    }
    expect(counts.size).toBeGreaterThan(4);
  });

  test('an integration token sees only complaints that are not confidential', async () => {
    const rows = await inOrganization(database.app, org, (trx) =>
      trx
        .selectFrom('complaint as c')
        .select('c.id')
        .where(visible({ kind: 'token' }))
        .execute(),
    );
    expect(rows).toHaveLength(complaintIds.length / reasons.length);
  });
});
