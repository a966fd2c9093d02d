import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import type { Database } from '../../src/server/db/database.ts';

/** The real application on a test database, driven through `app.inject`. */
export async function createTestApp(
  db: Database,
  options: {
    webRoot?: string;
    extend?: (app: FastifyInstance) => void;
    loginRateLimitPerMinute?: number;
  } = {},
): Promise<FastifyInstance> {
  const { extend, loginRateLimitPerMinute, ...rest } = options;
  const app = await buildApp({
    // Tests sign in many times from one address; the limit itself is tested with a low value.
    config: {
      publicUrl: 'http://localhost:3000',
      trustProxy: false,
      env: 'test',
      loginRateLimitPerMinute: loginRateLimitPerMinute ?? 100_000,
    },
    db,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    ...rest,
  });
  extend?.(app);
  await app.ready();
  afterAll(() => app.close());
  return app;
}
