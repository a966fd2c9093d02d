import { serverClockOffsetMs, serverNow, startServerClock } from './clock.ts';
import { loadDotEnv, parseConfig } from './config.ts';
import { connectDatabase } from './database-connection.ts';
import { startJobRunner } from './jobs/job-runner.ts';
import { createLogger } from './logger.ts';
import { registerInstance } from './modules/instances/registry/instance-registry.ts';
import { defaultLedgerFile, ErasureLedger } from './modules/privacy/erasure/erasure-ledger.ts';
import { stopTracing } from './observability/tracing.ts';
import { createBlobStorage } from './storage/create-blob-storage.ts';

// `npm run worker` (started by worker.ts): the scheduled jobs in their own process, for installations that run several web
// instances with JOBS=off. Several workers may run at once: pg-boss hands each cron slot to one of them.

loadDotEnv();
const config = parseConfig(process.env, { stdoutIsTty: process.stdout.isTTY });
const logger = createLogger(config);
startServerClock(config.clock);
if (config.clock)
  logger.info(
    { clock: serverNow().toISOString(), clockOffsetMs: serverClockOffsetMs() },
    'server clock set by GEHOORD_CLOCK',
  );
const connection = await connectDatabase(config, logger, { prepareSetupLink: false });
const storage = createBlobStorage(config.storage);
const runner = await startJobRunner({
  ownerUrl: connection.ownerUrl,
  publicUrl: config.publicUrl,
  logger,
  privacy: { storage, ledger: new ErasureLedger(defaultLedgerFile(config.dataDir)) },
});
// In the instance registry as a worker, so the web instances' readiness (JOBS=off) sees a job runner alive
const instance = await registerInstance(connection.db, {
  storageDriver: config.storage.driver,
  kind: 'worker',
  runsJobs: true,
  onHeartbeatError: (error) => logger.warn({ err: error }, 'instance heartbeat failed'),
});

let stopping = false;
async function stop(signal: string) {
  if (stopping) process.exit(1);
  stopping = true;
  logger.info(`${signal} received: stopping the worker`);
  await runner.stop();
  await instance.stop();
  await storage.close();
  await connection.close();
  await stopTracing();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
