// Runs the real outbox worker as its own process, so a test can kill it with SIGKILL mid-delivery.
// Env: DATABASE_URL (application role), SMTP_URL, MAIL_FROM, WORKER_CONCURRENCY.
import pino from 'pino';
import { startServerClock } from '../../src/server/clock.ts';
import { createDatabase } from '../../src/server/db/database.ts';
import { registerSubscribers } from '../../src/server/events/register-subscribers.ts';
import { smtpDelivery } from '../../src/server/modules/messages/outbox/mail-delivery.ts';
import { createOutboxWorker } from '../../src/server/modules/messages/outbox/outbox-worker.ts';

const env = process.env;
startServerClock(env.GEHOORD_CLOCK);
const logger = pino({ level: 'warn' });
// Like every entry point: a dead letter tells the administrators (decision 029)
registerSubscribers();
const db = createDatabase(env.DATABASE_URL as string, { poolSize: 4, log: logger });
const worker = createOutboxWorker({
  db,
  delivery: smtpDelivery(env.SMTP_URL as string, env.MAIL_FROM as string),
  logger,
  concurrency: Number(env.WORKER_CONCURRENCY ?? '2'),
  pollIntervalMs: 50,
  backoffMs: 100,
});
worker.start();
console.log('worker ready');
process.on('SIGTERM', async () => {
  await worker.stop();
  await db.destroy();
  process.exit(0);
});
