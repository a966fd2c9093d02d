import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../http/app-error.ts';
import type { Metrics } from './metrics.ts';

// How Prometheus reaches the metrics (decision 046): on the main port at /metrics with a bearer token
// (METRICS_TOKEN; 401 without the right one), and/or on an internal port without a token (METRICS_PORT).
// Without either setting there is no /metrics (404) and no request is measured.

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Whether the Authorization header carries exactly this bearer token (compared in constant time). */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] !== undefined && timingSafeEqual(digest(match[1]), digest(token));
}

/** Measures every request by route template; serves /metrics when a token is configured. */
export function registerMetrics(
  app: FastifyInstance,
  metrics: Metrics,
  options: { token: string | null },
): void {
  app.addHook('onResponse', async (request, reply) => {
    metrics.observeRequest(
      request.method,
      request.routeOptions.url ?? 'unmatched',
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
  });
  const token = options.token;
  if (token === null) return;
  app.get('/metrics', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    if (!bearerMatches(request.headers.authorization, token))
      throw new AppError('unauthenticated', {
        detail: 'The metrics need the bearer token of METRICS_TOKEN.',
        headers: { 'www-authenticate': 'Bearer realm="metrics"' },
      });
    const text = await metrics.registry.metrics();
    return reply
      .header('content-type', metrics.registry.contentType)
      .header('cache-control', 'no-store')
      .send(text);
  });
}

/** The internal listener of METRICS_PORT: GET /metrics only, no token (bind it where only Prometheus reaches). */
export async function startMetricsListener(
  metrics: Metrics,
  options: { port: number; host: string },
): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    if (request.method !== 'GET' || (request.url ?? '').split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    metrics.registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      () => response.writeHead(500, { 'content-type': 'text/plain' }).end('metrics failed\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : options.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
