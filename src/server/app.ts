import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransformObject,
  serializerCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { problem } from '../contract/problem.ts';
import { serverClockOffsetMs, serverNow } from './clock.ts';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { registerSubscribers } from './events/register-subscribers.ts';
import { registerAuthentication } from './http/authentication.ts';
import { registerCompression } from './http/compression.ts';
import { registerConnectionDrain } from './http/drain.ts';
import { registerErrorHandling } from './http/error-handler.ts';
import { finishOpenApiDocument, openApiTransform, SECURITY_SCHEMES } from './http/openapi.ts';
import { registerOverloadProtection } from './http/overload.ts';
import { registerPlatformAuthentication } from './http/platform-authentication.ts';
import { registerRateLimits } from './http/rate-limit.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { registerSuspensionCheck } from './http/suspension.ts';
import {
  clientErrorAsProblem,
  frameworkErrorAsProblem,
  MAX_PARAM_LENGTH,
  registerUrlLengthLimit,
} from './http/transport-errors.ts';
import { zodValidatorCompiler } from './http/validation.ts';
import { jobRunRoutes } from './jobs/job-runs.routes.ts';
import { adjustmentsRoutes } from './modules/adjustments/adjustments.routes.ts';
import { apiTokenRoutes } from './modules/api-tokens/api-token.routes.ts';
import { attachmentRoutes } from './modules/attachments/attachments.routes.ts';
import { auditRoutes } from './modules/auth/audit.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { complaintActionRoutes } from './modules/complaints/complaint-actions.routes.ts';
import { complaintsRoutes } from './modules/complaints/complaints.routes.ts';
import { routingSettingsRoutes } from './modules/complaints/routing-settings.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { integrationRoutes } from './modules/integrations/integrations.routes.ts';
import { addWebhooksToOpenApi } from './modules/integrations/openapi/openapi-webhooks.ts';
import { learningRoutes } from './modules/learning/learning.routes.ts';
import { managerRoutes } from './modules/manager/manager.routes.ts';
import { composerRoutes } from './modules/messages/composer.routes.ts';
import { inboundMailRoutes } from './modules/messages/intake/inbound-mail.routes.ts';
import { answerRoutes } from './modules/messages/letters/answer.routes.ts';
import { postalLetterRoutes } from './modules/messages/letters/postal-letter.routes.ts';
import { messagesAdminRoutes } from './modules/messages/messages-admin.routes.ts';
import { configureMessageLinks } from './modules/messages/settings/message-settings.ts';
import { notificationRoutes } from './modules/notifications/notifications.routes.ts';
import { organizationRoutes } from './modules/organization/organization.routes.ts';
import { platformRoutes } from './modules/platform/platform.routes.ts';
import { portalRoutes } from './modules/portal/portal.routes.ts';
import { portalNotFoundPage } from './modules/portal/views/portal-not-found.ts';
import type { ErasureLedger } from './modules/privacy/erasure/erasure-ledger.ts';
import { privacyRoutes } from './modules/privacy/privacy.routes.ts';
import { referenceDataRoutes } from './modules/reference-data/reference-data.routes.ts';
import { committeeDossierRoutes } from './modules/reports/committee-dossier.routes.ts';
import { reportRoutes } from './modules/reports/reports.routes.ts';
import { sectorBenchmarkRoutes } from './modules/reports/sector.routes.ts';
import { savedViewRoutes } from './modules/saved-views/saved-views.routes.ts';
import { selfAssessmentRoutes } from './modules/self-assessment/self-assessment.routes.ts';
import { setupRoutes } from './modules/setup/setup.routes.ts';
import { createOidcClient } from './modules/sso/oidc/oidc-client.ts';
import { ssoRoutes } from './modules/sso/sso.routes.ts';
import { staffRoutes } from './modules/staff/staff.routes.ts';
import { registerMetrics } from './observability/metrics.routes.ts';
import type { Metrics } from './observability/metrics.ts';
import type { BlobStorage } from './storage/blob-storage.ts';

export type AppDeps = {
  config: Pick<
    Config,
    'publicUrl' | 'trustProxy' | 'env' | 'loginRateLimitPerMinute' | 'attachmentMaxBytes'
  > &
    Partial<
      Pick<Config, 'oidc' | 'portal' | 'maxEventLoopDelayMs' | 'maxConcurrentRequests' | 'platformHost'>
    >;
  /** Application-role connection (row-level security applies). */
  db: Database;
  /** Where attachment files are kept (local disk or S3-compatible). */
  storage: BlobStorage;
  logger: FastifyBaseLogger;
  /** Folder with the built web app; omitted or missing means: API only. */
  webRoot?: string;
  /** Ids of erased data outside the database, re-applied by `npm run restore`; omitted: not kept. */
  erasureLedger?: ErasureLedger;
  /** Prometheus metrics (decision 046): requests are measured and, with a token, /metrics is served. */
  metrics?: { metrics: Metrics; token: string | null };
};

const DEFAULT_PORTAL_LIMITS = {
  submissionsPerIpPerHour: 20,
  submissionsPerHour: 1000,
  minimumFillSeconds: 3,
};

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{8,100}$/;

/** Builds the HTTP application without listening, so tests drive it through `inject`. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  // Messages, integrations and notifications hear of complaint changes (decision 029)
  registerSubscribers();
  const app = Fastify({
    loggerInstance: deps.logger,
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1_048_576,
    // Keep a caller's request id when it looks like one; otherwise mint our own.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_PARAM_LENGTH },
    // Requests refused before a route is chosen answer in problem+json too (414, 431, 400).
    frameworkErrors: frameworkErrorAsProblem,
    clientErrorHandler: clientErrorAsProblem,
  }).withTypeProvider<ZodTypeProvider>();
  registerUrlLengthLimit(app);
  registerConnectionDrain(app);

  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // With GEHOORD_CLOCK set the web app dates its forms by the server's clock, not the browser's (decision 042)
    if (serverClockOffsetMs() !== 0) reply.header('gehoord-clock', serverNow().toISOString());
  });
  if (deps.metrics) registerMetrics(app, deps.metrics.metrics, { token: deps.metrics.token });
  registerSecurityHeaders(app, { https: deps.config.publicUrl.startsWith('https:') });
  registerCompression(app);
  await registerOverloadProtection(app, {
    maxEventLoopDelayMs: deps.config.maxEventLoopDelayMs ?? 0,
    maxConcurrentRequests: deps.config.maxConcurrentRequests ?? 0,
  });
  // Every documented route can answer with a problem; say so once instead of on every route.
  app.addHook('onRoute', (route) => {
    if (!route.schema || route.schema.hide) return;
    route.schema.response = { '4xx': problem, '5xx': problem, ...(route.schema.response as object) };
  });

  const spaIndex =
    deps.webRoot && existsSync(path.join(deps.webRoot, 'index.html')) ? 'index.html' : undefined;
  registerErrorHandling(app, {
    ...(spaIndex ? { spaIndex } : {}),
    pageNotFound: portalNotFoundPage({ db: deps.db, publicUrl: deps.config.publicUrl }),
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Gehoord API',
        version: '0.1.0',
        description:
          'Klachtenbehandeling voor woningcorporaties — complaint handling for housing corporations. ' +
          'Errors are RFC 9457 problem details (application/problem+json) with a stable `code` and Dutch and English messages, ' +
          'on every operation, also downloads (PDF, ZIP, CSV, e-mail). Before a route is chosen the server answers the same way: ' +
          '414 `uri_too_long` for an address over 8 KiB or a path segment over 100 characters, ' +
          '431 `request_header_fields_too_large` when the request line and headers exceed 16 KiB. ' +
          'Each operation lists who may call it (`security`): none for public operations, the staff session cookie, ' +
          'and for the operations open to integrations a bearer API token with the scopes it admits.',
      },
      components: { securitySchemes: SECURITY_SCHEMES },
      servers: [{ url: deps.config.publicUrl }],
      tags: [
        { name: 'health', description: 'Liveness and readiness' },
        { name: 'organization', description: 'The housing corporation served' },
        { name: 'auth', description: 'Staff sign-in, sessions and two-step verification' },
        { name: 'staff', description: 'Departments and staff members' },
        { name: 'setup', description: 'First run: the first administrator and the demo organisation' },
        {
          name: 'platform',
          description:
            'Platform administration on PLATFORM_HOST: onboarding, host names, suspension (no complaint data)',
        },
        { name: 'admin', description: 'Administration: accounts, departments, API tokens, audit log' },
        {
          name: 'reference-data',
          description:
            'Complexes, units, complainants, representatives, contractors, code lists, calendar settings',
        },
        { name: 'complaints', description: 'Register, list, search and read complaints' },
        {
          name: 'complaint actions',
          description: 'Every step on a complaint, each checked by the policy core',
        },
        { name: 'attachments', description: 'Photos, scanned letters, PDFs and e-mails on a complaint' },
        { name: 'notifications', description: 'Reminders, escalations and notices for the signed-in person' },
        {
          name: 'mt review',
          description: "The MT's quarterly review, policy issues and improvement actions",
        },
        { name: 'integrations', description: 'Webhooks and the change feed for the CRM' },
        { name: 'imports', description: "CSV imports from the corporation's own system" },
        {
          name: 'manager',
          description: 'Manager views: approvals waiting, employee-caused repeats; bulk assignment',
        },
        { name: 'work queue', description: 'Saved work-queue views, own and shared with the department' },
        {
          name: 'reports',
          description: 'Quarterly and annual reports, exports, report jobs, complex dossiers',
        },
        {
          name: 'privacy',
          description: 'AVG: retention, legal holds, subject access, erasure and the access log',
        },
      ],
    },
    transform: openApiTransform as never,
    transformObject: (input) => finishOpenApiDocument(addWebhooksToOpenApi(jsonSchemaTransformObject(input))),
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { deepLinking: true } });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  await registerRateLimits(app);
  await registerAuthentication(app, { db: deps.db, publicUrl: deps.config.publicUrl });
  registerPlatformAuthentication(app, {
    db: deps.db,
    publicUrl: deps.config.publicUrl,
    platformHost: deps.config.platformHost ?? null,
  });
  registerSuspensionCheck(app, { db: deps.db });

  await app.register(healthRoutes, { db: deps.db });
  await app.register(authRoutes, {
    db: deps.db,
    publicUrl: deps.config.publicUrl,
    loginRateLimitPerMinute: deps.config.loginRateLimitPerMinute,
  });
  await app.register(ssoRoutes, {
    db: deps.db,
    client: deps.config.oidc ? createOidcClient(deps.config.oidc, deps.config.publicUrl) : null,
    publicUrl: deps.config.publicUrl,
    loginRateLimitPerMinute: deps.config.loginRateLimitPerMinute,
  });
  await app.register(organizationRoutes, { db: deps.db });
  await app.register(platformRoutes, {
    db: deps.db,
    storage: deps.storage,
    publicUrl: deps.config.publicUrl,
    loginRateLimitPerMinute: deps.config.loginRateLimitPerMinute,
  });
  await app.register(staffRoutes, { db: deps.db });
  await app.register(referenceDataRoutes, { db: deps.db });
  await app.register(apiTokenRoutes, { db: deps.db });
  await app.register(auditRoutes, { db: deps.db });
  await app.register(complaintsRoutes, { db: deps.db });
  await app.register(complaintActionRoutes, { db: deps.db });
  await app.register(adjustmentsRoutes, { db: deps.db });
  await app.register(savedViewRoutes, { db: deps.db });
  await app.register(routingSettingsRoutes, { db: deps.db });
  await app.register(notificationRoutes, { db: deps.db });
  await app.register(learningRoutes, { db: deps.db });
  await app.register(jobRunRoutes, { db: deps.db });
  await app.register(reportRoutes, { db: deps.db, storage: deps.storage });
  await app.register(sectorBenchmarkRoutes, { db: deps.db });
  await app.register(selfAssessmentRoutes, { db: deps.db });
  await app.register(committeeDossierRoutes, { db: deps.db, storage: deps.storage });
  await app.register(integrationRoutes, { db: deps.db, publicUrl: deps.config.publicUrl });
  await app.register(managerRoutes, { db: deps.db });
  configureMessageLinks(deps.config.publicUrl);
  await app.register(messagesAdminRoutes, { db: deps.db });
  await app.register(answerRoutes, { db: deps.db });
  await app.register(composerRoutes, { db: deps.db });
  await app.register(postalLetterRoutes, { db: deps.db });
  await app.register(inboundMailRoutes, { db: deps.db, maxBytes: deps.config.attachmentMaxBytes });
  await app.register(attachmentRoutes, {
    db: deps.db,
    storage: deps.storage,
    maxBytes: deps.config.attachmentMaxBytes,
  });
  await app.register(privacyRoutes, {
    db: deps.db,
    storage: deps.storage,
    ledger: deps.erasureLedger ?? null,
  });
  await app.register(setupRoutes, {
    db: deps.db,
    publicUrl: deps.config.publicUrl,
    loginRateLimitPerMinute: deps.config.loginRateLimitPerMinute,
  });
  // The public complaint portal (/klacht, /complaint): server-rendered pages, before the SPA fallback.
  await app.register(portalRoutes, {
    db: deps.db,
    publicUrl: deps.config.publicUrl,
    limits: deps.config.portal ?? DEFAULT_PORTAL_LIMITS,
    storage: deps.storage,
    attachmentMaxBytes: deps.config.attachmentMaxBytes,
  });

  if (spaIndex && deps.webRoot) {
    const webRoot = deps.webRoot;
    // The staff app: Vite's content-hashed files under /assets/ never change (a year, immutable); the
    // build writes a brotli and a gzip twin of each text file next to it (vite.config.ts).
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      preCompressed: true,
      maxAge: '1h',
      setHeaders: (reply, filePath) => {
        const full = filePath.startsWith(webRoot) ? filePath : path.join(webRoot, filePath);
        const relative = path.relative(webRoot, full);
        if (relative.startsWith(`assets${path.sep}`))
          reply.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  return app;
}
