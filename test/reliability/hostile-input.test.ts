import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { createComplaintWorld, register } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { signInAs } from '../support/sessions.ts';
import { createStaffUser } from '../support/staff-factories.ts';

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const adminUser = await createStaffUser(database.owner, world.organization.id, {
  roles: ['employee', 'manager', 'management_team', 'admin'],
  departmentId: world.wonen.id,
});
const admin = await signInAs(app, adminUser.email);
const complaint = await register(admin, {
  channel: 'phone',
  complainantId: world.tenant.id,
  description: 'Doelwit.',
});

type Operation = { method: string; path: string };
const document = (await app.inject({ url: '/api/openapi.json' })).json() as {
  paths: Record<string, Record<string, unknown>>;
};
// Signing out or in would end the session the fuzzing runs in; those endpoints have their own tests
const SKIP = new Set([
  '/api/auth/logout',
  '/api/auth/logout-everywhere',
  '/api/auth/login',
  '/api/auth/password',
]);
const operations: Operation[] = Object.entries(document.paths).flatMap(([path, methods]) =>
  SKIP.has(path) ? [] : Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })),
);

const idValue = fc.oneof(
  fc.constantFrom(
    complaint.id,
    world.tenant.id,
    world.unit.id,
    world.complex.id,
    adminUser.id,
    world.wonen.id,
  ),
  fc.uuid(),
  fc.constantFrom('abc', '0', '-1', '..%2F..%2Fetc%2Fpasswd', 'x'.repeat(300), '%00', '2026-Q3', '2026-Q9'),
);
const scalar = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(
    "' OR 1=1 --",
    '<script>alert(1)</script>',
    '=HYPERLINK("x")',
    '\u0000',
    'x'.repeat(70_000),
  ),
  idValue,
);
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(fc.string({ maxLength: 20 }), scalar, { maxKeys: 8 }),
);
const query = fc.dictionary(
  fc.constantFrom(
    'status',
    'limit',
    'cursor',
    'after',
    'q',
    'sort',
    'quarter',
    'unread',
    'format',
    'overdue',
    'x',
  ),
  fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('-1', '1e9', 'true', 'null', '%', "'")),
  { maxKeys: 4 },
);

describe('hostile input at every documented endpoint', () => {
  test(`${operations.length} operations: random paths, queries, headers and bodies never give a 5xx`, async () => {
    expect(operations.length).toBeGreaterThan(60);
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...operations),
        idValue,
        query,
        body,
        fc.option(fc.constantFrom('"1"', 'W/"x"', '*', 'garbage', '"999999999999"')),
        async (operation, id, queryValues, payload, ifMatch) => {
          const path = operation.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(id));
          const search = new URLSearchParams(queryValues as Record<string, string>).toString();
          const response = await admin.request({
            method: operation.method as 'GET',
            url: `${path}${search ? `?${search}` : ''}`,
            ...(operation.method === 'GET' || operation.method === 'HEAD'
              ? {}
              : { payload: JSON.stringify(payload) }),
            headers: {
              'content-type': 'application/json',
              ...(ifMatch ? { 'if-match': ifMatch } : {}),
              'idempotency-key': 'k'.repeat(Math.floor(Math.random() * 300)),
            },
          });
          // Readiness answers 503 by design while the database or migrations are not ready
          const readiness = path === '/health/ready' && response.statusCode === 503;
          if (response.statusCode >= 500 && !readiness)
            failures.push(
              `${operation.method} ${path} → ${response.statusCode} ${response.body.slice(0, 200)}`,
            );
        },
      ),
      { numRuns: operations.length * 12 },
    );
    expect(failures).toEqual([]);
  });

  test('oversize bodies are refused early with 413', async () => {
    const response = await admin.request({
      method: 'POST',
      url: `/api/complaints/${complaint.id}/notes`,
      payload: JSON.stringify({ text: 'x'.repeat(3_000_000) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(413);
  });

  test('security headers on every page and API answer', async () => {
    for (const url of ['/', '/inloggen', '/api/organization', '/api/complaints', '/nonexistent']) {
      const response = await app.inject({ url });
      const csp = String(response.headers['content-security-policy'] ?? '');
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(response.headers['referrer-policy'], url).toBe('no-referrer');
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
    }
  });
});
