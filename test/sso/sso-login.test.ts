import { describe, expect, test } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganization } from '../support/factories.ts';
import {
  authorizeAtProvider,
  beginSignIn,
  finishSignIn,
  signInWithSso,
  startTestProvider,
} from '../support/oidc-provider.ts';
import { findFreePort } from '../support/server-process.ts';
import { SAME_ORIGIN, sessionCookieFrom, signInAs } from '../support/sessions.ts';
import { createDepartment, createStaffUser, TEST_PASSWORD } from '../support/staff-factories.ts';

const database = await createTestDatabase();
const organization = await createOrganization(database.owner, { isDefault: true });
const provider = await startTestProvider();
const app = await createTestApp(database.app, { oidc: provider.config });
const admin = await createStaffUser(database.owner, organization.id, { roles: ['admin'] });
const adminClient = await signInAs(app, admin.email);

type Settings = {
  allowedIssuers?: string[];
  allowedTenantIds?: string[];
  linkByEmailAllowed?: boolean;
  provisioning?: { enabled: boolean; role: string; departmentId: string | null };
};

/** The organisation's SSO settings, set the way an administrator does. */
async function configureSso(settings: Settings = {}) {
  const response = await adminClient.request({
    method: 'PUT',
    url: '/api/admin/sso-settings',
    payload: {
      allowedIssuers: [provider.issuer],
      allowedTenantIds: [],
      linkByEmailAllowed: false,
      provisioning: { enabled: false, role: 'employee', departmentId: null },
      ...settings,
    },
  });
  expect(response.statusCode, response.body).toBe(200);
}

let accountCounter = 0;
function providerAccount(claims: Record<string, unknown> = {}) {
  accountCounter += 1;
  const id = `account-${accountCounter}`;
  const email = `sso-${accountCounter}-${Math.random().toString(36).slice(2, 6)}@example.nl`;
  provider.accounts.set(id, { email, email_verified: true, name: `Persoon ${accountCounter}`, ...claims });
  return { id, email: (claims.email as string | undefined) ?? email };
}

async function linkIdentity(userId: string, subject: string, issuer = provider.issuer) {
  await database.owner
    .insertInto('staff_identity')
    .values({ organization_id: organization.id, staff_user_id: userId, issuer, subject })
    .execute();
}

const eventsOf = (type: string) =>
  database.owner.selectFrom('auth_event').selectAll().where('type', '=', type).orderBy('id').execute();
const lastRefusal = async () => (await eventsOf('sso_refused')).at(-1)?.details;
const identitiesOf = (userId: string) =>
  database.owner.selectFrom('staff_identity').selectAll().where('staff_user_id', '=', userId).execute();
const me = (cookie: string) => app.inject({ url: '/api/auth/me', headers: { cookie } });

function expectRefused(response: { statusCode: number; headers: Record<string, unknown> }, code: string) {
  expect(response.statusCode).toBe(302);
  expect(response.headers.location).toBe(`/inloggen?fout=${code}`);
  expect(String(response.headers['set-cookie'] ?? '')).not.toMatch(/gehoord_session=[^;]/);
}

describe('single sign-on availability', () => {
  test('the login screen learns SSO is on only once the organisation allows an issuer', async () => {
    await database.owner.deleteFrom('sso_settings').execute();
    expect((await app.inject({ url: '/api/auth/sso' })).json()).toEqual({ enabled: false, startUrl: null });
    const start = await app.inject({ url: '/api/auth/sso/start' });
    expect(start.headers.location).toBe('/inloggen?fout=sso_not_configured');
    await configureSso();
    expect((await app.inject({ url: '/api/auth/sso' })).json()).toEqual({
      enabled: true,
      startUrl: '/api/auth/sso/start',
    });
  });

  test('without OIDC configuration SSO is off, whatever the organisation allows', async () => {
    await configureSso();
    const plain = await createTestApp(database.app);
    expect((await plain.inject({ url: '/api/auth/sso' })).json()).toMatchObject({ enabled: false });
    const start = await plain.inject({ url: '/api/auth/sso/start' });
    expect(start.headers.location).toBe('/inloggen?fout=sso_not_configured');
  });

  test('an unreachable provider sends the person back to the login page, not to an error', async () => {
    await configureSso();
    const issuer = `http://127.0.0.1:${await findFreePort()}`;
    const offline = await createTestApp(database.app, {
      oidc: { issuer, clientId: 'gehoord', clientSecret: undefined },
    });
    const start = await offline.inject({ url: '/api/auth/sso/start' });
    expect(start.headers.location).toBe('/inloggen?fout=sso_unavailable');
  });

  test('start redirects to the provider with state, nonce and an S256 PKCE challenge', async () => {
    await configureSso();
    const started = await beginSignIn(app);
    const url = new URL(started.location);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    for (const name of ['state', 'nonce', 'code_challenge'])
      expect(url.searchParams.get(name)).toMatch(/.{20,}/);
    expect(started.setCookie).toMatch(/HttpOnly/);
    expect(started.setCookie).toMatch(/SameSite=Lax/);
    expect(started.setCookie).toMatch(/Path=\/api\/auth\/sso\/callback/);
    // Nothing the provider needs to check travels in the cookie: it is a random handle to a server-side flow.
    expect(started.flowCookie).not.toContain(url.searchParams.get('state'));
  });

  test('a return path must stay on this site', async () => {
    await configureSso();
    for (const returnTo of ['//evil.example/x', 'https://evil.example', '/\\evil.example']) {
      const response = await app.inject({ url: '/api/auth/sso/start', query: { returnTo } });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });
});

describe('signing in with a linked identity', () => {
  test('logs in with the same session cookie as a password login and lands on the page asked for', async () => {
    await configureSso();
    const user = await createStaffUser(database.owner, organization.id, { name: 'Sanne Visser' });
    const account = providerAccount({ email: 'iets-anders@example.nl' });
    await linkIdentity(user.id, account.id);
    const response = await signInWithSso(app, account.id, '/klachten');
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/klachten');
    const setCookie = [response.headers['set-cookie']].flat().join('\n');
    expect(setCookie).toMatch(/gehoord_session=ghs_[^;]+; Path=\/; HttpOnly; SameSite=Lax/);
    expect(setCookie).toMatch(/gehoord_sso_flow=;/);
    const session = sessionCookieFrom(response.headers['set-cookie']);
    expect((await me(session)).json()).toMatchObject({ id: user.id, name: 'Sanne Visser' });
    const password = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: SAME_ORIGIN },
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    const passwordCookie = String(password.headers['set-cookie']);
    expect(passwordCookie.replace(/=[^;]+/, '=x')).toBe(
      [response.headers['set-cookie']]
        .flat()
        .find((c) => String(c).startsWith('gehoord_session'))
        ?.replace(/=[^;]+/, '=x'),
    );
    const event = (await eventsOf('sso_login')).at(-1);
    expect(event).toMatchObject({ actor_user_id: user.id, subject_user_id: user.id, email: user.email });
    expect(event?.details).toMatchObject({ method: 'sso', issuer: provider.issuer, subject: account.id });
    const [identity] = await identitiesOf(user.id);
    expect(identity?.last_login_at).toBeInstanceOf(Date);
  });

  test('every login gets a fresh session (rotation), the old one keeps its own token', async () => {
    await configureSso();
    const user = await createStaffUser(database.owner, organization.id);
    const account = providerAccount();
    await linkIdentity(user.id, account.id);
    const first = sessionCookieFrom((await signInWithSso(app, account.id)).headers['set-cookie']);
    const second = sessionCookieFrom((await signInWithSso(app, account.id)).headers['set-cookie']);
    expect(first).not.toBe(second);
    const sessions = await database.owner
      .selectFrom('staff_session')
      .select('id')
      .where('user_id', '=', user.id)
      .execute();
    expect(sessions).toHaveLength(2);
  });

  test('a deactivated account is refused even with a linked identity', async () => {
    await configureSso({
      linkByEmailAllowed: true,
      provisioning: { enabled: true, role: 'employee', departmentId: null },
    });
    const user = await createStaffUser(database.owner, organization.id, { active: false });
    const account = providerAccount({ email: user.email });
    await linkIdentity(user.id, account.id);
    expectRefused(await signInWithSso(app, account.id), 'sso_account_inactive');
    expect(await lastRefusal()).toMatchObject({ reason: 'account_inactive' });
  });

  test('two-step verification still applies: the session waits for the code', async () => {
    await configureSso();
    const user = await createStaffUser(database.owner, organization.id);
    await database.owner
      .updateTable('staff_user')
      .set({ totp_enabled: true, totp_secret: 'JBSWY3DPEHPK3PXP' })
      .where('id', '=', user.id)
      .execute();
    const account = providerAccount();
    await linkIdentity(user.id, account.id);
    const response = await signInWithSso(app, account.id, '/klachten');
    expect(response.headers.location).toBe('/inloggen?stap=code');
    const answer = await me(sessionCookieFrom(response.headers['set-cookie']));
    expect(answer.statusCode).toBe(401);
    expect(answer.json().code).toBe('second_factor_required');
  });
});

describe('a first login: never by e-mail alone', () => {
  test('an unknown subject with the same e-mail is not logged in when linking is not allowed', async () => {
    await configureSso({ linkByEmailAllowed: false });
    const user = await createStaffUser(database.owner, organization.id);
    const account = providerAccount({ email: user.email });
    expectRefused(await signInWithSso(app, account.id), 'sso_unknown_user');
    expect(await identitiesOf(user.id)).toHaveLength(0);
    expect(await lastRefusal()).toMatchObject({ reason: 'link_not_allowed', subject: account.id });
  });

  test('an administrator may allow one account to link by e-mail; the permission is spent by the link', async () => {
    await configureSso({ linkByEmailAllowed: false });
    const user = await createStaffUser(database.owner, organization.id);
    const allow = await adminClient.request({
      method: 'PATCH',
      url: `/api/admin/users/${user.id}`,
      payload: { ssoLinkAllowed: true },
    });
    expect(allow.statusCode, allow.body).toBe(200);
    const account = providerAccount({ email: user.email.toUpperCase() });
    const response = await signInWithSso(app, account.id);
    expect(response.headers.location).toBe('/');
    expect((await me(sessionCookieFrom(response.headers['set-cookie']))).json().id).toBe(user.id);
    expect(await identitiesOf(user.id)).toMatchObject([{ issuer: provider.issuer, subject: account.id }]);
    expect((await eventsOf('sso_linked')).at(-1)).toMatchObject({ subject_user_id: user.id });
    const after = await database.owner
      .selectFrom('staff_user')
      .select('sso_link_allowed')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(after.sso_link_allowed).toBe(false);
    // From now on the subject identifies the person, whatever e-mail the provider reports.
    provider.accounts.set(account.id, { email: 'nieuw-adres@example.nl', email_verified: true });
    expect((await signInWithSso(app, account.id)).headers.location).toBe('/');
  });

  test('the organisation may allow linking by verified e-mail for everyone', async () => {
    await configureSso({ linkByEmailAllowed: true });
    const user = await createStaffUser(database.owner, organization.id);
    const account = providerAccount({ email: user.email });
    expect((await signInWithSso(app, account.id)).headers.location).toBe('/');
    expect(await identitiesOf(user.id)).toHaveLength(1);
  });

  test('an unverified e-mail address never links', async () => {
    await configureSso({ linkByEmailAllowed: true });
    const user = await createStaffUser(database.owner, organization.id);
    const account = providerAccount({ email: user.email, email_verified: false });
    expectRefused(await signInWithSso(app, account.id), 'sso_unknown_user');
    expect(await identitiesOf(user.id)).toHaveLength(0);
    expect(await lastRefusal()).toMatchObject({ reason: 'email_unverified' });
  });

  test('a second subject claiming an already linked account is refused (takeover attempt)', async () => {
    await configureSso({ linkByEmailAllowed: true });
    const user = await createStaffUser(database.owner, organization.id);
    const owner = providerAccount({ email: user.email });
    expect((await signInWithSso(app, owner.id)).headers.location).toBe('/');
    const impostor = providerAccount({ email: user.email });
    expectRefused(await signInWithSso(app, impostor.id), 'sso_unknown_user');
    expect(await lastRefusal()).toMatchObject({ reason: 'already_linked', subject: impostor.id });
    expect(await identitiesOf(user.id)).toHaveLength(1);
  });

  test('no account and no provisioning: refused with a clear reason', async () => {
    await configureSso({ linkByEmailAllowed: true });
    const account = providerAccount();
    expectRefused(await signInWithSso(app, account.id), 'sso_unknown_user');
    expect(await lastRefusal()).toMatchObject({ reason: 'unknown_user' });
  });

  test('just-in-time provisioning creates an account with the default role and department, without password', async () => {
    const department = await createDepartment(database.owner, organization.id, { name: 'Klantcontact' });
    await configureSso({
      provisioning: { enabled: true, role: 'management_assistant', departmentId: department.id },
    });
    const account = providerAccount({ name: 'Noor Bakker' });
    const response = await signInWithSso(app, account.id);
    expect(response.headers.location).toBe('/');
    const current = (await me(sessionCookieFrom(response.headers['set-cookie']))).json();
    expect(current).toMatchObject({
      name: 'Noor Bakker',
      email: account.email,
      roles: ['management_assistant'],
      departmentId: department.id,
    });
    const row = await database.owner
      .selectFrom('staff_user')
      .selectAll()
      .where('id', '=', current.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toBeNull();
    expect((await eventsOf('sso_provisioned')).at(-1)).toMatchObject({
      subject_user_id: current.id,
      email: account.email,
    });
    expect(await identitiesOf(current.id)).toMatchObject([{ subject: account.id }]);
  });

  test('two first logins of one person at once create one account and never a server error', async () => {
    await configureSso({ provisioning: { enabled: true, role: 'employee', departmentId: null } });
    const account = providerAccount();
    const flows = await Promise.all([beginSignIn(app), beginSignIn(app)]);
    const callbacks = await Promise.all(flows.map((flow) => authorizeAtProvider(flow.location, account.id)));
    const responses = await Promise.all(
      callbacks.map((callback, index) => finishSignIn(app, callback, flows[index]?.flowCookie ?? null)),
    );
    for (const response of responses) {
      expect(response.statusCode).toBe(302);
      expect(['/', '/inloggen?fout=sso_failed']).toContain(response.headers.location);
    }
    expect(responses.some((response) => response.headers.location === '/')).toBe(true);
    const accounts = await database.owner
      .selectFrom('staff_user')
      .select('id')
      .where('email', '=', account.email)
      .execute();
    expect(accounts).toHaveLength(1);
  });
});

describe('issuers and tenants are allow-listed per organisation', () => {
  test('a token from an issuer the organisation does not list is refused', async () => {
    await configureSso({
      allowedIssuers: ['https://login.example.org'],
      allowedTenantIds: ['een-andere-tenant'],
    });
    const user = await createStaffUser(database.owner, organization.id);
    const account = providerAccount();
    await linkIdentity(user.id, account.id);
    expectRefused(await signInWithSso(app, account.id), 'sso_not_allowed');
    expect(await lastRefusal()).toMatchObject({ reason: 'issuer_not_allowed', issuer: provider.issuer });
  });

  test('Entra ID: the tenant decides, and tid + oid identify the person rather than sub or e-mail', async () => {
    const tenant = '4a1b2c3d-0000-4000-8000-000000000001';
    await configureSso({
      allowedIssuers: [],
      allowedTenantIds: [tenant],
      provisioning: { enabled: true, role: 'employee', departmentId: null },
    });
    const member = providerAccount({ tid: tenant, oid: 'object-1' });
    const response = await signInWithSso(app, member.id);
    expect(response.headers.location).toBe('/');
    const userId = (await me(sessionCookieFrom(response.headers['set-cookie']))).json().id;
    expect(await identitiesOf(userId)).toMatchObject([{ subject: `${tenant}:object-1`, tenant_id: tenant }]);

    const outsider = providerAccount({ tid: '9f9f9f9f-0000-4000-8000-000000000002', oid: 'object-1' });
    expectRefused(await signInWithSso(app, outsider.id), 'sso_not_allowed');
    expect(await lastRefusal()).toMatchObject({ reason: 'issuer_not_allowed' });
  });
});

describe('the provider answer must belong to this browser and this flow', () => {
  test('a changed state is refused and nothing is signed in', async () => {
    await configureSso({ linkByEmailAllowed: true });
    const user = await createStaffUser(database.owner, organization.id);
    const account = providerAccount({ email: user.email });
    const started = await beginSignIn(app);
    const callback = await authorizeAtProvider(started.location, account.id);
    callback.searchParams.set('state', 'vervalst');
    expectRefused(await finishSignIn(app, callback, started.flowCookie), 'sso_failed');
    expect(await lastRefusal()).toMatchObject({ reason: 'token_rejected' });
    expect(await identitiesOf(user.id)).toHaveLength(0);
  });

  test('without the flow cookie (another browser) the answer is refused', async () => {
    await configureSso();
    const account = providerAccount();
    const started = await beginSignIn(app);
    const callback = await authorizeAtProvider(started.location, account.id);
    expectRefused(await finishSignIn(app, callback, null), 'sso_failed');
    expect(await lastRefusal()).toMatchObject({ reason: 'flow_missing' });
  });

  test('a stolen code used in another flow fails PKCE at the provider', async () => {
    await configureSso();
    const victim = await createStaffUser(database.owner, organization.id);
    const account = providerAccount();
    await linkIdentity(victim.id, account.id);
    const victimFlow = await beginSignIn(app);
    const victimCallback = await authorizeAtProvider(victimFlow.location, account.id);
    // The attacker starts a flow of their own and offers the victim's code under their own state.
    const attackerFlow = await beginSignIn(app);
    const forged = new URL(victimCallback);
    forged.searchParams.set('state', String(new URL(attackerFlow.location).searchParams.get('state')));
    expectRefused(await finishSignIn(app, forged, attackerFlow.flowCookie), 'sso_failed');
    expect(await lastRefusal()).toMatchObject({ reason: 'token_rejected' });
    expect(String((await lastRefusal())?.error)).toMatch(/invalid_grant/);
  });

  test('a flow is used once and expires', async () => {
    await configureSso();
    const user = await createStaffUser(database.owner, organization.id);
    const account = providerAccount();
    await linkIdentity(user.id, account.id);
    const started = await beginSignIn(app);
    const callback = await authorizeAtProvider(started.location, account.id);
    expect((await finishSignIn(app, callback, started.flowCookie)).headers.location).toBe('/');
    expectRefused(await finishSignIn(app, callback, started.flowCookie), 'sso_failed');

    const late = await beginSignIn(app);
    await database.owner
      .updateTable('sso_login_flow')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute();
    const lateCallback = await authorizeAtProvider(late.location, account.id);
    expectRefused(await finishSignIn(app, lateCallback, late.flowCookie), 'sso_failed');
    expect(await lastRefusal()).toMatchObject({ reason: 'flow_expired' });
  });

  test('cancelling at the provider returns to the login page', async () => {
    await configureSso();
    expectRefused(await signInWithSso(app, null), 'sso_failed');
    expect(await lastRefusal()).toMatchObject({ reason: 'provider_error', error: 'access_denied' });
  });
});
