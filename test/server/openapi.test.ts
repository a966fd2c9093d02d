import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { TOKEN_SCOPES, type TokenScope } from '../../src/domain/permissions.ts';
import { operationIdFor } from '../../src/server/http/openapi.ts';
import { createTestApp, PLATFORM_TEST_HOST } from '../support/app.ts';
import { createComplaintWorld } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { signInAs } from '../support/sessions.ts';
import { createStaffUser } from '../support/staff-factories.ts';

const database = await createTestDatabase();
const app = await createTestApp(database.app);

describe('API documentation', () => {
  test('the OpenAPI 3.1 document describes every public route and the problem shape', async () => {
    const response = await app.inject({ url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/health/live', '/health/ready', '/api/organization']),
    );
    expect(document.paths['/api/openapi.json']).toBeUndefined();
    const schemas = document.components.schemas;
    expect(schemas.Problem.properties).toHaveProperty('code');
    expect(schemas.Problem.properties).toHaveProperty('messages');
  });

  test('the docs are browsable', async () => {
    const response = await app.inject({ url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('swagger');
  });
});

describe('every endpoint is documented', () => {
  test('each /api route has a summary and a known tag; every webhook event refers to the envelope', async () => {
    const document = (await app.inject({ url: '/api/openapi.json' })).json();
    const tagNames = new Set(document.tags.map((t: { name: string }) => t.name));
    const missing: string[] = [];
    for (const [path, operations] of Object.entries(
      document.paths as Record<string, Record<string, { summary?: string; tags?: string[] }>>,
    )) {
      for (const [method, operation] of Object.entries(operations)) {
        if (!operation.summary) missing.push(`${method.toUpperCase()} ${path}: no summary`);
        for (const tag of operation.tags ?? [])
          if (!tagNames.has(tag)) missing.push(`${method.toUpperCase()} ${path}: unknown tag ${tag}`);
        if (!operation.tags?.length) missing.push(`${method.toUpperCase()} ${path}: no tag`);
      }
    }
    expect(missing).toEqual([]);
    expect(Object.keys(document.paths).length).toBeGreaterThan(80);
    expect(Object.keys(document.webhooks)).toContain('complaint.contact_logged');
    expect(
      document.webhooks['complaint.registered'].post.requestBody.content['application/json'].schema.$ref,
    ).toBe('#/components/schemas/IntegrationEvent');
    expect(document.components.schemas.IntegrationEvent).toBeDefined();
  });
});

type Operation = {
  operationId?: string;
  security?: Record<string, string[]>[];
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
  requestBody?: unknown;
};
const openapi = (await app.inject({ url: '/api/openapi.json' })).json();
const operations = Object.entries(openapi.paths as Record<string, Record<string, Operation>>).flatMap(
  ([path, byMethod]) => Object.entries(byMethod).map(([method, operation]) => ({ path, method, operation })),
);
const label = (o: { method: string; path: string }) => `${o.method.toUpperCase()} ${o.path}`;
const fastifyPath = (path: string) => path.replace(/\{([^}]+)\}/g, ':$1');
const concretePath = (path: string) => path.replace(/\{[^}]+\}/g, () => randomUUID());

describe('every operation tells integrators the truth (what the linter does not check)', () => {
  test('operationIds are present, unique and derived from method and path only', () => {
    const ids = operations.map((o) => o.operation.operationId);
    expect(new Set(ids).size).toBe(operations.length);
    for (const o of operations)
      expect(o.operation.operationId, label(o)).toBe(operationIdFor(o.method, fastifyPath(o.path)));
    expect(openapi.paths['/api/complaints/{id}'].get.operationId).toBe('getComplaintsById');
  });

  test('every error response is application/problem+json with the Problem schema, downloads included', () => {
    const wrong: string[] = [];
    for (const o of operations) {
      const statuses = Object.keys(o.operation.responses);
      if (!statuses.includes('4XX') || !statuses.includes('5XX')) wrong.push(`${label(o)}: no 4XX/5XX`);
      if (!statuses.some((status) => /^[23]/.test(status))) wrong.push(`${label(o)}: no success response`);
      for (const status of statuses.filter((s) => /^[45]/.test(s))) {
        const content = o.operation.responses[status]?.content ?? {};
        if (Object.keys(content).join() !== 'application/problem+json')
          wrong.push(`${label(o)} ${status}: ${Object.keys(content).join()}`);
        else if (content['application/problem+json']?.schema?.$ref !== '#/components/schemas/Problem')
          wrong.push(`${label(o)} ${status}: not the Problem schema`);
      }
    }
    expect(wrong).toEqual([]);
    const pdf = openapi.paths['/api/complaints/{id}/answer-letter.pdf'].get.responses;
    expect(Object.keys(pdf['200'].content)).toEqual(['application/pdf']);
    expect(pdf['404'] ?? pdf['4XX']).toBeDefined();
  });

  test('security schemes are declared; every operation says who may call it', () => {
    expect(openapi.components.securitySchemes).toMatchObject({
      sessionCookie: { type: 'apiKey', in: 'cookie', name: 'gehoord_session' },
      apiToken: { type: 'http', scheme: 'bearer' },
    });
    for (const o of operations) expect(o.operation.security, label(o)).toBeDefined();
    const security = (path: string, method = 'get') => openapi.paths[path][method].security;
    expect(security('/health/live')).toEqual([]);
    expect(security('/api/auth/login', 'post')).toEqual([]);
    expect(security('/api/admin/api-tokens')).toEqual([{ sessionCookie: [] }]);
    expect(security('/api/complaints')).toEqual([
      { sessionCookie: [] },
      ...TOKEN_SCOPES.map((scope) => ({ apiToken: [scope] })),
    ]);
    expect(security('/api/persons', 'post')).toEqual([
      { sessionCookie: [] },
      { apiToken: ['register'] },
      { apiToken: ['full'] },
    ]);
  });
});

const world = await createComplaintWorld(database.owner, app);
const adminUser = await createStaffUser(database.owner, world.organization.id, {
  roles: ['employee', 'admin'],
});
const admin = await signInAs(app, adminUser.email);
const tokens = {} as Record<TokenScope, string>;
for (const scope of TOKEN_SCOPES) {
  const created = await admin.request({
    method: 'POST',
    url: '/api/admin/api-tokens',
    payload: { name: `OpenAPI ${scope}`, scope },
  });
  expect(created.statusCode, created.body).toBe(201);
  tokens[scope] = created.json().token;
}

describe('the documented security is what the server does', () => {
  const call = (o: { method: string; path: string }, headers: Record<string, string> = {}) =>
    app.inject({
      method: o.method.toUpperCase() as 'GET',
      url: concretePath(o.path),
      // Platform routes answer on the platform host name only (decision 047)
      headers: o.path.startsWith('/api/platform/')
        ? { host: PLATFORM_TEST_HOST, origin: `http://${PLATFORM_TEST_HOST}`, ...headers }
        : { origin: 'http://localhost:3000', ...headers },
      ...(o.method === 'get' || o.method === 'delete' ? {} : { payload: {} }),
    });

  test('anonymous callers get 401 on every operation that names a scheme, and never on one that names none', async () => {
    const wrong: string[] = [];
    for (const o of operations) {
      if (o.path.startsWith('/api/auth/sso') || o.path === '/api/auth/logout') continue;
      const response = await call(o);
      const secured = (o.operation.security ?? []).length > 0;
      if (secured && response.statusCode !== 401)
        wrong.push(`${label(o)}: ${response.statusCode} anonymously`);
      if (!secured && response.json().code === 'unauthenticated')
        wrong.push(`${label(o)}: 401 though public`);
    }
    expect(wrong).toEqual([]);
  });

  test('a token is refused exactly where its scope is not listed', async () => {
    const wrong: string[] = [];
    for (const o of operations) {
      const security = o.operation.security ?? [];
      if (security.length === 0) continue;
      for (const scope of TOKEN_SCOPES) {
        const listed = security.some((requirement) => requirement.apiToken?.includes(scope));
        const response = await call(o, { authorization: `Bearer ${tokens[scope]}` });
        const body = response.json();
        const refusedAsToken =
          body.code === 'token_scope_insufficient' ||
          body.detail === 'This endpoint is for staff sessions.' ||
          body.detail === 'This endpoint is for platform administrator sessions.';
        if (!listed && !refusedAsToken)
          wrong.push(`${label(o)} (${scope}): ${response.statusCode} ${body.code}`);
        if (listed && (response.statusCode === 401 || body.detail === 'This endpoint is for staff sessions.'))
          wrong.push(`${label(o)} (${scope}): documented, but ${response.statusCode} ${body.code}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 60_000);

  test('a new route without auth config is documented and served as staff-only; a public one as open', async () => {
    const extended = await createTestApp(database.app, {
      extend: (instance) => {
        instance.get('/api/test-undeclared', { schema: { summary: 'No auth config' } }, async () => ({
          ok: true,
        }));
        instance.get(
          '/api/test-public',
          { config: { public: true }, schema: { summary: 'Public' } },
          async () => ({ ok: true }),
        );
      },
    });
    const paths = (await extended.inject({ url: '/api/openapi.json' })).json().paths;
    expect(paths['/api/test-undeclared'].get.security).toEqual([{ sessionCookie: [] }]);
    expect(paths['/api/test-undeclared'].get.operationId).toBe('getTestUndeclared');
    expect(paths['/api/test-public'].get.security).toEqual([]);
    expect((await extended.inject({ url: '/api/test-undeclared' })).statusCode).toBe(401);
    const asToken = await extended.inject({
      url: '/api/test-undeclared',
      headers: { authorization: `Bearer ${tokens.full}` },
    });
    expect(asToken.statusCode).toBe(403);
    expect((await extended.inject({ url: '/api/test-public' })).statusCode).toBe(200);
  });
});
