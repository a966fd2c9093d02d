import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { problem } from '../contract/problem.ts';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { AppError } from './http/app-error.ts';
import { registerAuthentication } from './http/authentication.ts';
import { registerErrorHandling } from './http/error-handler.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { zodValidatorCompiler } from './http/validation.ts';
import { apiTokenRoutes } from './modules/api-tokens/api-token.routes.ts';
import { auditRoutes } from './modules/auth/audit.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { organizationRoutes } from './modules/organization/organization.routes.ts';
import { setupRoutes } from './modules/setup/setup.routes.ts';
import { staffRoutes } from './modules/staff/staff.routes.ts';

export type AppDeps = {
  config: Pick<Config, 'publicUrl' | 'trustProxy' | 'env' | 'loginRateLimitPerMinute'>;
  /** Application-role connection (row-level security applies). */
  db: Database;
  logger: FastifyBaseLogger;
  /** Folder with the built web app; omitted or missing means: API only. */
  webRoot?: string;
};

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{8,100}$/;

/** Builds the HTTP application without listening, so tests drive it through `inject`. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger,
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1_048_576,
    // Keep a caller's request id when it looks like one; otherwise mint our own.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerSecurityHeaders(app);
  // Every documented route can answer with a problem; say so once instead of on every route.
  app.addHook('onRoute', (route) => {
    if (!route.schema || route.schema.hide) return;
    route.schema.response = { '4xx': problem, '5xx': problem, ...(route.schema.response as object) };
  });

  const spaIndex =
    deps.webRoot && existsSync(path.join(deps.webRoot, 'index.html')) ? 'index.html' : undefined;
  registerErrorHandling(app, spaIndex ? { spaIndex } : {});

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Gehoord API',
        version: '0.1.0',
        description:
          'Klachtenbehandeling voor woningcorporaties — complaint handling for housing corporations. ' +
          'Errors are RFC 9457 problem details (application/problem+json) with a stable `code` and Dutch and English messages.',
      },
      servers: [{ url: deps.config.publicUrl }],
      tags: [
        { name: 'health', description: 'Liveness and readiness' },
        { name: 'organization', description: 'The housing corporation served' },
        { name: 'auth', description: 'Staff sign-in, sessions and two-step verification' },
        { name: 'staff', description: 'Departments and staff members' },
        { name: 'setup', description: 'First run: the first administrator and the demo organisation' },
        { name: 'admin', description: 'Administration: accounts, departments, API tokens, audit log' },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { deepLinking: true } });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  // Limits are per route (sign-in, public endpoints); exceeding one is a 429 problem with Retry-After.
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError('rate_limited', { headers: { 'retry-after': String(Math.ceil(context.ttl / 1000)) } }),
  });
  await registerAuthentication(app, { db: deps.db, publicUrl: deps.config.publicUrl });

  await app.register(healthRoutes, { db: deps.db });
  await app.register(authRoutes, {
    db: deps.db,
    publicUrl: deps.config.publicUrl,
    loginRateLimitPerMinute: deps.config.loginRateLimitPerMinute,
  });
  await app.register(organizationRoutes, { db: deps.db });
  await app.register(staffRoutes, { db: deps.db });
  await app.register(apiTokenRoutes, { db: deps.db });
  await app.register(auditRoutes, { db: deps.db });
  await app.register(setupRoutes, {
    db: deps.db,
    publicUrl: deps.config.publicUrl,
    loginRateLimitPerMinute: deps.config.loginRateLimitPerMinute,
  });

  if (spaIndex && deps.webRoot) {
    await app.register(fastifyStatic, { root: deps.webRoot, wildcard: false, index: false, maxAge: '1h' });
    app.get('/', { schema: { hide: true } }, (_request, reply) =>
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').sendFile(spaIndex),
    );
  }
  return app;
}
