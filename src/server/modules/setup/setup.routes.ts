import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  completeSetupInput,
  setupGaps,
  setupResult,
  setupStatus,
  setupTokenInput,
} from '../../../contract/setup.ts';
import type { Database } from '../../db/database.ts';
import { clientInfo, sessionCookieOptions } from '../../http/authentication.ts';
import { requireOrganizationPermission } from '../../http/principal.ts';
import { SESSION_COOKIE } from '../auth/index.ts';
import { checkSetupToken, completeSetup } from './setup.service.ts';
import { findSetupGaps } from './setup-gaps.service.ts';

export const setupRoutes: FastifyPluginAsyncZod<{
  db: Database;
  publicUrl: string;
  loginRateLimitPerMinute: number;
}> = async (app, { db, publicUrl, loginRateLimitPerMinute }) => {
  const SETUP_RATE_LIMIT = { max: loginRateLimitPerMinute, timeWindow: '1 minute' };
  app.post(
    '/api/setup/check',
    {
      config: { rateLimit: SETUP_RATE_LIMIT, public: true },
      schema: {
        tags: ['setup'],
        summary: 'Is this one-time setup link still valid?',
        body: setupTokenInput,
        response: { 200: setupStatus },
      },
    },
    async (request) => checkSetupToken(db, request.body.token),
  );

  app.post(
    '/api/setup',
    {
      config: { rateLimit: SETUP_RATE_LIMIT, public: true },
      schema: {
        tags: ['setup'],
        summary: 'Create the first administrator (and optionally the demo organisation)',
        description:
          'Uses up the one-time link printed by the first `npm start`, and signs the administrator in.',
        body: completeSetupInput,
        response: { 201: setupResult },
      },
    },
    async (request, reply) => {
      const result = await completeSetup(db, request.body, clientInfo(request), new Date());
      reply.setCookie(SESSION_COOKIE, result.sessionToken, sessionCookieOptions(publicUrl));
      return reply.status(201).send({ demoAccounts: result.demoAccounts });
    },
  );

  app.get(
    '/api/admin/setup-gaps',
    {
      schema: {
        tags: ['admin'],
        summary: 'What this installation still lacks (administrators)',
        description:
          'An intake department with a manager for website complaints, a management assistant for the cc, a ' +
          "manager for every department, the corporation's contact details and the regional complaints " +
          'committee. The admin start page shows each gap with a link to the screen that fixes it.',
        response: { 200: setupGaps },
      },
    },
    async (request) =>
      findSetupGaps(db, requireOrganizationPermission(request, 'admin.manage_reference_data')),
  );
};
