import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { TEST_PASSWORD } from './staff-factories.ts';

/** The origin `app.inject` requests come from by default; same-origin writes pass the CSRF check. */
export const SAME_ORIGIN = 'http://localhost:80';

export type Client = {
  cookie: string;
  request: (options: InjectOptions) => Promise<LightMyRequestResponse>;
};

export function sessionCookieFrom(setCookie: string | string[] | undefined): string {
  const header = Array.isArray(setCookie) ? setCookie.join('; ') : (setCookie ?? '');
  const match = /gehoord_session=([^;]+)/.exec(header);
  if (!match) throw new Error(`no session cookie in ${header}`);
  return `gehoord_session=${match[1]}`;
}

/** Signs in through the real endpoint and returns a client that sends the cookie and a same-origin Origin. */
export async function signInAs(
  app: FastifyInstance,
  email: string,
  password = TEST_PASSWORD,
): Promise<Client> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { origin: SAME_ORIGIN },
    payload: { email, password },
  });
  expect(response.statusCode, response.body).toBe(200);
  const cookie = sessionCookieFrom(response.headers['set-cookie']);
  return {
    cookie,
    request: (options) =>
      app.inject({ ...options, headers: { origin: SAME_ORIGIN, cookie, ...(options.headers ?? {}) } }),
  };
}
