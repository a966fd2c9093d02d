import { describe, expect, test } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganization } from '../support/factories.ts';
import { SAME_ORIGIN, signInAs } from '../support/sessions.ts';
import { createStaffUser } from '../support/staff-factories.ts';

const database = await createTestDatabase();
const organization = await createOrganization(database.owner, { isDefault: true });
const app = await createTestApp(database.app);
const adminUser = await createStaffUser(database.owner, organization.id, {
  name: 'Ruud Mulder',
  roles: ['employee', 'admin'],
});
const admin = await signInAs(app, adminUser.email);

describe('administration of departments and staff', () => {
  test('an admin creates a department and an account; the generated password is shown once and works', async () => {
    const department = await admin.request({
      method: 'POST',
      url: '/api/admin/departments',
      payload: { name: 'Klantcontact' },
    });
    expect(department.statusCode).toBe(201);
    const created = await admin.request({
      method: 'POST',
      url: '/api/admin/users',
      payload: {
        name: 'Sanne de Groot',
        email: ' Sanne.deGroot@Example.nl ',
        roles: ['employee', 'manager'],
        departmentId: department.json().id,
      },
    });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body.user).toMatchObject({
      email: 'sanne.degroot@example.nl',
      departmentName: 'Klantcontact',
      active: true,
    });
    expect(body.initialPassword).toHaveLength(24);
    const manager = await signInAs(app, 'sanne.degroot@example.nl', body.initialPassword);
    expect((await manager.request({ url: '/api/auth/me' })).json().roles).toEqual(['employee', 'manager']);
    const patched = await admin.request({
      method: 'PATCH',
      url: `/api/admin/departments/${department.json().id}`,
      payload: { managerUserId: body.user.id },
    });
    expect(patched.json()).toMatchObject({ managerName: 'Sanne de Groot', staffCount: 1 });
    expect((await manager.request({ url: '/api/auth/me' })).json().managedDepartmentIds).toEqual([
      department.json().id,
    ]);
  });

  test('clear 4xx answers: duplicate e-mail, unknown department, weak password, bad roles', async () => {
    const existing = await createStaffUser(database.owner, organization.id);
    const duplicate = await admin.request({
      method: 'POST',
      url: '/api/admin/users',
      payload: { name: 'X', email: existing.email, roles: ['employee'] },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('email_taken');
    const unknownDepartment = await admin.request({
      method: 'POST',
      url: '/api/admin/users',
      payload: {
        name: 'Y',
        email: 'y@example.nl',
        roles: ['employee'],
        departmentId: '00000000-0000-4000-8000-000000000000',
      },
    });
    expect(unknownDepartment.statusCode).toBe(400);
    expect(unknownDepartment.json().errors[0].path).toBe('departmentId');
    const weak = await admin.request({
      method: 'POST',
      url: '/api/admin/users',
      payload: { name: 'Z', email: 'z@example.nl', roles: ['employee'], password: 'welkom01' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].path).toBe('password');
    const badRoles = await admin.request({
      method: 'POST',
      url: '/api/admin/users',
      payload: { name: 'Q', email: 'q@example.nl', roles: ['koning'] },
    });
    expect(badRoles.statusCode).toBe(400);
    expect(
      await database.owner
        .selectFrom('staff_user')
        .select('id')
        .where('email', 'in', ['y@example.nl', 'z@example.nl', 'q@example.nl'])
        .execute(),
    ).toEqual([]);
  });

  test('role changes and deactivation are audited; deactivation ends sessions and keeps history', async () => {
    const user = await createStaffUser(database.owner, organization.id, { roles: ['employee'] });
    const client = await signInAs(app, user.email);
    const promoted = await admin.request({
      method: 'PATCH',
      url: `/api/admin/users/${user.id}`,
      payload: { roles: ['employee', 'legal'] },
    });
    expect(promoted.json().roles).toEqual(['employee', 'legal']);
    const deactivated = await admin.request({
      method: 'PATCH',
      url: `/api/admin/users/${user.id}`,
      payload: { active: false },
    });
    expect(deactivated.json().active).toBe(false);
    expect((await client.request({ url: '/api/auth/me' })).statusCode).toBe(401);
    const audit = await admin.request({ url: `/api/admin/auth-events?userId=${user.id}` });
    const types = audit.json().items.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(['roles_changed', 'user_deactivated', 'login_succeeded']));
    const roleChange = audit.json().items.find((e: { type: string }) => e.type === 'roles_changed');
    expect(roleChange).toMatchObject({
      actorName: 'Ruud Mulder',
      details: { from: ['employee'], to: ['employee', 'legal'] },
    });
    expect(
      await database.owner.selectFrom('staff_user').select('id').where('id', '=', user.id).execute(),
    ).toHaveLength(1);
  });

  test('the last active administrator cannot be removed', async () => {
    const response = await admin.request({
      method: 'PATCH',
      url: `/api/admin/users/${adminUser.id}`,
      payload: { roles: ['employee'] },
    });
    expect(response.statusCode).toBe(409);
    expect((await admin.request({ url: '/api/auth/me' })).json().roles).toContain('admin');
  });

  test('only admins administer; everyone signed in may read departments and staff; nobody anonymous', async () => {
    const employee = await signInAs(app, (await createStaffUser(database.owner, organization.id)).email);
    for (const [method, url] of [
      ['GET', '/api/admin/auth-events'],
      ['POST', '/api/admin/departments'],
      ['GET', `/api/admin/users/${adminUser.id}`],
      ['GET', '/api/admin/api-tokens'],
    ] as const) {
      const refused = await employee.request({
        method,
        url,
        payload: method === 'POST' ? { name: 'Nieuw' } : undefined,
      });
      expect(refused.statusCode, url).toBe(403);
      const anonymous = await app.inject({ method, url, headers: { origin: SAME_ORIGIN } });
      expect(anonymous.statusCode, url).toBe(401);
    }
    expect((await employee.request({ url: '/api/departments' })).statusCode).toBe(200);
    expect((await employee.request({ url: '/api/staff?active=true' })).statusCode).toBe(200);
  });

  test('an organisation never sees another organisation’s staff', async () => {
    const other = await createOrganization(database.owner);
    const stranger = await createStaffUser(database.owner, other.id, { name: 'Vreemde Eend' });
    expect((await admin.request({ url: `/api/admin/users/${stranger.id}` })).statusCode).toBe(404);
    const list = (await admin.request({ url: '/api/staff' })).json();
    expect(list.map((u: { name: string }) => u.name)).not.toContain('Vreemde Eend');
  });
});
