import Fastify from 'fastify';
import { describe, expect, test } from 'vitest';
import { RATE_LIMIT_ADDRESSES_PER_STORE, registerRateLimits } from '../../src/server/http/rate-limit.ts';

// Issue 24: every per-client structure is bounded. A rate-limit store remembers at most
// RATE_LIMIT_ADDRESSES_PER_STORE addresses, whatever number of addresses ask.

async function limitedApp() {
  const app = Fastify({ trustProxy: true, logger: false });
  await registerRateLimits(app);
  app.get('/limited', { onRequest: [app.rateLimit({ max: 1, timeWindow: '1 hour' })] }, async () => 'ok');
  await app.ready();
  return app;
}

const address = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

describe('rate-limit stores are bounded', () => {
  test(`after ${RATE_LIMIT_ADDRESSES_PER_STORE} other addresses the first is forgotten, not before`, async () => {
    const app = await limitedApp();
    const ask = async (n: number) =>
      (await app.inject({ method: 'GET', url: '/limited', headers: { 'x-forwarded-for': address(n) } }))
        .statusCode;
    try {
      expect(await ask(0)).toBe(200);
      expect(await ask(0)).toBe(429);
      // The store now holds address 0 and, after these, RATE_LIMIT_ADDRESSES_PER_STORE - 1 others: all remembered
      for (let n = 1; n < RATE_LIMIT_ADDRESSES_PER_STORE; n++) expect(await ask(n)).toBe(200);
      expect(await ask(0)).toBe(429);
      expect(await ask(1)).toBe(429);
      // Address 0 was just used again; as many new addresses as the store holds push it (and all others) out
      for (let n = 0; n < RATE_LIMIT_ADDRESSES_PER_STORE; n++) {
        expect(await ask(RATE_LIMIT_ADDRESSES_PER_STORE + n)).toBe(200);
      }
      expect(await ask(0)).toBe(200);
      expect(await ask(1)).toBe(200);
    } finally {
      await app.close();
    }
  });
});
