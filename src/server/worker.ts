import { loadDotEnv, parseConfig } from './config.ts';
import { connectDatabase } from './database-connection.ts';
import { startJobRunner } from './jobs/job-runner.ts';
import { createLogger } from './logger.ts';

// `npm run worker`: the scheduled jobs in their own process, for installations that run several web
// instances with JOBS=off. Several workers may run at once: pg-boss hands each cron slot to one of them.

loadDotEnv();
const config = parseConfig(process.env, { stdoutIsTty: process.stdout.isTTY });
const logger = createLogger(config);
const connection = await connectDatabase(config, logger, { prepareSetupLink: false });
const runner = await startJobRunner({ ownerUrl: connection.ownerUrl, publicUrl: config.publicUrl, logger });

let stopping = false;
async function stop(signal: string) {
  if (stopping) process.exit(1);
  stopping = true;
  logger.info(`${signal} received: stopping the worker`);
  await runner.stop();
  await connection.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
