import underPressure from '@fastify/under-pressure';
import type { FastifyInstance } from 'fastify';

import { AppError } from './app-error.ts';

/**
 * Load shedding: when the event loop lags, new requests get a fast 503 with Retry-After instead of
 * queueing until everything times out, so admitted requests stay quick and the process recovers.
 * Health checks are exempt: an orchestrator must still see the process alive.
 */
export async function registerOverloadProtection(
  app: FastifyInstance,
  options: { maxEventLoopDelayMs: number; maxConcurrentRequests: number },
) {
  const { maxEventLoopDelayMs, maxConcurrentRequests } = options;
  if (maxConcurrentRequests > 0) {
    // A bounded queue: beyond this many requests in flight, waiting would only make every answer late
    let inFlight = 0;
    app.addHook('onRequest', async (request, reply) => {
      if (request.url.startsWith('/health/')) return;
      if (inFlight >= maxConcurrentRequests) {
        throw new AppError('service_unavailable', { headers: { 'retry-after': '2' } });
      }
      inFlight++;
      // 'close' fires once however the exchange ends — answered, failed or aborted by the client — so the
      // count cannot leak (a leak would end in refusing everything)
      reply.raw.once('close', () => {
        inFlight--;
      });
    });
  }
  if (maxEventLoopDelayMs <= 0) return;
  await app.register(underPressure, {
    maxEventLoopDelay: maxEventLoopDelayMs,
    retryAfter: 5,
    exposeStatusRoute: false,
    // A rejected promise goes to the error handler, which answers with the problem and its Retry-After
    pressureHandler: (request) =>
      request.url.startsWith('/health/')
        ? undefined
        : Promise.reject(new AppError('service_unavailable', { headers: { 'retry-after': '5' } })),
  });
}
