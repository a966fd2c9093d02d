import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.ts';
import { type Config, ConfigError, loadDotEnv, parseConfig } from './config.ts';
import { connectDatabase } from './database-connection.ts';
import { createLogger } from './logger.ts';

// Composition root: config → database → http. Everything else receives its dependencies.

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
  const connection = await connectDatabase(config, logger).catch((error: unknown) => {
    logger.fatal({ err: error }, 'could not prepare the database');
    process.exit(1);
  });
  const app = await buildApp({
    config,
    db: connection.db,
    logger,
    webRoot: path.join(projectRoot, 'dist/web'),
  });

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
      await connection.close();
      logger.info('stopped cleanly');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'error while stopping');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    logger.fatal({ err: error }, `cannot listen on ${config.host}:${config.port}`);
    await connection.close();
    process.exit(1);
  }
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  logger.info(
    { database: connection.embedded ? 'embedded' : 'external' },
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
}

await main();
