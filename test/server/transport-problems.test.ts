import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { describe, expect, test } from 'vitest';
import { MAX_PARAM_LENGTH, MAX_URL_LENGTH } from '../../src/server/http/transport-errors.ts';
import { createTestApp } from '../support/app.ts';
import { createTestDatabase } from '../support/database.ts';

// 414 and 431 happen before a route is chosen (431 even before Fastify: in Node's HTTP parser), so these
// tests talk to a listening server over a real socket, not through app.inject.

const database = await createTestDatabase();
const app = await createTestApp(database.app);
await app.listen({ port: 0, host: '127.0.0.1' });
const port = (app.server.address() as AddressInfo).port;

type Answer = { status: number; contentType: string; body: Record<string, unknown> };

function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, path, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
      });
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          contentType: String(response.headers['content-type']),
          body: JSON.parse(text),
        }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** Raw bytes that are not HTTP: Node's parser refuses them before Fastify sees a request. */
function sendRaw(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(bytes));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
    });
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
  });
}

function expectProblem(answer: Answer, status: number, code: string) {
  expect(answer.status).toBe(status);
  expect(answer.contentType).toContain('application/problem+json');
  expect(answer.body).toMatchObject({
    status,
    code,
    messages: { nl: expect.any(String), en: expect.any(String) },
  });
  expect(answer.body.requestId).toEqual(expect.any(String));
}

describe('requests refused before a route is chosen answer as problem documents', () => {
  test('a request target longer than the limit is 414 uri_too_long', async () => {
    const answer = await get(`/api/complaints?q=${'a'.repeat(MAX_URL_LENGTH)}`);
    expectProblem(answer, 414, 'uri_too_long');
    expect(answer.body.messages).toEqual({
      nl: 'Het adres van het verzoek is te lang.',
      en: 'The address (URI) of the request is too long.',
    });
  });

  test('a path parameter longer than the router allows is 414 uri_too_long', async () => {
    const answer = await get(`/api/complaints/${'a'.repeat(MAX_PARAM_LENGTH + 1)}`);
    expectProblem(answer, 414, 'uri_too_long');
  });

  test('a target just under the limit is answered normally (here: sign in first)', async () => {
    const answer = await get(`/api/complaints?q=${'a'.repeat(MAX_URL_LENGTH - 100)}`);
    expectProblem(answer, 401, 'unauthenticated');
  });

  test('headers larger than Node accepts are 431 request_header_fields_too_large', async () => {
    const answer = await get('/api/organization', { 'x-padding': 'a'.repeat(20_000) });
    expectProblem(answer, 431, 'request_header_fields_too_large');
    expect(answer.body.messages).toEqual({
      nl: 'De kopregels (headers) van het verzoek zijn te groot.',
      en: 'The request header fields are too large.',
    });
  });

  test('a request line longer than the header limit is 431 too', async () => {
    const answer = await get(`/api/organization?q=${'a'.repeat(20_000)}`);
    expectProblem(answer, 431, 'request_header_fields_too_large');
  });

  test('bytes that are not HTTP are 400 malformed_request', async () => {
    const raw = await sendRaw('NOT HTTP AT ALL\r\n\r\n');
    expect(raw).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(raw).toContain('Content-Type: application/problem+json; charset=utf-8');
    const body = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4));
    expect(body).toMatchObject({ status: 400, code: 'malformed_request' });
  });
});
