import module from 'node:module';

// Stripping the types of and compiling every module again was most of each start-up; Node keeps the compiled
// code in a cache checked against the source, so later starts skip that work (issue 13: cold start ≤ 3 s).
// It must be switched on before the application's modules load, hence this entry point.
module.enableCompileCache?.();
// Tracing (decision 046) only when an OTLP endpoint is set (environment or .env); it must start before http,
// fastify and pg load, so before the server's modules.
const { loadDotEnv } = await import('./config.ts');
loadDotEnv();
if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT || process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) {
  const { startTracing, tracingWanted } = await import('./observability/tracing.ts');
  if (tracingWanted(process.env)) await startTracing();
}
await import('./server.ts');
