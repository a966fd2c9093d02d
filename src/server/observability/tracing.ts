import module from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { redactUrl } from '../http/log-redaction.ts';
import { enableSpans } from './spans.ts';

// OpenTelemetry tracing (issue 25, decision 046). main.ts and worker.ts start it only when an OTLP endpoint is
// configured,
// and before the application's modules: the instrumentations patch `http`, `fastify` and
// `pg` as they load, so nothing of the SDK is loaded, and nothing is patched, when tracing is off.
//
// Node 24 with ESM: the application imports `pg` and `fastify` with `import`, so the instrumentations need the
// loader hook of import-in-the-middle (through @opentelemetry/instrumentation/hook.mjs) besides the require hook.
// The hook must be registered before those modules are imported, which is why this file is awaited first.

/** Tracing is on when the standard OTLP endpoint variable (general or for traces) is set. */
export function tracingWanted(env: NodeJS.ProcessEnv): boolean {
  return (
    Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) &&
    env.OTEL_SDK_DISABLED !== 'true'
  );
}

/**
 * What the HTTP span may not keep (policy: no personal data in telemetry): the query string (search words,
 * names), the secret part of a status link, the client's address and user agent. `undefined` drops an attribute.
 */
function withoutPersonalData(request: { url?: string }): Record<string, string | undefined> {
  const pathOnly = (request.url ?? '/').split('?')[0] ?? '/';
  return {
    'url.path': redactUrl(pathOnly),
    'url.query': undefined,
    'client.address': undefined,
    'network.peer.address': undefined,
    'network.peer.port': undefined,
    'user_agent.original': undefined,
  };
}

/** Starts the Node SDK with the HTTP, Fastify and pg instrumentations; the OTEL_* variables configure the rest. */
export async function startTracing(
  env: NodeJS.ProcessEnv = process.env,
  defaults: { serviceName: string } = { serviceName: 'gehoord' },
): Promise<void> {
  // Each instrumentation package has its own copy of @opentelemetry/instrumentation and import-in-the-middle,
  // and a loader hook only serves the copy it was resolved from. `pg` and `http` are patched in place through
  // the require hook whatever the copy; Fastify's instrumentation replaces the module's export, which an ESM
  // import sees only through the hook of its own copy — so the hook is taken from that package. It is the
  // synchronous, in-thread variant (module.registerHooks) limited to `fastify`: the threaded hook of
  // `@opentelemetry/instrumentation/hook.mjs` parsed every module of the application and tripled the CPU time
  // of a start.
  const fromFastifyInstrumentation = module.createRequire(
    fileURLToPath(import.meta.resolve('@opentelemetry/instrumentation-fastify')),
  );
  const { register } = (await import(
    pathToFileURL(fromFastifyInstrumentation.resolve('import-in-the-middle/register-hooks.mjs')).href
  )) as { register(options: { include: string[] }): void };
  register({ include: ['fastify'] });
  // Traces only: metrics are scraped from /metrics (prom-client), logs go to stdout with their trace id.
  env.OTEL_METRICS_EXPORTER ??= 'none';
  env.OTEL_LOGS_EXPORTER ??= 'none';
  const [{ NodeSDK }, { HttpInstrumentation }, { FastifyInstrumentation }, { PgInstrumentation }] =
    await Promise.all([
      import('@opentelemetry/sdk-node'),
      import('@opentelemetry/instrumentation-http'),
      import('@opentelemetry/instrumentation-fastify'),
      import('@opentelemetry/instrumentation-pg'),
    ]);
  const namedByEnv =
    Boolean(env.OTEL_SERVICE_NAME) || /(^|,)\s*service\.name=/.test(env.OTEL_RESOURCE_ATTRIBUTES ?? '');
  const sdk = new NodeSDK({
    ...(namedByEnv ? {} : { serviceName: defaults.serviceName }),
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => request.url === '/metrics',
        startIncomingSpanHook: withoutPersonalData,
        // Outgoing calls (webhooks, S3, the identity provider) only inside a trace: not the exporter's own posts
        requireParentforOutgoingSpans: true,
      }),
      new FastifyInstrumentation(),
      // Statement text (with $n placeholders) is kept; parameter values and results are never attached.
      new PgInstrumentation({ enhancedDatabaseReporting: false, requireParentSpan: true }),
    ],
  });
  sdk.start();
  running = sdk;
  enableSpans(await import('@opentelemetry/api'));
}

let running: { shutdown(): Promise<void> } | null = null;

/** Sends the spans still buffered and stops the SDK (on shutdown); nothing when tracing is off. */
export async function stopTracing(): Promise<void> {
  const sdk = running;
  running = null;
  await sdk?.shutdown().catch(() => undefined);
}
