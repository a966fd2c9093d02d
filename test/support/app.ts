import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll } from 'vitest';
import { type AppDeps, buildApp } from '../../src/server/app.ts';
import type { OidcConfig, PortalConfig } from '../../src/server/config.ts';
import type { Database } from '../../src/server/db/database.ts';
import type { ErasureLedger } from '../../src/server/modules/privacy/erasure/erasure-ledger.ts';
import type { BlobStorage } from '../../src/server/storage/blob-storage.ts';
import { LocalDiskStorage } from '../../src/server/storage/local-disk-storage.ts';

/** Where the platform administrator's API answers in tests (decision 047). */
export const PLATFORM_TEST_HOST = 'platform.localhost';

/** The real application on a test database, driven through `app.inject`. */
export async function createTestApp(
  db: Database,
  options: {
    webRoot?: string;
    extend?: (app: FastifyInstance) => void;
    loginRateLimitPerMinute?: number;
    /** TRUST_PROXY: honour X-Forwarded-* from every peer, none (default) or these addresses/ranges. */
    trustProxy?: boolean | string[];
    /** Single sign-on against a provider the test started; off when omitted. */
    oidc?: OidcConfig;
    /** Attachment files; default: local disk in a temporary folder removed after the file's tests. */
    storage?: BlobStorage;
    attachmentMaxBytes?: number;
    /** Where erased ids are kept outside the database (privacy); not kept when omitted. */
    erasureLedger?: ErasureLedger;
    /** Prometheus metrics (decision 046); off when omitted. */
    metrics?: AppDeps['metrics'];
    /** The portal's abuse limits; production defaults when omitted. */
    portal?: PortalConfig;
  } = {},
): Promise<FastifyInstance> {
  const { extend, loginRateLimitPerMinute, trustProxy, oidc, storage, attachmentMaxBytes, portal, ...rest } =
    options;
  let blobs = storage;
  if (blobs === undefined) {
    const directory = await mkdtemp(path.join(tmpdir(), 'gehoord-blobs-'));
    afterAll(() => rm(directory, { recursive: true, force: true }));
    blobs = new LocalDiskStorage(directory);
  }
  const app = await buildApp({
    // Tests sign in many times from one address; the limit itself is tested with a low value.
    config: {
      publicUrl: 'http://localhost:3000',
      trustProxy: trustProxy ?? false,
      env: 'test',
      loginRateLimitPerMinute: loginRateLimitPerMinute ?? 100_000,
      oidc: oidc ?? null,
      attachmentMaxBytes: attachmentMaxBytes ?? 20 * 1024 * 1024,
      ...(portal ? { portal } : {}),
      platformHost: PLATFORM_TEST_HOST,
    },
    db,
    storage: blobs,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    ...rest,
  });
  extend?.(app);
  await app.ready();
  afterAll(() => app.close());
  return app;
}
