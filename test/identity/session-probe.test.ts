import { describe, expect, test } from 'vitest';
import { generateTotp } from '../../src/server/modules/auth/credentials/totp.ts';
import { createTestApp } from '../support/app.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganization } from '../support/factories.ts';
import { SAME_ORIGIN, sessionCookieFrom, signInAs } from '../support/sessions.ts';
import { createStaffUser, TEST_PASSWORD } from '../support/staff-factories.ts';

// Issue 22: the web app asks "am I signed in?" before it shows a page. The sign-in page must not log a 401 in
// the browser console, so this probe answers 200 either way; `/api/auth/me` keeps its 401 for API clients.
const database = await createTestDatabase();
const organization = await createOrganization(database.owner, { isDefault: true });
const app = await createTestApp(database.app);

describe('GET /api/auth/session', () => {
  test('without a session: 200, not signed in', async () => {
    const response = await app.inject({ url: '/api/auth/session' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ signedIn: false, user: null });
    expect((await app.inject({ url: '/api/auth/me' })).statusCode).toBe(401);
  });

  test('with a session: the signed-in staff member, the same as /api/auth/me; after sign-out no longer', async () => {
    const user = await createStaffUser(database.owner, organization.id, { name: 'Eva Jansen' });
    const client = await signInAs(app, user.email);
    const response = await client.request({ url: '/api/auth/session' });
    expect(response.statusCode).toBe(200);
    const me = await client.request({ url: '/api/auth/me' });
    expect(response.json()).toEqual({ signedIn: true, user: me.json() });
    expect(response.json().user).toMatchObject({ id: user.id, name: 'Eva Jansen' });
    await client.request({ method: 'POST', url: '/api/auth/logout' });
    expect((await client.request({ url: '/api/auth/session' })).json()).toEqual({
      signedIn: false,
      user: null,
    });
  });

  test('while the second step of sign-in is pending: not signed in', async () => {
    const user = await createStaffUser(database.owner, organization.id);
    const client = await signInAs(app, user.email);
    const setup = await client.request({ method: 'POST', url: '/api/auth/second-factor/setup' });
    const enable = await client.request({
      method: 'POST',
      url: '/api/auth/second-factor/enable',
      payload: { code: generateTotp(setup.json().secret, new Date()) },
    });
    expect(enable.statusCode).toBe(204);
    const step1 = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: SAME_ORIGIN },
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(step1.json()).toEqual({ status: 'second_factor_required' });
    const pending = { cookie: sessionCookieFrom(step1.headers['set-cookie']) };
    const response = await app.inject({ url: '/api/auth/session', headers: pending });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ signedIn: false, user: null });
  });
});
