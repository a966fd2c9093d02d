// `npm run worker` (decision 046): like main.ts for the web process, this entry starts tracing — only when an
// OTLP endpoint is set — before the worker's modules (pg, pg-boss) load, then runs the worker.
const { loadDotEnv } = await import('./config.ts');
loadDotEnv();
if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT || process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) {
  const { startTracing, tracingWanted } = await import('./observability/tracing.ts');
  if (tracingWanted(process.env)) await startTracing(process.env, { serviceName: 'gehoord-worker' });
}
await import('./worker-process.ts');
