import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { expect, test } from 'vitest';
import { registerConnectionDrain } from '../../src/server/http/drain.ts';

// Issue 25: a stop behind a proxy with kept connections waits for the requests in flight, not for the
// proxy's idle connections to time out. Without the drain, close() here would wait out the 10-minute
// keep-alive and the test would time out.
test('while closing, answers say Connection: close and connections idle afterwards are closed', async () => {
  const app = Fastify({ keepAliveTimeout: 600_000 });
  registerConnectionDrain(app);
  let arrived: () => void = () => {};
  const inFlight = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  let finish: () => void = () => {};
  app.get('/slow', async () => {
    arrived();
    await new Promise<void>((resolve) => {
      finish = resolve;
    });
    return { done: true };
  });
  app.get('/quick', async () => ({ ok: true }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const agent = new http.Agent({ keepAlive: true });
  const get = (path: string) =>
    new Promise<http.IncomingMessage>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path, agent }, (res) => {
          res.resume();
          res.on('end', () => resolve(res));
        })
        .on('error', reject);
    });

  // A kept connection answered before the stop, and one with a request in flight when it comes
  const before = await get('/quick');
  expect(before.headers.connection).toBe('keep-alive');
  const slow = get('/slow');
  await inFlight;
  const closed = app.close();
  // The stop has begun once the server no longer listens; then the request in flight finishes
  while (app.server.listening) await new Promise((resolve) => setImmediate(resolve));
  finish();
  const during = await slow;
  expect(during.statusCode).toBe(200);
  expect(during.headers.connection).toBe('close');
  await closed;
  agent.destroy();
});
