import { describe, expect, test } from 'vitest';
import { STAFF_ROLES } from '../../src/domain/permissions.ts';
import { prepareSetupLink } from '../../src/server/modules/setup/setup.service.ts';
import { createTestApp } from '../support/app.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganization } from '../support/factories.ts';
import { SAME_ORIGIN, sessionCookieFrom, signInAs } from '../support/sessions.ts';

const database = await createTestDatabase();
await createOrganization(database.owner, { isDefault: true, name: 'Mijn woningcorporatie' });
const app = await createTestApp(database.app);

const post = (url: string, payload: object) =>
  app.inject({ method: 'POST', url, headers: { origin: SAME_ORIGIN }, payload });

describe('first run: the one-time setup link', () => {
  test('creates the first administrator (and the demo) exactly once', async () => {
    const link = await prepareSetupLink(database.owner, 'http://localhost:3000', new Date());
    expect(link).toMatch(/^http:\/\/localhost:3000\/inrichten#ghi_/);
    const token = (link as string).split('#')[1] as string;
    expect((await post('/api/setup/check', { token })).json()).toEqual({
      valid: true,
      organizationName: 'Mijn woningcorporatie',
    });

    const administrator = { name: 'Ruud Mulder', email: 'ruud@example.nl', password: 'kort' };
    const weak = await post('/api/setup', {
      token,
      organizationName: 'Wonen Midden-Delfland',
      administrator,
      loadDemo: true,
    });
    expect(weak.statusCode).toBe(400);
    expect(await database.owner.selectFrom('staff_user').select('id').execute()).toEqual([]);

    const done = await post('/api/setup', {
      token,
      organizationName: 'Wonen Midden-Delfland',
      administrator: { ...administrator, password: 'Een lang en sterk wachtwoord' },
      loadDemo: true,
    });
    expect(done.statusCode).toBe(201);
    const me = await app.inject({
      url: '/api/auth/me',
      headers: { cookie: sessionCookieFrom(done.headers['set-cookie']) },
    });
    expect(me.json()).toMatchObject({ name: 'Ruud Mulder', roles: ['employee', 'admin'] });
    const { demoAccounts } = done.json();
    const demoRoles = new Set(demoAccounts.flatMap((a: { roles: string[] }) => a.roles));
    for (const role of STAFF_ROLES) expect(demoRoles.has(role), role).toBe(true);
    const manager = demoAccounts.find((a: { roles: string[] }) => a.roles.includes('manager'));
    const managerClient = await signInAs(app, manager.email, manager.password);
    expect((await managerClient.request({ url: '/api/auth/me' })).json().managedDepartmentIds).toHaveLength(
      1,
    );
    expect((await app.inject({ url: '/api/organization' })).json().name).toBe('Wonen Midden-Delfland');

    expect((await post('/api/setup/check', { token })).json().code).toBe('setup_link_invalid');
    const again = await post('/api/setup', {
      token,
      organizationName: 'X',
      administrator: { name: 'X', email: 'x@example.nl', password: 'Een lang en sterk wachtwoord' },
    });
    expect(again.statusCode).toBe(404);
    expect(await prepareSetupLink(database.owner, 'http://localhost:3000', new Date())).toBeNull();
  });

  test('an unknown or expired link is refused', async () => {
    expect((await post('/api/setup/check', { token: 'ghi_bestaatniet1234' })).statusCode).toBe(404);
  });
});
