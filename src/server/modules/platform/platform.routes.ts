import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  corporationExport,
  corporationExportList,
  corporationExportParams,
  corporationIdParams,
  corporationList,
  corporationSummary,
  createCorporationInput,
  createdCorporation,
  hostNamesInput,
  platformMe,
  platformPasswordInput,
  platformSignInInput,
  startExportInput,
} from '../../../contract/platform.ts';
import type { Database } from '../../db/database.ts';
import { requirePlatformAdmin } from '../../http/platform-authentication.ts';
import type { BlobStorage } from '../../storage/blob-storage.ts';
import {
  changeHostnames,
  createCorporation,
  listCorporations,
  PLATFORM_SESSION_COOKIE,
  type PlatformPrincipal,
  renewSetupLink,
  setCorporationSuspended,
  setPlatformPassword,
  signInPlatform,
  signOutPlatform,
} from './platform.service.ts';
import { EXPORT_KEEP_DAYS, PlatformExportRunner } from './platform-export.jobs.ts';

const TAGS = ['platform'];
const SESSION = { platform: 'session' as const, public: true };

const actorOf = (admin: PlatformPrincipal, ip: string) => ({
  adminId: admin.adminId,
  actor: admin.email,
  ip,
});

/** Decision 047: the platform administrator's API, on PLATFORM_HOST only (see platform-authentication.ts). */
export const platformRoutes: FastifyPluginAsyncZod<{
  db: Database;
  storage: BlobStorage;
  publicUrl: string;
  loginRateLimitPerMinute: number;
}> = async (app, { db, storage, publicUrl, loginRateLimitPerMinute }) => {
  const exports = new PlatformExportRunner(db, storage, app.log);
  app.addHook('onClose', async () => exports.idle());
  const cookieOptions = {
    path: '/api/platform',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: publicUrl.startsWith('https:'),
  };
  const signInLimit = { max: loginRateLimitPerMinute, timeWindow: '1 minute' };

  app.post(
    '/api/platform/sign-in',
    {
      config: { platform: 'public', public: true, rateLimit: signInLimit },
      schema: {
        tags: TAGS,
        summary: 'Sign in as platform administrator',
        body: platformSignInInput,
        response: { 200: platformMe },
      },
    },
    async (request, reply) => {
      const token = await signInPlatform(db, request.body, request.ip, new Date());
      reply.setCookie(PLATFORM_SESSION_COOKIE, token, cookieOptions);
      return { email: request.body.email };
    },
  );

  app.post(
    '/api/platform/password',
    {
      config: { platform: 'public', public: true, rateLimit: signInLimit },
      schema: {
        tags: TAGS,
        summary: 'Set a platform administrator’s password with the one-time link',
        body: platformPasswordInput,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await setPlatformPassword(db, request.body, request.ip, new Date());
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/platform/sign-out',
    { config: SESSION, schema: { tags: TAGS, summary: 'Sign out', response: { 204: z.null() } } },
    async (request, reply) => {
      await signOutPlatform(db, requirePlatformAdmin(request), request.ip);
      reply.clearCookie(PLATFORM_SESSION_COOKIE, cookieOptions);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/platform/me',
    {
      config: SESSION,
      schema: { tags: TAGS, summary: 'The signed-in platform administrator', response: { 200: platformMe } },
    },
    async (request) => ({ email: requirePlatformAdmin(request).email }),
  );

  app.get(
    '/api/platform/corporations',
    {
      config: SESSION,
      schema: {
        tags: TAGS,
        summary: 'Every corporation, with figures that are numbers only',
        response: { 200: corporationList },
      },
    },
    async (request) => {
      requirePlatformAdmin(request);
      return { items: await listCorporations(db) };
    },
  );

  app.post(
    '/api/platform/corporations',
    {
      config: SESSION,
      schema: {
        tags: TAGS,
        summary: 'Create a corporation; the answer holds its first administrator’s one-time setup link',
        description:
          'The link (24 h) is on the corporation’s first host name with PUBLIC_URL’s scheme and port. ' +
          'Hand it to the corporation; whoever opens it becomes its first administrator.',
        body: createCorporationInput,
        response: { 201: createdCorporation },
      },
    },
    async (request, reply) => {
      const admin = requirePlatformAdmin(request);
      const created = await createCorporation(
        db,
        request.body,
        actorOf(admin, request.ip),
        publicUrl,
        new Date(),
      );
      return reply.status(201).send(created);
    },
  );

  app.put(
    '/api/platform/corporations/:id/hostnames',
    {
      config: SESSION,
      schema: {
        tags: TAGS,
        summary: 'Replace a corporation’s host names',
        params: corporationIdParams,
        body: hostNamesInput,
        response: { 200: corporationSummary },
      },
    },
    async (request) =>
      changeHostnames(
        db,
        request.params.id,
        request.body,
        actorOf(requirePlatformAdmin(request), request.ip),
      ),
  );

  app.post(
    '/api/platform/corporations/:id/setup-link',
    {
      config: SESSION,
      schema: {
        tags: TAGS,
        summary: 'A new one-time setup link, while the corporation has no staff yet',
        params: corporationIdParams,
        response: { 200: createdCorporation },
      },
    },
    async (request) =>
      renewSetupLink(
        db,
        request.params.id,
        actorOf(requirePlatformAdmin(request), request.ip),
        publicUrl,
        new Date(),
      ),
  );

  for (const [action, suspended] of [
    ['suspend', true],
    ['resume', false],
  ] as const) {
    app.post(
      `/api/platform/corporations/:id/${action}`,
      {
        config: SESSION,
        schema: {
          tags: TAGS,
          summary: suspended
            ? 'Suspend a corporation: its staff and portal answer 503, jobs skip it, data is kept'
            : 'Resume a suspended corporation',
          params: corporationIdParams,
          response: { 200: corporationSummary },
        },
      },
      async (request) =>
        setCorporationSuspended(
          db,
          request.params.id,
          suspended,
          actorOf(requirePlatformAdmin(request), request.ip),
          new Date(),
        ),
    );
  }

  app.post(
    '/api/platform/corporations/:id/exports',
    {
      config: SESSION,
      schema: {
        tags: TAGS,
        summary: 'Start an export of a corporation, encrypted to its RSA public key (PEM)',
        description:
          'Answers 202 with the job; poll GET …/exports/{exportId} for progress. A key that is not an RSA public ' +
          `key of at least 2048 bits answers 400 \`validation_failed\`. Archives are removed after ${EXPORT_KEEP_DAYS} days.`,
        params: corporationIdParams,
        body: startExportInput,
        response: { 202: corporationExport },
      },
    },
    async (request, reply) => {
      const started = await exports.start(
        request.params.id,
        request.body.publicKey,
        actorOf(requirePlatformAdmin(request), request.ip),
        new Date(),
      );
      return reply.code(202).send(started);
    },
  );

  app.get(
    '/api/platform/corporations/:id/exports',
    {
      config: SESSION,
      schema: {
        tags: TAGS,
        summary: 'A corporation’s recent exports, newest first',
        params: corporationIdParams,
        response: { 200: corporationExportList },
      },
    },
    async (request) => {
      requirePlatformAdmin(request);
      return { exports: await exports.list(request.params.id, new Date()) };
    },
  );

  app.get(
    '/api/platform/corporations/:id/exports/:exportId',
    {
      config: SESSION,
      schema: {
        tags: TAGS,
        summary: 'One export: status and progress (tables done, rows, files)',
        params: corporationExportParams,
        response: { 200: corporationExport },
      },
    },
    async (request) => {
      requirePlatformAdmin(request);
      return exports.find(request.params.id, request.params.exportId);
    },
  );

  app.get(
    '/api/platform/corporations/:id/exports/:exportId/download',
    {
      config: SESSION,
      schema: {
        tags: TAGS,
        summary: 'Download the encrypted archive (only the corporation’s private key opens it)',
        params: corporationExportParams,
        response: {
          200: {
            description: 'The encrypted archive',
            content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } },
          },
        },
      },
    },
    async (request, reply) => {
      const { body, sizeBytes } = await exports.download(
        request.params.id,
        request.params.exportId,
        actorOf(requirePlatformAdmin(request), request.ip),
      );
      return reply
        .header('content-type', 'application/octet-stream')
        .header('content-length', String(sizeBytes))
        .header('content-disposition', `attachment; filename="export-${request.params.exportId}.gehoord"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(body as unknown as string);
    },
  );
};
