import { describe, expect, test } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganization } from '../support/factories.ts';
import { signInAs } from '../support/sessions.ts';
import { createDepartment, createStaffUser } from '../support/staff-factories.ts';

// A contractor names the department responsible for it (policy 1.3): complaints about it go there.

const database = await createTestDatabase();
const organization = await createOrganization(database.owner, { isDefault: true });
const other = await createOrganization(database.owner, { name: 'Andere corporatie' });
const app = await createTestApp(database.app);
const admin = await signInAs(
  app,
  (await createStaffUser(database.owner, organization.id, { roles: ['employee', 'admin'] })).email,
);
const employee = await signInAs(app, (await createStaffUser(database.owner, organization.id)).email);
const maintenance = await createDepartment(database.owner, organization.id, { name: 'Vastgoed & Onderhoud' });
const living = await createDepartment(database.owner, organization.id, { name: 'Wonen' });
const closed = await createDepartment(database.owner, organization.id, { name: 'Opgeheven' });
await database.owner.updateTable('department').set({ active: false }).where('id', '=', closed.id).execute();
const foreign = await createDepartment(database.owner, other.id, { name: 'Elders' });

async function createContractor(payload: object) {
  return admin.request({ method: 'POST', url: '/api/contractors', payload });
}

async function storedDepartment(contractorId: string) {
  const row = await database.owner
    .selectFrom('contractor')
    .select(['responsible_department_id', 'name'])
    .where('id', '=', contractorId)
    .executeTakeFirstOrThrow();
  return row.responsible_department_id;
}

describe('the responsible department of a contractor', () => {
  test('an admin creates a contractor with its department; lists and reads show it by name', async () => {
    const created = await createContractor({
      name: 'Schilders Vlietland',
      trade: 'schilder',
      responsibleDepartmentId: maintenance.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      responsibleDepartmentId: maintenance.id,
      responsibleDepartmentName: 'Vastgoed & Onderhoud',
    });
    const list = await employee.request({ url: '/api/contractors?search=vlietland' });
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: created.json().id, responsibleDepartmentName: 'Vastgoed & Onderhoud' }),
    ]);
    const one = await employee.request({ url: `/api/contractors/${created.json().id}` });
    expect(one.json().responsibleDepartmentId).toBe(maintenance.id);
  });

  test('without a department it stays open; a later change sets, moves and clears it', async () => {
    const created = await createContractor({ name: 'Glaszetters Delfland' });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ responsibleDepartmentId: null, responsibleDepartmentName: null });

    const set = await admin.request({
      method: 'PATCH',
      url: `/api/contractors/${id}`,
      payload: { responsibleDepartmentId: living.id },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().responsibleDepartmentName).toBe('Wonen');

    // A change of name alone leaves the department as it is
    const renamed = await admin.request({
      method: 'PATCH',
      url: `/api/contractors/${id}`,
      payload: { name: 'Glaszetters Delfland BV' },
    });
    expect(renamed.json()).toMatchObject({
      name: 'Glaszetters Delfland BV',
      responsibleDepartmentId: living.id,
    });

    const cleared = await admin.request({
      method: 'PATCH',
      url: `/api/contractors/${id}`,
      payload: { responsibleDepartmentId: null },
    });
    expect(cleared.json().responsibleDepartmentId).toBeNull();
    expect(await storedDepartment(id)).toBeNull();
  });

  test.each([
    ['an unknown department', '3f0c4b1e-8d7a-4c55-9a61-2b7e3d9f0a11'],
    ["another organisation's department", foreign.id],
    ['an inactive department', closed.id],
  ])('%s is refused with 422 on the field, and nothing is stored', async (_, departmentId) => {
    const before = await database.owner
      .selectFrom('contractor')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const refused = await createContractor({
      name: `Aannemer ${departmentId}`,
      responsibleDepartmentId: departmentId,
    });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({
      code: 'department_unknown',
      errors: [expect.objectContaining({ path: 'responsibleDepartmentId', code: 'invalid_reference' })],
    });
    const after = await database.owner
      .selectFrom('contractor')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));

    const existing = await createContractor({
      name: `Bestaand ${departmentId}`,
      responsibleDepartmentId: living.id,
    });
    const refusedChange = await admin.request({
      method: 'PATCH',
      url: `/api/contractors/${existing.json().id}`,
      payload: { name: 'Mag niet veranderen', responsibleDepartmentId: departmentId },
    });
    expect(refusedChange.statusCode).toBe(422);
    expect(refusedChange.json().code).toBe('department_unknown');
    const unchanged = await employee.request({ url: `/api/contractors/${existing.json().id}` });
    expect(unchanged.json()).toMatchObject({
      name: `Bestaand ${departmentId}`,
      responsibleDepartmentId: living.id,
    });
  });

  test('a malformed department id is a 400 validation problem, and an employee may not set one', async () => {
    const malformed = await createContractor({ name: 'Raar', responsibleDepartmentId: 'geen-id' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('validation_failed');
    const byEmployee = await employee.request({
      method: 'POST',
      url: '/api/contractors',
      payload: { name: 'Niet van mij', responsibleDepartmentId: living.id },
    });
    expect(byEmployee.statusCode).toBe(403);
  });
});
