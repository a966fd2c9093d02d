import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { createDatabase } from '../../src/server/db/database.ts';
import { AppError } from '../../src/server/http/app-error.ts';
import { forgetOrganizationHosts } from '../../src/server/modules/organization/index.ts';
import { createTestApp } from '../support/app.ts';
import { createTestDatabase } from '../support/database.ts';

const database = await createTestDatabase();
const app = await createTestApp(database.app, {
  extend: (instance) => {
    const body = z.object({
      name: z.string().min(1),
      email: z.email(),
      age: z.number().int().min(18),
      channel: z.enum(['email', 'letter']),
    });
    instance.post(
      '/api/test/echo',
      { config: { public: true }, schema: { body } },
      async (request) => request.body,
    );
    instance.get('/api/test/crash', { config: { public: true } }, async () => {
      throw new Error('secret internal detail: password=hunter2');
    });
    instance.get('/api/test/forbidden', { config: { public: true } }, async () => {
      throw new AppError('forbidden');
    });
  },
});

describe('errors are RFC 9457 problem details', () => {
  test('an unknown API route is a 404 problem in the same shape', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/does-not-exist?x=1' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({
      status: 404,
      code: 'route_not_found',
      title: 'Dit adres bestaat niet in de API.',
      instance: '/api/does-not-exist',
      messages: { nl: expect.any(String), en: 'This address does not exist in the API.' },
      requestId: response.headers['x-request-id'],
    });
  });

  test('English is used when the client prefers it', async () => {
    const response = await app.inject({
      url: '/api/nope',
      headers: { 'accept-language': 'en-GB,en;q=0.9,nl;q=0.5' },
    });
    expect(response.json().title).toBe('This address does not exist in the API.');
  });

  test('validation reports every field, in Dutch and English', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/test/echo',
      payload: { name: '', email: 'not-an-email', age: 12.5, unknownField: true },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('validation_failed');
    const byPath = Object.fromEntries(body.errors.map((e: { path: string }) => [e.path, e]));
    expect(Object.keys(byPath).sort()).toEqual(['age', 'channel', 'email', 'name']);
    expect(byPath.name.messages).toEqual({
      nl: 'Dit veld mag niet leeg zijn.',
      en: 'This field must not be empty.',
    });
    expect(byPath.email.messages.nl).toContain('e-mailadres');
    expect(byPath.channel.messages).toEqual({ nl: 'Dit veld is verplicht.', en: 'This field is required.' });
    expect(byPath.age.in).toBe('body');
  });

  test('malformed JSON is a 400 problem, not a crash', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('malformed_request');
  });

  test('an unsupported content type is a 415 problem', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/test/echo',
      headers: { 'content-type': 'application/x-unknown' },
      payload: 'x',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('unsupported_media_type');
  });

  test('an AppError maps to its catalogue status', async () => {
    const response = await app.inject({ url: '/api/test/forbidden' });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('forbidden');
  });

  test('a 500 never leaks internals and carries the request id', async () => {
    const response = await app.inject({
      url: '/api/test/crash',
      headers: { 'x-request-id': 'trace-12345678' },
    });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('secret');
    expect(response.body).not.toContain('hunter2');
    expect(response.json()).toMatchObject({ code: 'internal_error', requestId: 'trace-12345678' });
    expect(response.headers['x-request-id']).toBe('trace-12345678');
  });

  test('an unreachable database is a 503 with Retry-After, not a 500', async () => {
    const gone = createDatabase('postgres://nobody:x@127.0.0.1:1/none', { log: { error: () => {} } });
    const offline = await createTestApp(gone);
    // Host names are remembered process-wide (every request resolves its host since decision 047's suspension
    // check): forget what earlier tests left, so this request asks the database.
    forgetOrganizationHosts();
    const response = await offline.inject({ url: '/api/organization' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.json().code).toBe('service_unavailable');
    await gone.destroy();
  });
});
