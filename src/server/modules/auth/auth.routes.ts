import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  changePasswordInput,
  currentUser,
  disableSecondFactorInput,
  loginInput,
  loginResult,
  secondFactorInput,
  secondFactorSetup,
  sessionState,
} from '../../../contract/auth.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import { clientInfo, sessionCookieOptions } from '../../http/authentication.ts';
import { requireStaff } from '../../http/principal.ts';
import { resolveOrganizationForHost } from '../organization/index.ts';
import {
  changePassword,
  disableSecondFactor,
  enableSecondFactor,
  signOut,
  startSecondFactorEnrollment,
} from './account.service.ts';
import { describeCurrentUser } from './current-user.service.ts';
import { completeSecondFactor, signIn } from './login.service.ts';
import { SESSION_COOKIE } from './session.service.ts';

const noContent = z.null().describe('No content');

export const authRoutes: FastifyPluginAsyncZod<{
  db: Database;
  publicUrl: string;
  loginRateLimitPerMinute: number;
}> = async (app, { db, publicUrl, loginRateLimitPerMinute }) => {
  const LOGIN_RATE_LIMIT = { max: loginRateLimitPerMinute, timeWindow: '1 minute' };
  const cookieOptions = sessionCookieOptions(publicUrl);
  const clearSession = (reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, cookieOptions);

  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: LOGIN_RATE_LIMIT, public: true },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password',
        description:
          'Starts a session (HttpOnly cookie `gehoord_session`). With two-step verification on, the session can only ' +
          'complete `/api/auth/login/second-factor` until the code is given. Wrong e-mail and wrong password get the same ' +
          'answer; after 5 failures the address is locked for 15 minutes (429 with Retry-After).',
        body: loginInput,
        response: { 200: loginResult },
      },
    },
    async (request, reply) => {
      const organizationId = await resolveOrganizationForHost(db, request.hostname);
      const result = await signIn(db, {
        organizationId,
        email: request.body.email,
        password: request.body.password,
        client: clientInfo(request),
        now: new Date(),
      });
      reply.setCookie(SESSION_COOKIE, result.token, cookieOptions);
      return {
        status: result.secondFactorRequired ? ('second_factor_required' as const) : ('signed_in' as const),
      };
    },
  );

  app.post(
    '/api/auth/login/second-factor',
    {
      config: { rateLimit: LOGIN_RATE_LIMIT, public: true },
      schema: {
        tags: ['auth'],
        summary: 'Complete sign-in with the authenticator code',
        description:
          "Wrong codes are counted per account: after 5 the pending sign-in is void and the account's code step " +
          'answers 429 `second_factor_blocked` with Retry-After for 15 minutes, also after signing in again.',
        body: secondFactorInput,
        response: { 200: loginResult },
      },
    },
    async (request) => {
      const principal = request.principal;
      if (principal?.kind !== 'staff' || !principal.secondFactorPending)
        throw new AppError('unauthenticated');
      await completeSecondFactor(db, {
        organizationId: principal.organizationId,
        sessionId: principal.sessionId,
        userId: principal.userId,
        code: request.body.code,
        client: clientInfo(request),
        now: new Date(),
      });
      return { status: 'signed_in' as const };
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], summary: 'The signed-in staff member', response: { 200: currentUser } } },
    async (request) => describeCurrentUser(db, requireStaff(request, { allowPendingEnrollment: true })),
  );

  app.get(
    '/api/auth/session',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Whether this browser is signed in, and as whom (200 also when not signed in)',
        description:
          'The web app asks this before it shows a page. Unlike `/api/auth/me` it never answers 401: without a ' +
          'complete staff session (none, an integration token, or the second step of sign-in still pending) it ' +
          'answers `{ signedIn: false, user: null }`.',
        response: { 200: sessionState },
      },
    },
    async (request) => {
      const principal = request.principal;
      if (principal?.kind !== 'staff' || principal.secondFactorPending)
        return { signedIn: false, user: null };
      return { signedIn: true, user: await describeCurrentUser(db, principal) };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { public: true },
      schema: { tags: ['auth'], summary: 'Sign out of this session', response: { 204: noContent } },
    },
    async (request, reply) => {
      const principal = request.principal;
      if (principal?.kind === 'staff') await signOut(db, principal, clientInfo(request), false);
      clearSession(reply);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/logout-everywhere',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out of every session of this account',
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      await signOut(db, requireStaff(request, { allowPendingEnrollment: true }), clientInfo(request), true);
      clearSession(reply);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { rateLimit: LOGIN_RATE_LIMIT },
      schema: {
        tags: ['auth'],
        summary: 'Change my password (other sessions are signed out)',
        body: changePasswordInput,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      await changePassword(
        db,
        requireStaff(request, { allowPendingEnrollment: true }),
        request.body,
        clientInfo(request),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/second-factor/setup',
    {
      schema: {
        tags: ['auth'],
        summary: 'Start setting up two-step verification (TOTP)',
        response: { 200: secondFactorSetup },
      },
    },
    async (request) =>
      startSecondFactorEnrollment(db, requireStaff(request, { allowPendingEnrollment: true }), 'Gehoord'),
  );

  app.post(
    '/api/auth/second-factor/enable',
    {
      config: { rateLimit: LOGIN_RATE_LIMIT },
      schema: {
        tags: ['auth'],
        summary: 'Turn on two-step verification with a first code',
        body: secondFactorInput,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request, { allowPendingEnrollment: true });
      await enableSecondFactor(db, staff, request.body.code, clientInfo(request), new Date());
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/second-factor/disable',
    {
      config: { rateLimit: LOGIN_RATE_LIMIT },
      schema: {
        tags: ['auth'],
        summary: 'Turn off two-step verification (not when your role requires it)',
        body: disableSecondFactorInput,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      await disableSecondFactor(db, requireStaff(request), request.body, clientInfo(request), new Date());
      return reply.status(204).send(null);
    },
  );
};
