// `npm run db:migrate`: applies pending migrations to DATABASE_OWNER_URL / DATABASE_URL, or to the embedded database.
import { ConfigError, loadDotEnv, parseConfig } from '../config.ts';
import { connectDatabase } from '../database-connection.ts';
import { createLogger } from '../logger.ts';

try {
  loadDotEnv();
  const config = parseConfig(process.env, { stdoutIsTty: process.stdout.isTTY });
  const logger = createLogger(config);
  const connection = await connectDatabase(config, logger);
  await connection.close();
  logger.info('database is up to date');
} catch (error) {
  console.error(error instanceof ConfigError ? `Gehoord cannot start. ${error.message}` : error);
  process.exit(1);
}
