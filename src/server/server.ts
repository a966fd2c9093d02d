import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { buildApp } from './app.ts';
import { serverClockOffsetMs, serverNow, startServerClock } from './clock.ts';
import { type Config, ConfigError, loadDotEnv, parseConfig } from './config.ts';
import { connectDatabase, type DatabaseConnection } from './database-connection.ts';
import type { JobRunner } from './jobs/job-runner.ts';
import { createLogger } from './logger.ts';
import { InstanceConflictError, registerInstance } from './modules/instances/registry/instance-registry.ts';
import { startMessaging } from './modules/messages/outbox/messaging-runtime.ts';
import { linkOnHost, preparePlatformAdminLink } from './modules/platform/index.ts';
import { defaultLedgerFile, ErasureLedger } from './modules/privacy/erasure/erasure-ledger.ts';
import { stopTracing } from './observability/tracing.ts';
import { createBlobStorage } from './storage/create-blob-storage.ts';

// Composition root (started by main.ts): config → database → http. Everything else receives its dependencies.

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function readConfig(): Config {
  try {
    loadDotEnv();
    return parseConfig(process.env, { stdoutIsTty: process.stdout.isTTY });
  } catch (error) {
    if (error instanceof ConfigError || (error as NodeJS.ErrnoException).code === 'ERR_INVALID_ARG_VALUE') {
      console.error(`Gehoord cannot start. ${(error as Error).message}`);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config);
  const startedAt = Date.now();
  // Cold start (issue 13: ≤ 3 s) step by step, in the "ready" line: ms since the process started
  const modulesMs = performance.now();
  startServerClock(config.clock);
  if (config.clock)
    logger.info(
      { clock: serverNow().toISOString(), clockOffsetMs: serverClockOffsetMs() },
      'server clock set by GEHOORD_CLOCK',
    );
  const connection = await connectDatabase(config, logger).catch((error: unknown) => {
    logger.fatal({ err: error }, 'could not prepare the database');
    process.exit(1);
  });
  // issue 20: a second instance beside local attachment storage is refused now, not with 500s later
  const instance = await registerInstance(connection.db, {
    storageDriver: config.storage.driver,
    runsJobs: config.jobs === 'in-process',
    onHeartbeatError: (error) => logger.warn({ err: error }, 'instance heartbeat failed'),
    onReinstated: () =>
      logger.warn('this instance had been removed from the registry as stale; registered again'),
  }).catch(async (error: unknown) => {
    await connection.close();
    if (error instanceof InstanceConflictError) {
      console.error(`Gehoord cannot start: ${error.message}`);
      process.exit(1);
    }
    logger.fatal({ err: error }, 'could not register this instance');
    process.exit(1);
  });
  const registeredAt = performance.now();
  const storage = createBlobStorage(config.storage);
  const erasureLedger = new ErasureLedger(defaultLedgerFile(config.dataDir));
  // Metrics only when asked for (METRICS_TOKEN / METRICS_PORT, decision 046): prom-client loads only then
  const observed = await startMetrics(config, connection, logger);
  const app = await buildApp({
    config,
    db: connection.db,
    storage,
    erasureLedger,
    logger,
    ...(observed ? { metrics: { metrics: observed.metrics, token: config.metrics.token } } : {}),
    webRoot: path.join(projectRoot, 'dist/web'),
  });

  let messaging: ReturnType<typeof startMessaging> | null = null;
  let jobs: JobRunner | null = null;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      logger.warn(`${signal} again: exiting at once`);
      process.exit(1);
    }
    stopping = true;
    logger.info(`${signal} received: finishing open requests and stopping`);
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    force.unref();
    try {
      await app.close();
      await observed?.close();
      // The worker finishes the message in hand (its transaction) before the pool goes away
      await messaging?.stop();
      await jobs?.stop();
      await storage.close();
      await instance.stop();
      await connection.close();
      logger.info('stopped cleanly');
      await stopTracing();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'error while stopping');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const builtAt = performance.now();
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    logger.fatal({ err: error }, `cannot listen on ${config.host}:${config.port}`);
    await instance.stop();
    await connection.close();
    process.exit(1);
  }
  const listeningAt = performance.now();
  messaging = startMessaging(config, connection.db, logger);
  if (config.jobs === 'in-process') {
    // pg-boss only loads where the jobs run (JOBS=off leaves them to `npm run worker`)
    const { startJobRunner } = await import('./jobs/job-runner.ts');
    jobs = await startJobRunner({
      ownerUrl: connection.ownerUrl,
      publicUrl: config.publicUrl,
      logger,
      privacy: { storage, ledger: erasureLedger },
    });
  }
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  const { steps } = connection;
  const ms = (value: number) => Math.round(value);
  logger.info(
    {
      database: connection.embedded ? 'embedded' : 'external',
      attachments: config.storage.driver,
      // Marks in ms since the process started; serving begins at `listening`, the job runner starts after it.
      startupMs: {
        modulesLoaded: ms(modulesMs),
        registered: ms(registeredAt),
        appBuilt: ms(builtAt),
        listening: ms(listeningAt),
        jobsStarted: ms(performance.now()),
      },
      // Durations within the database step. Migrations applied at this start are named: the first start after an
      // upgrade includes them, a restart does not (docs/performance.md, "Run D regressions").
      databaseMs: { postgres: ms(steps.postgresMs), migrations: ms(steps.migrationsMs) },
      ...(steps.appliedMigrations.length > 0 ? { appliedMigrations: steps.appliedMigrations } : {}),
    },
    `Gehoord is ready at ${config.publicUrl} (${seconds} s); API docs at ${config.publicUrl}/api/docs`,
  );
  if (connection.setupUrl) {
    // Printed, not logged: the link is a one-time secret for whoever started Gehoord.
    console.log(
      `\n  Gehoord is nog niet ingericht. Open deze eenmalige link (24 uur geldig) om de eerste beheerder aan te maken,\n` +
        `  eventueel met de demo-organisatie / First run: open this one-time link (valid 24 h) to create the first administrator:\n\n` +
        `  ${connection.setupUrl}\n`,
    );
  }
  // Decision 047: the first platform administrator, when PLATFORM_ADMIN_EMAIL names one and none exists yet.
  if (config.platformAdminEmail) {
    const link = await preparePlatformAdminLink(
      connection.db,
      config.platformAdminEmail,
      linkOnHost(config.publicUrl, config.platformHost, ''),
      new Date(),
    ).catch((error: unknown) => {
      logger.error({ err: error }, 'could not prepare the platform administrator link');
      return null;
    });
    if (link)
      console.log(
        `\n  Platformbeheerder: stel met deze eenmalige link (24 uur geldig) een wachtwoord in / Platform administrator: ` +
          `set a password with this one-time link (valid 24 h):\n\n  ${link}\n`,
      );
  }
}

async function startMetrics(config: Config, connection: DatabaseConnection, logger: Logger) {
  if (config.metrics.token === null && config.metrics.port === null) return null;
  const [{ createMetrics }, { startMetricsListener }, { createDatabase }] = await Promise.all([
    import('./observability/metrics.ts'),
    import('./observability/metrics.routes.ts'),
    import('./db/database.ts'),
  ]);
  // The figures count across organisations: one owner connection of their own, used once a minute at most
  const owner = createDatabase(connection.ownerUrl, {
    poolSize: 1,
    log: logger,
    applicationName: 'gehoord-metrics',
  });
  const metrics = createMetrics({ db: connection.db, owner, now: serverNow, log: logger });
  const listener =
    config.metrics.port === null
      ? null
      : await startMetricsListener(metrics, { port: config.metrics.port, host: config.metrics.host }).catch(
          async (error: unknown) => {
            logger.fatal(
              { err: error },
              `cannot listen for metrics on ${config.metrics.host}:${config.metrics.port}`,
            );
            await owner.destroy();
            await connection.close();
            process.exit(1);
          },
        );
  if (listener) logger.info(`metrics at http://${config.metrics.host}:${listener.port}/metrics`);
  return {
    metrics,
    close: async () => {
      await listener?.close();
      await owner.destroy();
    },
  };
}

await main();
