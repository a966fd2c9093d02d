import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { createTestApp } from '../support/app.ts';
import { createTestDatabase } from '../support/database.ts';

const database = await createTestDatabase();
const app = await createTestApp(database.app, {
  extend: (instance) => {
    const body = z.object({
      name: z.string().min(1).max(200),
      receivedAt: z.iso.datetime({ offset: true }),
      channel: z.enum(['email', 'letter', 'phone', 'desk', 'website']),
      nested: z.object({ amountCents: z.number().int().nonnegative() }).optional(),
      tags: z.array(z.string().max(20)).max(5).optional(),
    });
    instance.post('/api/test/fuzz', { config: { public: true }, schema: { body } }, async (request) => ({
      ok: true,
      name: (request.body as { name: string }).name,
    }));
  },
});

describe('hostile input gets a clear 4xx, never a 5xx', () => {
  test('random JSON bodies', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const response = await app.inject({
          method: 'POST',
          url: '/api/test/fuzz',
          payload: JSON.stringify(value),
          headers: { 'content-type': 'application/json' },
        });
        expect(response.statusCode).toBeLessThan(500);
        if (response.statusCode >= 400) {
          expect(response.headers['content-type']).toContain('application/problem+json');
          expect(response.json().messages.nl).toBeTruthy();
        }
      }),
      { numRuns: 300 },
    );
  });

  test('random raw bytes and content types', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.constantFrom(
          'application/json',
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data',
          'application/json; charset=latin1',
        ),
        async (payload, contentType) => {
          const response = await app.inject({
            method: 'POST',
            url: '/api/test/fuzz',
            payload,
            headers: { 'content-type': contentType },
          });
          expect(response.statusCode).toBeGreaterThanOrEqual(400);
          expect(response.statusCode).toBeLessThan(500);
          expect(response.headers['content-type']).toContain('application/problem+json');
        },
      ),
      { numRuns: 200 },
    );
  });

  test('random paths, methods and headers on the public routes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'),
        fc.webPath(),
        fc.string({ maxLength: 60 }),
        fc.string({ maxLength: 60 }),
        async (method, path, host, language) => {
          const response = await app.inject({
            method: method as 'GET',
            url: `/api${path}`,
            headers: {
              host: host.replace(/[^\x21-\x7e]/g, '') || 'localhost',
              'accept-language': language.replace(/[^\x20-\x7e]/g, ''),
            },
          });
          expect(response.statusCode).toBeLessThan(500);
        },
      ),
      { numRuns: 200 },
    );
  });
});
