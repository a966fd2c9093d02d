import { describe, expect, test } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { createTestDatabase } from '../support/database.ts';

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
