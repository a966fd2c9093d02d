import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { AppError } from './app-error.ts';

/**
 * Addresses each rate-limit store remembers (per limited route or limiter), least recently seen forgotten
 * first. Public pages are asked from any number of addresses (the benchmark's status-page run uses 16,000),
 * so a store must not grow with them: 5,000 entries of ≈ 200 bytes is ≈ 1 MB per store. An address pushed
 * out starts counting afresh; to get that, a caller must bring 5,000 other addresses within the window.
 */
export const RATE_LIMIT_ADDRESSES_PER_STORE = 5_000;

/** Limits are per route (sign-in, public endpoints); exceeding one is a 429 problem with Retry-After. */
export async function registerRateLimits(
  app: FastifyInstance,
  addressesPerStore = RATE_LIMIT_ADDRESSES_PER_STORE,
): Promise<void> {
  await app.register(fastifyRateLimit, {
    global: false,
    cache: addressesPerStore,
    errorResponseBuilder: (_request, context) =>
      new AppError('rate_limited', { headers: { 'retry-after': String(Math.ceil(context.ttl / 1000)) } }),
  });
}
