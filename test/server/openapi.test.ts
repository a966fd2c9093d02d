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
