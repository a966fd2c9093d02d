import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { createDatabase, type Database } from './db/database.ts';
import { startEmbeddedPostgres } from './db/embedded-postgres.ts';
import { migrateToLatest } from './db/migrate.ts';
import { ensureDefaultOrganization } from './modules/organization/organization.service.ts';
import { prepareSetupLink } from './modules/setup/setup.service.ts';

export type DatabaseConnection = {
  db: Database;
  /** Owner connection string: for background work that spans organisations (jobs, mail delivery). */
  ownerUrl: string;
  embedded: boolean;
  /** One-time link to create the first administrator, while the installation has no staff. */
  setupUrl: string | null;
  /** How long each step took (ms) and which migrations were applied: logged with "ready" (cold start ≤ 3 s). */
  steps: { postgresMs: number; migrationsMs: number; appliedMigrations: string[] };
  close(): Promise<void>;
};

/**
 * Connects to DATABASE_URL, or starts the embedded PostgreSQL in DATA_DIR when none is given;
 * migrates with the owner connection, then hands out the application-role pool.
 */
export async function connectDatabase(
  config: Config,
  logger: Logger,
  // Tools such as the import CLI must not replace the setup link a starting server printed.
  options: { prepareSetupLink?: boolean } = {},
): Promise<DatabaseConnection> {
  const started = performance.now();
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir, logger);
  const postgresMs = performance.now() - started;
  const ownerUrl = embedded?.ownerUrl ?? (config.databaseOwnerUrl as string);
  const appUrl = embedded?.appUrl ?? (config.databaseUrl as string);
  let setupUrl: string | null = null;
  let applied: string[] = [];
  let migrationsMs = 0;
  try {
    const owner = createDatabase(ownerUrl, { poolSize: 2, log: logger, applicationName: 'gehoord-migrate' });
    try {
      const migrating = performance.now();
      applied = await migrateToLatest(owner);
      migrationsMs = performance.now() - migrating;
      if (applied.length > 0) logger.info({ migrations: applied }, `applied ${applied.length} migration(s)`);
      if (await ensureDefaultOrganization(owner)) logger.info('created the default organisation');
      if (options.prepareSetupLink !== false)
        setupUrl = await prepareSetupLink(owner, config.publicUrl, new Date());
    } finally {
      await owner.destroy();
    }
    const db = createDatabase(appUrl, { poolSize: config.databasePoolSize, log: logger });
    return {
      db,
      ownerUrl,
      embedded: embedded !== null,
      setupUrl,
      steps: { postgresMs, migrationsMs, appliedMigrations: applied },
      close: async () => {
        await db.destroy();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
