import { describe, expect, test } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganization } from '../support/factories.ts';
import { signInAs } from '../support/sessions.ts';
import { createStaffUser } from '../support/staff-factories.ts';

const database = await createTestDatabase();
const organization = await createOrganization(database.owner, { isDefault: true });
const app = await createTestApp(database.app);
const admin = await signInAs(
  app,
  (await createStaffUser(database.owner, organization.id, { roles: ['admin'] })).email,
);

describe('API tokens for integrations', () => {
  test('created by an admin, shown once, stored hashed, usable as Bearer, use recorded, revocable', async () => {
    const created = await admin.request({
      method: 'POST',
      url: '/api/admin/api-tokens',
      payload: { name: 'CRM-koppeling', scope: 'read' },
    });
    expect(created.statusCode).toBe(201);
    const { token, apiToken } = created.json();
    expect(token).toMatch(/^ghd_/);
    expect(apiToken).toMatchObject({
      name: 'CRM-koppeling',
      scope: 'read',
      lastUsedAt: null,
      prefix: token.slice(0, 10),
    });
    const stored = await database.owner.selectFrom('api_token').selectAll().executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(token);

    // A token is not a staff session: staff-only endpoints refuse it, with a clear code.
    const used = await app.inject({ url: '/api/departments', headers: { authorization: `Bearer ${token}` } });
    expect(used.statusCode).toBe(403);
    const listed = (await admin.request({ url: '/api/admin/api-tokens' })).json();
    expect(listed[0].lastUsedAt).not.toBeNull();
    const events = (await admin.request({ url: '/api/admin/auth-events?type=token_used' })).json().items;
    expect(events).toHaveLength(1);
    expect(events[0].apiTokenName).toBe('CRM-koppeling');

    expect(
      (await admin.request({ method: 'DELETE', url: `/api/admin/api-tokens/${apiToken.id}` })).statusCode,
    ).toBe(204);
    const revoked = await app.inject({
      url: '/api/departments',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(revoked.statusCode).toBe(401);
    expect(
      (await admin.request({ method: 'DELETE', url: `/api/admin/api-tokens/${apiToken.id}` })).statusCode,
    ).toBe(404);
  });

  test('unknown, malformed and expired tokens are 401', async () => {
    for (const authorization of ['Bearer ghd_nietbestaand', 'Basic abc', 'Bearer']) {
      expect((await app.inject({ url: '/api/auth/me', headers: { authorization } })).statusCode).toBe(401);
    }
    const created = (
      await admin.request({
        method: 'POST',
        url: '/api/admin/api-tokens',
        payload: { name: 'Tijdelijk', scope: 'full', expiresAt: new Date(Date.now() + 60_000).toISOString() },
      })
    ).json();
    await database.owner
      .updateTable('api_token')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', created.apiToken.id)
      .execute();
    expect(
      (await app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${created.token}` } }))
        .statusCode,
    ).toBe(401);
  });

  test('bad input: unknown scope, past expiry', async () => {
    const scope = await admin.request({
      method: 'POST',
      url: '/api/admin/api-tokens',
      payload: { name: 'X', scope: 'alles' },
    });
    expect(scope.statusCode).toBe(400);
    const past = await admin.request({
      method: 'POST',
      url: '/api/admin/api-tokens',
      payload: { name: 'X', scope: 'read', expiresAt: '2020-01-01T00:00:00Z' },
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors[0].path).toBe('expiresAt');
  });
});
