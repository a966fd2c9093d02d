import { describe, expect, test } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganization } from '../support/factories.ts';

// Issue 25: with TRUST_PROXY as a list, the client address (and so the sign-in limit's key) comes from
// X-Forwarded-For only on connections from those proxies. The same through real nginx is tested in
// test/reliability/proxy-rolling-restart.test.ts.
const LIMIT = 2;
const database = await createTestDatabase();
await createOrganization(database.owner, { isDefault: true });
const app = await createTestApp(database.app, { trustProxy: ['10.0.0.1'], loginRateLimitPerMinute: LIMIT });

let unknown = 0;
/** A failed sign-in (another unknown address each time, so the per-account lock stays out of it). */
async function signIn(remoteAddress: string, forwardedFor?: string) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    headers: {
      origin: 'http://localhost:3000',
      ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
    },
    payload: { email: `onbekend-${++unknown}@example.nl`, password: 'fout-wachtwoord' },
  });
  return response.statusCode === 429 ? response.json().code : response.statusCode;
}

describe('TRUST_PROXY as a list of proxies', () => {
  test('through the trusted proxy each forwarded client address has its own limit', async () => {
    expect([
      await signIn('10.0.0.1', '198.51.100.1'),
      await signIn('10.0.0.1', '198.51.100.1'),
      await signIn('10.0.0.1', '198.51.100.1'),
    ]).toEqual([401, 401, 'rate_limited']);
    // the proxy's own address is not what counts: another client through it is not limited
    expect(await signIn('10.0.0.1', '198.51.100.2')).toBe(401);
  });

  test('from an address that is not a trusted proxy, a forged X-Forwarded-For changes nothing', async () => {
    const statuses = [];
    for (let i = 0; i <= LIMIT; i++) statuses.push(await signIn('192.0.2.9', `203.0.113.${i + 1}`));
    expect(statuses).toEqual([401, 401, 'rate_limited']);
  });
});
