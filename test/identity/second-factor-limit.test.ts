// Issue 20: two-step codes could be guessed without a per-account limit (30 wrong codes, then the right one
// signed in). Now: after 5 wrong codes the pending sign-in is void and the account's code step is refused
// (429 with Retry-After) for a quarter of an hour, also after a new sign-in; each is in the audit log.
import { describe, expect, test } from 'vitest';
import { generateTotp } from '../../src/server/modules/auth/credentials/totp.ts';
import { createTestApp } from '../support/app.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganization } from '../support/factories.ts';
import { SAME_ORIGIN, sessionCookieFrom, signInAs } from '../support/sessions.ts';
import { createStaffUser, TEST_PASSWORD } from '../support/staff-factories.ts';

const database = await createTestDatabase();
const organization = await createOrganization(database.owner, { isDefault: true });
const app = await createTestApp(database.app);
const admin = await signInAs(
  app,
  (await createStaffUser(database.owner, organization.id, { roles: ['employee', 'admin'] })).email,
);

/** A staff member with two-step verification enrolled through the API; returns the secret. */
async function enrolledUser() {
  const user = await createStaffUser(database.owner, organization.id);
  const client = await signInAs(app, user.email);
  const { secret } = (await client.request({ method: 'POST', url: '/api/auth/second-factor/setup' })).json();
  const enable = await client.request({
    method: 'POST',
    url: '/api/auth/second-factor/enable',
    // the previous step, so that the current code is still unused for the sign-ins below
    payload: { code: generateTotp(secret, new Date(Date.now() - 30_000)) },
  });
  expect(enable.statusCode).toBe(204);
  return { user, secret: secret as string };
}

async function startSignIn(email: string) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { origin: SAME_ORIGIN },
    payload: { email, password: TEST_PASSWORD },
  });
  expect(response.json()).toEqual({ status: 'second_factor_required' });
  return { cookie: sessionCookieFrom(response.headers['set-cookie']), origin: SAME_ORIGIN };
}

const sendCode = (headers: { cookie: string; origin: string }, code: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login/second-factor', headers, payload: { code } });

/** A code that is certainly wrong now (not the current step's code, nor its neighbours'). */
function wrongCode(secret: string, n: number): string {
  const taken = new Set([-1, 0, 1].map((s) => generateTotp(secret, new Date(Date.now() + s * 30_000))));
  let candidate = n;
  while (taken.has(String(candidate).padStart(6, '0'))) candidate += 7;
  return String(candidate).padStart(6, '0');
}

const auditTypes = async (userId: string) =>
  (await admin.request({ url: `/api/admin/auth-events?userId=${userId}&limit=500` }))
    .json()
    .items.map((e: { type: string }) => e.type)
    .reverse();

describe('two-step codes are limited per account', () => {
  test('after 5 wrong codes the pending sign-in is void: the right code no longer signs in', async () => {
    const { user, secret } = await enrolledUser();
    const pending = await startSignIn(user.email);
    for (let i = 1; i <= 4; i++) {
      const wrong = await sendCode(pending, wrongCode(secret, i));
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json().code).toBe('invalid_second_factor');
    }
    const fifth = await sendCode(pending, wrongCode(secret, 5));
    expect(fifth.statusCode).toBe(429);
    expect(fifth.headers['content-type']).toContain('application/problem+json');
    expect(fifth.json().code).toBe('second_factor_blocked');
    expect(Number(fifth.headers['retry-after'])).toBe(15 * 60);

    const right = await sendCode(pending, generateTotp(secret, new Date()));
    expect(right.statusCode).toBe(401);
    expect(right.json().code).toBe('unauthenticated');
    expect((await app.inject({ url: '/api/auth/me', headers: pending })).statusCode).toBe(401);

    // the throttle is the account's: a new sign-in with the right password does not reset it
    const again = await startSignIn(user.email);
    const blocked = await sendCode(again, generateTotp(secret, new Date()));
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('second_factor_blocked');
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect((await app.inject({ url: '/api/auth/me', headers: again })).statusCode).toBe(401);

    const types = await auditTypes(user.id);
    expect(types.filter((t: string) => t === 'second_factor_failed')).toHaveLength(5);
    expect(types).toContain('second_factor_locked_out');
    expect(types.at(-1)).toBe('second_factor_blocked');
    const lockedOut = (
      await admin.request({ url: `/api/admin/auth-events?userId=${user.id}&type=second_factor_locked_out` })
    ).json().items[0];
    expect(lockedOut.details).toMatchObject({ failedCount: 5 });

    // once the quarter of an hour has passed, a new sign-in with the right code works
    await database.owner
      .updateTable('staff_user')
      .set({ second_factor_locked_until: new Date(Date.now() - 1000) })
      .where('id', '=', user.id)
      .execute();
    const later = await startSignIn(user.email);
    const ok = await sendCode(later, generateTotp(secret, new Date()));
    expect(ok.json()).toEqual({ status: 'signed_in' });
  });

  test('wrong codes add up over several sign-ins; a right code in between starts the count again', async () => {
    const { user, secret } = await enrolledUser();
    for (let i = 1; i <= 2; i++) {
      const pending = await startSignIn(user.email);
      expect((await sendCode(pending, wrongCode(secret, 10 + i))).statusCode).toBe(401);
      expect((await sendCode(pending, wrongCode(secret, 20 + i))).statusCode).toBe(401);
    }
    // four wrong codes in two sign-ins; the fifth, in a third sign-in, locks the account
    const fifthOverall = await sendCode(await startSignIn(user.email), wrongCode(secret, 31));
    expect(fifthOverall.statusCode).toBe(429);
    expect(fifthOverall.json().code).toBe('second_factor_blocked');
    const rightButLocked = await sendCode(await startSignIn(user.email), generateTotp(secret, new Date()));
    expect(rightButLocked.statusCode).toBe(429);

    const other = await enrolledUser();
    const pending = await startSignIn(other.user.email);
    for (let i = 1; i <= 4; i++)
      expect((await sendCode(pending, wrongCode(other.secret, i))).statusCode).toBe(401);
    expect((await sendCode(pending, generateTotp(other.secret, new Date()))).json()).toEqual({
      status: 'signed_in',
    });
    const row = await database.owner
      .selectFrom('staff_user')
      .select(['second_factor_failed_count', 'second_factor_locked_until'])
      .where('id', '=', other.user.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ second_factor_failed_count: 0, second_factor_locked_until: null });
  });
});
