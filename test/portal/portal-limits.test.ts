import { describe, expect, test } from 'vitest';
import { createTestDatabase } from '../support/database.ts';
import { createOrganization } from '../support/factories.ts';
import { createPortalApp, openForm, postForm, validComplaint } from './portal-support.ts';

const database = await createTestDatabase();
await createOrganization(database.owner, { isDefault: true });

async function send(app: Awaited<ReturnType<typeof createPortalApp>>, remoteAddress: string) {
  const formToken = await openForm(app);
  return postForm(app, '/klacht', { ...validComplaint, formToken }, { remoteAddress });
}

describe('rate limits on the complaint form', () => {
  test('per address: the fourth form in an hour gets a "please wait" page (429), others still get through', async () => {
    const app = await createPortalApp(database.app, { submissionsPerIpPerHour: 3 });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await send(app, '10.0.0.1')).statusCode).toBe(303);
    }
    const limited = await send(app, '10.0.0.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('text/html');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body).toContain('Even wachten');
    // The English form shares the same budget: switching language is no way around it.
    const formToken = await openForm(app, '/complaint');
    const english = await postForm(
      app,
      '/complaint',
      { ...validComplaint, formToken },
      { remoteAddress: '10.0.0.1' },
    );
    expect(english.statusCode).toBe(429);
    expect(english.body).toContain('Please wait');
    expect((await send(app, '10.0.0.2')).statusCode).toBe(303);
    // Reading the form is not limited.
    expect((await app.inject({ method: 'GET', url: '/klacht', remoteAddress: '10.0.0.1' })).statusCode).toBe(
      200,
    );
  });

  test('all together: a flood from many addresses is stopped by the global limit', async () => {
    const app = await createPortalApp(database.app, { submissionsPerIpPerHour: 100, submissionsPerHour: 4 });
    const statuses: number[] = [];
    for (let n = 1; n <= 6; n += 1) statuses.push((await send(app, `10.1.0.${n}`)).statusCode);
    expect(statuses).toEqual([303, 303, 303, 303, 429, 429]);
  });
});
