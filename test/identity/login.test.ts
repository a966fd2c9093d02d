import { describe, expect, test } from 'vitest';
import { generateTotp } from '../../src/server/modules/auth/credentials/totp.ts';
import { createTestApp } from '../support/app.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganization } from '../support/factories.ts';
import { SAME_ORIGIN, sessionCookieFrom, signInAs } from '../support/sessions.ts';
import { createStaffUser, TEST_PASSWORD } from '../support/staff-factories.ts';

const database = await createTestDatabase();
const organization = await createOrganization(database.owner, { isDefault: true });
const app = await createTestApp(database.app);

const login = (email: string, password: string) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { origin: SAME_ORIGIN },
    payload: { email, password },
  });

const eventsOf = async (type: string, email?: string) => {
  let query = database.owner.selectFrom('auth_event').selectAll().where('type', '=', type);
  if (email) query = query.where('email', '=', email);
  return query.execute();
};

describe('sign-in with e-mail and password', () => {
  test('a correct password starts a session with a safe cookie', async () => {
    const user = await createStaffUser(database.owner, organization.id, {
      name: 'Eva Jansen',
      roles: ['employee', 'manager'],
    });
    const response = await login(user.email.toUpperCase(), TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'signed_in' });
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
    const me = await app.inject({
      url: '/api/auth/me',
      headers: { cookie: sessionCookieFrom(response.headers['set-cookie']) },
    });
    expect(me.json()).toMatchObject({ id: user.id, name: 'Eva Jansen', roles: ['employee', 'manager'] });
    expect(await eventsOf('login_succeeded', user.email)).toHaveLength(1);
  });

  test('wrong password, unknown address and deactivated account get the same answer', async () => {
    const user = await createStaffUser(database.owner, organization.id);
    const gone = await createStaffUser(database.owner, organization.id, { active: false });
    const answers = await Promise.all([
      login(user.email, 'helemaal-fout-wachtwoord'),
      login('niemand@example.nl', 'helemaal-fout-wachtwoord'),
      login(gone.email, TEST_PASSWORD),
    ]);
    for (const answer of answers) {
      expect(answer.statusCode).toBe(401);
      expect(answer.json()).toMatchObject({
        code: 'invalid_credentials',
        title: 'Dit e-mailadres en wachtwoord horen niet bij elkaar.',
      });
      expect(answer.headers['set-cookie']).toBeUndefined();
    }
  });

  test('five failures lock the address for a while, whether or not an account exists', async () => {
    const user = await createStaffUser(database.owner, organization.id);
    for (const email of [user.email, 'onbekend-adres@example.nl']) {
      for (let attempt = 1; attempt <= 5; attempt++)
        expect((await login(email, 'fout-wachtwoord-123')).statusCode).toBe(401);
      const blocked = await login(email, TEST_PASSWORD);
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().code).toBe('login_blocked');
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(800);
      expect(await eventsOf('locked_out', email)).toHaveLength(1);
    }
    // The lock ends by itself; then the right password works and the count starts over.
    await database.owner
      .updateTable('login_throttle')
      .set({ locked_until: new Date(Date.now() - 1000) })
      .where('email', '=', user.email)
      .execute();
    expect((await login(user.email, TEST_PASSWORD)).statusCode).toBe(200);
    const throttle = await database.owner
      .selectFrom('login_throttle')
      .selectAll()
      .where('email', '=', user.email)
      .executeTakeFirstOrThrow();
    expect(throttle).toMatchObject({ failed_count: 0, locked_until: null });
  });

  test('bad input is a field-level 400, not a failed login', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: SAME_ORIGIN },
      payload: { email: 'geen-adres' },
    });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['email', 'password']);
  });
});

describe('sessions', () => {
  test('every sign-in gets a new session (rotation); sign-out ends only that one', async () => {
    const user = await createStaffUser(database.owner, organization.id);
    const first = await signInAs(app, user.email);
    const second = await signInAs(app, user.email);
    expect(first.cookie).not.toBe(second.cookie);
    const logout = await first.request({ method: 'POST', url: '/api/auth/logout' });
    expect(logout.statusCode).toBe(204);
    expect(String(logout.headers['set-cookie'])).toMatch(/gehoord_session=;/);
    expect((await first.request({ url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await second.request({ url: '/api/auth/me' })).statusCode).toBe(200);
  });

  test('"log out everywhere" ends every session of the account', async () => {
    const user = await createStaffUser(database.owner, organization.id);
    const first = await signInAs(app, user.email);
    const second = await signInAs(app, user.email);
    expect((await first.request({ method: 'POST', url: '/api/auth/logout-everywhere' })).statusCode).toBe(
      204,
    );
    expect((await second.request({ url: '/api/auth/me' })).statusCode).toBe(401);
  });

  test('a session ends after 30 idle minutes', async () => {
    const user = await createStaffUser(database.owner, organization.id);
    const client = await signInAs(app, user.email);
    await database.owner
      .updateTable('staff_session')
      .set({ last_seen_at: new Date(Date.now() - 29 * 60_000) })
      .where('user_id', '=', user.id)
      .execute();
    expect((await client.request({ url: '/api/auth/me' })).statusCode).toBe(200);
    await database.owner
      .updateTable('staff_session')
      .set({ last_seen_at: new Date(Date.now() - 31 * 60_000) })
      .where('user_id', '=', user.id)
      .execute();
    const expired = await client.request({ url: '/api/auth/me' });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('unauthenticated');
    const row = await database.owner
      .selectFrom('staff_session')
      .select('revoked_at')
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.revoked_at).not.toBeNull();
  });

  test('a session ends after its absolute lifetime even when active', async () => {
    const user = await createStaffUser(database.owner, organization.id);
    const client = await signInAs(app, user.email);
    await database.owner
      .updateTable('staff_session')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', user.id)
      .execute();
    expect((await client.request({ url: '/api/auth/me' })).statusCode).toBe(401);
  });

  test('deactivating an account ends its sessions at once', async () => {
    const user = await createStaffUser(database.owner, organization.id);
    const client = await signInAs(app, user.email);
    await database.owner.updateTable('staff_user').set({ active: false }).where('id', '=', user.id).execute();
    expect((await client.request({ url: '/api/auth/me' })).statusCode).toBe(401);
  });
});

describe('cross-site request forgery', () => {
  test('a cookie-authenticated write from another site is refused', async () => {
    const user = await createStaffUser(database.owner, organization.id);
    const client = await signInAs(app, user.email);
    const cases = [
      { origin: 'https://evil.example' },
      { origin: SAME_ORIGIN, 'sec-fetch-site': 'cross-site' },
      { origin: '' },
    ];
    for (const headers of cases) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { cookie: client.cookie, ...headers },
      });
      expect(response.statusCode, JSON.stringify(headers)).toBe(403);
      expect(response.json().code).toBe('csrf_rejected');
    }
    // Still signed in: none of the forged requests did anything.
    expect((await client.request({ url: '/api/auth/me' })).statusCode).toBe(200);
  });

  test('a forged sign-in from another site is refused too', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: { email: 'x@example.nl', password: 'y' },
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('two-step verification (TOTP)', () => {
  test('enrol, then sign-in needs the code; a used code is not accepted twice', async () => {
    const user = await createStaffUser(database.owner, organization.id);
    const client = await signInAs(app, user.email);
    const setup = await client.request({ method: 'POST', url: '/api/auth/second-factor/setup' });
    const { secret, otpauthUri } = setup.json();
    expect(otpauthUri).toContain('otpauth://totp/');
    expect(
      (
        await client.request({
          method: 'POST',
          url: '/api/auth/second-factor/enable',
          payload: { code: '000000' },
        })
      ).statusCode,
    ).toBe(401);
    const enable = await client.request({
      method: 'POST',
      url: '/api/auth/second-factor/enable',
      payload: { code: generateTotp(secret, new Date(Date.now() - 30_000)) },
    });
    expect(enable.statusCode).toBe(204);

    const step1 = await login(user.email, TEST_PASSWORD);
    expect(step1.json()).toEqual({ status: 'second_factor_required' });
    const pending = { cookie: sessionCookieFrom(step1.headers['set-cookie']), origin: SAME_ORIGIN };
    expect((await app.inject({ url: '/api/auth/me', headers: pending })).json().code).toBe(
      'second_factor_required',
    );
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/login/second-factor',
      headers: pending,
      payload: { code: '123456' },
    });
    expect(wrong.statusCode).toBe(401);
    const code = generateTotp(secret, new Date());
    const right = await app.inject({
      method: 'POST',
      url: '/api/auth/login/second-factor',
      headers: pending,
      payload: { code },
    });
    expect(right.json()).toEqual({ status: 'signed_in' });
    expect((await app.inject({ url: '/api/auth/me', headers: pending })).json().secondFactorEnabled).toBe(
      true,
    );

    const again = await login(user.email, TEST_PASSWORD);
    const replay = await app.inject({
      method: 'POST',
      url: '/api/auth/login/second-factor',
      headers: { cookie: sessionCookieFrom(again.headers['set-cookie']), origin: SAME_ORIGIN },
      payload: { code },
    });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('invalid_second_factor');
  });

  test('a role that requires two-step verification can do nothing else until it is set up', async () => {
    const org = await createOrganization(database.owner, { hostnames: ['strikt.test'] });
    await database.owner
      .updateTable('organization')
      .set({ totp_required_roles: ['admin'] })
      .where('id', '=', org.id)
      .execute();
    const admin = await createStaffUser(database.owner, org.id, { roles: ['employee', 'admin'] });
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { host: 'strikt.test', origin: 'http://strikt.test' },
      payload: { email: admin.email, password: TEST_PASSWORD },
    });
    const headers = {
      cookie: sessionCookieFrom(response.headers['set-cookie']),
      origin: 'http://strikt.test',
      host: 'strikt.test',
    };
    expect((await app.inject({ url: '/api/auth/me', headers })).json().mustEnrollSecondFactor).toBe(true);
    const refused = await app.inject({ url: '/api/admin/auth-events', headers });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('second_factor_enrollment_required');
  });
});

describe('password change', () => {
  test('the new password must follow the policy; changing it ends other sessions', async () => {
    const user = await createStaffUser(database.owner, organization.id, { name: 'Jan de Vries' });
    const client = await signInAs(app, user.email);
    const other = await signInAs(app, user.email);
    const weak = await client.request({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'wachtwoord123' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0]).toMatchObject({ path: 'newPassword', code: 'password_common' });
    const wrongCurrent = await client.request({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'niet-het-huidige', newPassword: 'Een heel nieuw lang wachtwoord' },
    });
    expect(wrongCurrent.statusCode).toBe(401);
    const changed = await client.request({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Een heel nieuw lang wachtwoord' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await other.request({ url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await client.request({ url: '/api/auth/me' })).statusCode).toBe(200);
    expect((await login(user.email, 'Een heel nieuw lang wachtwoord')).statusCode).toBe(200);
  });
});

describe('rate limiting', () => {
  test('too many sign-in attempts from one address get a 429 problem with Retry-After', async () => {
    const limited = await createTestApp(database.app, { loginRateLimitPerMinute: 3 });
    const attempt = () =>
      limited.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { origin: SAME_ORIGIN },
        payload: { email: 'a@b.nl', password: 'x' },
      });
    for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
    const refused = await attempt();
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});
