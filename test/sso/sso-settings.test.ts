import { describe, expect, test } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganization } from '../support/factories.ts';
import { signInWithSso, startTestProvider } from '../support/oidc-provider.ts';
import { sessionCookieFrom, signInAs } from '../support/sessions.ts';
import { createDepartment, createStaffUser } from '../support/staff-factories.ts';

const database = await createTestDatabase();
const organization = await createOrganization(database.owner, { isDefault: true });
const other = await createOrganization(database.owner, { hostnames: ['andere.example.nl'] });
// A provider that keeps the ID token small: e-mail and name come from its userinfo endpoint.
const provider = await startTestProvider({ idTokenHasProfileClaims: false });
const app = await createTestApp(database.app, { oidc: provider.config });
const admin = await createStaffUser(database.owner, organization.id, { roles: ['admin'] });
const adminClient = await signInAs(app, admin.email);

const validSettings = {
  allowedIssuers: [provider.issuer],
  allowedTenantIds: [],
  linkByEmailAllowed: true,
  provisioning: { enabled: false, role: 'employee', departmentId: null },
};

describe('SSO settings for administrators', () => {
  test('before any change: nothing allowed, and the values to register at the provider are shown', async () => {
    const response = await adminClient.request({ url: '/api/admin/sso-settings' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      configured: true,
      issuer: provider.issuer,
      redirectUri: 'http://localhost:3000/api/auth/sso/callback',
      allowedIssuers: [],
      allowedTenantIds: [],
      linkByEmailAllowed: false,
      provisioning: { enabled: false, role: 'employee', departmentId: null },
      updatedAt: null,
    });
  });

  test('an administrator changes them; the change is audited', async () => {
    const department = await createDepartment(database.owner, organization.id);
    const response = await adminClient.request({
      method: 'PUT',
      url: '/api/admin/sso-settings',
      payload: {
        ...validSettings,
        allowedTenantIds: ['4A1B2C3D-0000-4000-8000-000000000001'],
        provisioning: { enabled: true, role: 'manager', departmentId: department.id },
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      allowedIssuers: [provider.issuer],
      allowedTenantIds: ['4a1b2c3d-0000-4000-8000-000000000001'],
      linkByEmailAllowed: true,
      provisioning: { enabled: true, role: 'manager', departmentId: department.id },
    });
    const event = await database.owner
      .selectFrom('auth_event')
      .selectAll()
      .where('type', '=', 'sso_settings_changed')
      .executeTakeFirstOrThrow();
    expect(event.actor_user_id).toBe(admin.id);
    expect(
      (await adminClient.request({ url: '/api/admin/auth-events?type=sso_settings_changed' })).statusCode,
    ).toBe(200);
  });

  test('bad input is a 400 problem; a department of another organisation is not accepted', async () => {
    const foreign = await createDepartment(database.owner, other.id);
    const cases = [
      { ...validSettings, allowedIssuers: ['niet-een-url'] },
      { ...validSettings, provisioning: { enabled: true, role: 'koning', departmentId: null } },
      { ...validSettings, provisioning: { enabled: true, role: 'employee', departmentId: foreign.id } },
    ];
    for (const payload of cases) {
      const response = await adminClient.request({ method: 'PUT', url: '/api/admin/sso-settings', payload });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });

  test('only administrators may read or change them', async () => {
    const employee = await createStaffUser(database.owner, organization.id, {
      roles: ['employee', 'manager'],
    });
    const client = await signInAs(app, employee.email);
    expect((await client.request({ url: '/api/admin/sso-settings' })).statusCode).toBe(403);
    const put = await client.request({
      method: 'PUT',
      url: '/api/admin/sso-settings',
      payload: validSettings,
    });
    expect(put.statusCode).toBe(403);
    expect((await app.inject({ url: '/api/admin/sso-settings' })).statusCode).toBe(401);
  });
});

describe('linked identities of an account', () => {
  test('e-mail from userinfo links; an administrator sees the identity and can unlink it', async () => {
    await adminClient.request({ method: 'PUT', url: '/api/admin/sso-settings', payload: validSettings });
    const user = await createStaffUser(database.owner, organization.id);
    provider.accounts.set('userinfo-person', { email: user.email, email_verified: true, name: 'Kees' });
    const first = await signInWithSso(app, 'userinfo-person');
    expect(first.headers.location).toBe('/');
    const session = sessionCookieFrom(first.headers['set-cookie']);
    expect((await app.inject({ url: '/api/auth/me', headers: { cookie: session } })).json().id).toBe(user.id);

    const listed = await adminClient.request({ url: `/api/admin/users/${user.id}/sso-identities` });
    expect(listed.statusCode).toBe(200);
    const [identity] = listed.json();
    expect(identity).toMatchObject({ issuer: provider.issuer, subject: 'userinfo-person', tenantId: null });

    const removed = await adminClient.request({
      method: 'DELETE',
      url: `/api/admin/users/${user.id}/sso-identities/${identity.id}`,
    });
    expect(removed.statusCode).toBe(204);
    expect((await adminClient.request({ url: `/api/admin/users/${user.id}/sso-identities` })).json()).toEqual(
      [],
    );
    const event = await database.owner
      .selectFrom('auth_event')
      .selectAll()
      .where('type', '=', 'sso_unlinked')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor_user_id: admin.id, subject_user_id: user.id });
    const again = await adminClient.request({
      method: 'DELETE',
      url: `/api/admin/users/${user.id}/sso-identities/${identity.id}`,
    });
    expect(again.statusCode).toBe(404);
  });

  test('without a verified e-mail an administrator links by hand, from the refusal in the audit log', async () => {
    await adminClient.request({ method: 'PUT', url: '/api/admin/sso-settings', payload: validSettings });
    const user = await createStaffUser(database.owner, organization.id);
    provider.accounts.set('geen-bevestigd-adres', { email: user.email, email_verified: false });
    expect((await signInWithSso(app, 'geen-bevestigd-adres')).headers.location).toBe(
      '/inloggen?fout=sso_unknown_user',
    );
    const events = await adminClient.request({ url: '/api/admin/auth-events?type=sso_refused&limit=1' });
    const { issuer, subject } = events.json().items[0].details;
    const link = () =>
      adminClient.request({
        method: 'POST',
        url: `/api/admin/users/${user.id}/sso-identities`,
        payload: { issuer, subject },
      });
    const linked = await link();
    expect(linked.statusCode, linked.body).toBe(201);
    expect(linked.json()).toMatchObject({ issuer: provider.issuer, subject: 'geen-bevestigd-adres' });
    expect((await link()).statusCode).toBe(409);
    expect((await signInWithSso(app, 'geen-bevestigd-adres')).headers.location).toBe('/');
  });

  test("another organisation's account is not found", async () => {
    const foreign = await createStaffUser(database.owner, other.id);
    const response = await adminClient.request({ url: `/api/admin/users/${foreign.id}/sso-identities` });
    expect(response.statusCode).toBe(404);
  });

  test('an identity linked in another organisation does not link here', async () => {
    await adminClient.request({ method: 'PUT', url: '/api/admin/sso-settings', payload: validSettings });
    const foreign = await createStaffUser(database.owner, other.id);
    await database.owner
      .insertInto('staff_identity')
      .values({
        organization_id: other.id,
        staff_user_id: foreign.id,
        issuer: provider.issuer,
        subject: 'elders',
      })
      .execute();
    const local = await createStaffUser(database.owner, organization.id);
    provider.accounts.set('elders', { email: local.email, email_verified: true });
    const response = await signInWithSso(app, 'elders');
    expect(response.headers.location).toBe('/inloggen?fout=sso_unknown_user');
    const refusal = await database.owner
      .selectFrom('auth_event')
      .select('details')
      .where('type', '=', 'sso_refused')
      .where('organization_id', '=', organization.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(refusal.details).toMatchObject({ reason: 'identity_in_other_organization' });
  });
});
