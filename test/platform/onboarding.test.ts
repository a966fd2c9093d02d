import { describe, expect, test } from 'vitest';
import { createPlatformAdmin } from '../../src/server/modules/platform/index.ts';
import { createTestApp, PLATFORM_TEST_HOST } from '../support/app.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganization } from '../support/factories.ts';
import { sessionCookieFrom } from '../support/sessions.ts';
import { createStaffUser, TEST_PASSWORD } from '../support/staff-factories.ts';

// Issue 25 (decision 047): a second corporation is created through the platform API while the server runs, its
// first administrator sets up on its own host name, and it can be suspended and resumed.

const database = await createTestDatabase();
const corporationA = await createOrganization(database.owner, {
  name: 'Corporatie A',
  hostnames: ['klachten.a.test'],
});
const adminOfA = await createStaffUser(database.owner, corporationA.id, {
  email: 'beheer@a.test',
  roles: ['employee', 'admin'],
});
const app = await createTestApp(database.app);

const PLATFORM_ORIGIN = `http://${PLATFORM_TEST_HOST}`;
const PASSWORD = 'Zonnige-Dijk-Sleutel-2026';
const onPlatform = (cookie = '') => ({ host: PLATFORM_TEST_HOST, origin: PLATFORM_ORIGIN, cookie });

async function platformSignIn(): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/platform/sign-in',
    headers: onPlatform(),
    payload: { email: 'platform@beheer.test', password: PASSWORD },
  });
  expect(response.statusCode, response.body).toBe(200);
  const match = /gehoord_platform_session=([^;]+)/.exec(String(response.headers['set-cookie']));
  return `gehoord_platform_session=${match?.[1]}`;
}

describe('a platform administrator onboards a corporation while the server runs', () => {
  let platformCookie = '';
  let corporationB = '';
  let setupToken = '';
  let staffCookieB = '';

  test('the password link sets a password; sign-in works only on the platform host', async () => {
    const { link } = await createPlatformAdmin(
      database.app,
      'Platform@Beheer.test',
      `http://${PLATFORM_TEST_HOST}:3000`,
      { adminId: null, actor: 'test', ip: null },
      new Date(),
    );
    expect(link).toMatch(/^http:\/\/platform\.localhost:3000\/platform\/wachtwoord#ghp_/);
    const token = link.split('#')[1];
    const weak = await app.inject({
      method: 'POST',
      url: '/api/platform/password',
      headers: onPlatform(),
      payload: { token, password: 'kort' },
    });
    expect(weak.statusCode).toBe(400);
    // The refused attempt rolled back: the link still works once.
    const set = await app.inject({
      method: 'POST',
      url: '/api/platform/password',
      headers: onPlatform(),
      payload: { token, password: PASSWORD },
    });
    expect(set.statusCode, set.body).toBe(204);
    const again = await app.inject({
      method: 'POST',
      url: '/api/platform/password',
      headers: onPlatform(),
      payload: { token, password: PASSWORD },
    });
    expect(again.json().code).toBe('platform_link_invalid');

    const wrong = await app.inject({
      method: 'POST',
      url: '/api/platform/sign-in',
      headers: onPlatform(),
      payload: { email: 'platform@beheer.test', password: 'Verkeerd-wachtwoord-123' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    const elsewhere = await app.inject({
      method: 'POST',
      url: '/api/platform/sign-in',
      headers: { host: 'klachten.a.test', origin: 'http://klachten.a.test' },
      payload: { email: 'platform@beheer.test', password: PASSWORD },
    });
    expect(elsewhere.statusCode).toBe(404);
    platformCookie = await platformSignIn();
    const me = await app.inject({ url: '/api/platform/me', headers: onPlatform(platformCookie) });
    expect(me.json()).toEqual({ email: 'platform@beheer.test' });
    const anonymous = await app.inject({ url: '/api/platform/corporations', headers: onPlatform() });
    expect(anonymous.statusCode).toBe(401);
  });

  test('bad input is a 400 with field messages; a taken host name or slug a 409', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/platform/corporations',
      headers: onPlatform(platformCookie),
      payload: { slug: 'X!', name: '', hostnames: ['niet geldig'], locales: ['fr'] },
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['slug', 'name', 'hostnames.0', 'locales.0']));
    expect(bad.json().errors[0].messages).toMatchObject({ nl: expect.any(String), en: expect.any(String) });
    const taken = await app.inject({
      method: 'POST',
      url: '/api/platform/corporations',
      headers: onPlatform(platformCookie),
      payload: { slug: 'nieuw', name: 'Nieuw', hostnames: ['KLACHTEN.A.TEST'] },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('hostname_taken');
    const slug = await app.inject({
      method: 'POST',
      url: '/api/platform/corporations',
      headers: onPlatform(platformCookie),
      payload: { slug: corporationA.slug, name: 'Nieuw', hostnames: ['nieuw.test'] },
    });
    expect(slug.json().code).toBe('slug_taken');
  });

  test('creating a corporation answers with its one-time setup link on its own host name', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/platform/corporations',
      headers: onPlatform(platformCookie),
      payload: {
        slug: 'woonstad-b',
        name: 'Woonstad B',
        hostnames: ['klachten.b.test', 'b.test'],
        locales: ['nl', 'en'],
        sessionIdleMinutes: 20,
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body.corporation).toMatchObject({
      slug: 'woonstad-b',
      hostnames: ['klachten.b.test', 'b.test'],
      locales: ['nl', 'en'],
      staffAccounts: 0,
      complaintsThisYear: 0,
      suspendedAt: null,
    });
    expect(body.setupUrl).toMatch(/^http:\/\/klachten\.b\.test:3000\/inrichten#ghi_/);
    corporationB = body.corporation.id;
    setupToken = body.setupUrl.split('#')[1];
    const row = await database.owner
      .selectFrom('organization')
      .select(['session_idle_minutes'])
      .where('id', '=', corporationB)
      .executeTakeFirstOrThrow();
    expect(row.session_idle_minutes).toBe(20);
  });

  test('its first administrator sets up on its host name, signs in and sees an empty work queue', async () => {
    const host = { host: 'klachten.b.test', origin: 'http://klachten.b.test' };
    const organization = await app.inject({ url: '/api/organization', headers: host });
    expect(organization.json()).toMatchObject({ id: corporationB, name: 'Woonstad B' });
    const check = await app.inject({
      method: 'POST',
      url: '/api/setup/check',
      headers: host,
      payload: { token: setupToken },
    });
    expect(check.json()).toEqual({ valid: true, organizationName: 'Woonstad B' });
    const setup = await app.inject({
      method: 'POST',
      url: '/api/setup',
      headers: host,
      payload: {
        token: setupToken,
        organizationName: 'Woonstad B',
        administrator: { name: 'Bea Beheer', email: 'bea@b.test', password: PASSWORD },
      },
    });
    expect(setup.statusCode, setup.body).toBe(201);
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: host,
      payload: { email: 'bea@b.test', password: PASSWORD },
    });
    expect(login.statusCode, login.body).toBe(200);
    staffCookieB = `gehoord_session=${/gehoord_session=([^;]+)/.exec(String(login.headers['set-cookie']))?.[1]}`;
    const queue = await app.inject({ url: '/api/complaints', headers: { ...host, cookie: staffCookieB } });
    expect(queue.statusCode, queue.body).toBe(200);
    expect(queue.json().items).toEqual([]);
  });

  test('the first corporation’s staff cannot see the second, and the other way round', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { host: 'klachten.a.test', origin: 'http://klachten.a.test' },
      payload: { email: adminOfA.email, password: TEST_PASSWORD },
    });
    expect(login.statusCode, login.body).toBe(200);
    const listA = await app.inject({
      url: '/api/staff',
      headers: { host: 'klachten.a.test', cookie: sessionCookieFrom(login.headers['set-cookie']) },
    });
    expect(listA.statusCode, listA.body).toBe(200);
    expect(listA.body).toContain('beheer@a.test');
    expect(listA.body).not.toContain('bea@b.test');
    const listB = await app.inject({
      url: '/api/staff',
      headers: { host: 'klachten.b.test', cookie: staffCookieB },
    });
    expect(listB.body).toContain('bea@b.test');
    expect(listB.body).not.toContain('beheer@a.test');
    // The platform sees figures only: one staff account, no complaint texts anywhere in its answer.
    const list = await app.inject({ url: '/api/platform/corporations', headers: onPlatform(platformCookie) });
    const b = list.json().items.find((item: { id: string }) => item.id === corporationB);
    expect(b).toMatchObject({ staffAccounts: 1, complaintsThisYear: 0 });
    expect(list.body).not.toContain('bea@b.test');
  });

  test('suspending answers 503 on its host names, the other corporation keeps working; resuming restores', async () => {
    const suspend = await app.inject({
      method: 'POST',
      url: `/api/platform/corporations/${corporationB}/suspend`,
      headers: onPlatform(platformCookie),
    });
    expect(suspend.statusCode, suspend.body).toBe(200);
    expect(suspend.json().suspendedAt).not.toBeNull();
    const api = await app.inject({ url: '/api/organization', headers: { host: 'b.test' } });
    expect(api.statusCode).toBe(503);
    expect(api.json().code).toBe('organization_suspended');
    const staff = await app.inject({
      url: '/api/complaints',
      headers: { host: 'klachten.b.test', cookie: staffCookieB },
    });
    expect(staff.statusCode).toBe(503);
    const page = await app.inject({ url: '/', headers: { host: 'klachten.b.test' } });
    expect(page.statusCode).toBe(503);
    expect(page.body).toContain('Tijdelijk niet beschikbaar');
    const other = await app.inject({ url: '/api/organization', headers: { host: 'klachten.a.test' } });
    expect(other.statusCode).toBe(200);
    // Jobs skip it: the organisations the term monitor and notifications walk through.
    const { listOrganizationIds } = await import(
      '../../src/server/modules/notifications/notification.repository.ts'
    );
    const walked = await database.owner.transaction().execute((trx) => listOrganizationIds(trx));
    expect(walked).toContain(corporationA.id);
    expect(walked).not.toContain(corporationB);

    const resume = await app.inject({
      method: 'POST',
      url: `/api/platform/corporations/${corporationB}/resume`,
      headers: onPlatform(platformCookie),
    });
    expect(resume.json().suspendedAt).toBeNull();
    const back = await app.inject({
      url: '/api/complaints',
      headers: { host: 'klachten.b.test', cookie: staffCookieB },
    });
    expect(back.statusCode).toBe(200);
  });

  test('host names can be changed; the old one no longer serves the corporation', async () => {
    const changed = await app.inject({
      method: 'PUT',
      url: `/api/platform/corporations/${corporationB}/hostnames`,
      headers: onPlatform(platformCookie),
      payload: { hostnames: ['klachten.woonstad-b.test'] },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const now = await app.inject({ url: '/api/organization', headers: { host: 'klachten.woonstad-b.test' } });
    expect(now.json().id).toBe(corporationB);
    const old = await app.inject({ url: '/api/organization', headers: { host: 'b.test' } });
    expect(old.statusCode).toBe(404);
  });

  test('every platform action is in the platform audit log', async () => {
    const rows = await database.owner
      .selectFrom('platform_audit')
      .select(['action', 'actor', 'organization_id'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.action)).toEqual([
      'admin_invited',
      'password_set',
      'sign_in_failed',
      'sign_in',
      'corporation_created',
      'corporation_suspended',
      'corporation_resumed',
      'hostnames_changed',
    ]);
    expect(rows.find((r) => r.action === 'corporation_created')).toMatchObject({
      actor: 'platform@beheer.test',
      organization_id: corporationB,
    });
  });
});
