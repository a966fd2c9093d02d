import { describe, expect, test } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { createTestDatabase } from '../support/database.ts';

// The report routes are documented: their paths, parameters and the problem they answer with.

const database = await createTestDatabase();
const app = await createTestApp(database.app);

describe('the report API in the OpenAPI document', () => {
  test('every report route is documented with its parameters', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode, response.body).toBe(200);
    const paths = response.json().paths as Record<
      string,
      Record<string, { parameters?: { name: string }[] }>
    >;
    for (const path of [
      '/api/reports/quarterly',
      '/api/reports/annual',
      '/api/reports/quarterly/export',
      '/api/reports/annual/export',
      '/api/reports/complaints',
      '/api/reports/jobs',
      '/api/reports/jobs/{id}',
      '/api/reports/jobs/{id}/download',
    ]) {
      expect(paths[path], path).toBeDefined();
    }
    const exportParameters = paths['/api/reports/quarterly/export']?.get?.parameters?.map((p) => p.name);
    expect(exportParameters).toEqual(
      expect.arrayContaining(['quarter', 'departmentId', 'category', 'format', 'table']),
    );
  });
});
