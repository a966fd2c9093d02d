// Writes the OpenAPI document the server serves at /api/openapi.json to a file, without a database:
// the document comes from the route schemas only, so the app is built on a pool that never connects.
// `node scripts/export-openapi.ts <file>` (default: stdout). `npm run lint:openapi` lints the result.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { buildApp } from '../src/server/app.ts';
import { createDatabase } from '../src/server/db/database.ts';
import { LocalDiskStorage } from '../src/server/storage/local-disk-storage.ts';

/** The OpenAPI document of the application as built from its route schemas. */
export async function exportOpenApiDocument(): Promise<Record<string, unknown>> {
  const logger = pino({ level: 'silent' });
  // Nothing is queried while the document is built; pg connects lazily, so this address is never dialled.
  const db = createDatabase('postgres://openapi@127.0.0.1:1/none', { log: logger, poolSize: 1 });
  const app = await buildApp({
    config: {
      publicUrl: 'http://localhost:3000',
      trustProxy: false,
      env: 'test',
      loginRateLimitPerMinute: 10,
      attachmentMaxBytes: 20 * 1024 * 1024,
    },
    db,
    storage: new LocalDiskStorage(path.join(tmpdir(), 'gehoord-openapi-export')),
    logger,
  });
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
    await db.destroy();
  }
}

if (import.meta.main) {
  const document = `${JSON.stringify(await exportOpenApiDocument(), null, 2)}\n`;
  const target = process.argv[2];
  if (target) writeFileSync(target, document);
  else process.stdout.write(document);
}
