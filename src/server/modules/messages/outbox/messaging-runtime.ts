import type { Logger } from 'pino';
import type { Config } from '../../../config.ts';
import type { Database } from '../../../db/database.ts';
import { createImapIntake } from '../intake/imap-intake.ts';
import { type Delivery, mailboxDelivery, smtpDelivery } from './mail-delivery.ts';
import { createOutboxWorker } from './outbox-worker.ts';

export function createDelivery(mail: Config['mail']): Delivery {
  return mail.smtpUrl
    ? smtpDelivery(mail.smtpUrl, mail.from, { connections: mail.smtpConnections })
    : mailboxDelivery(mail.mailboxDir, mail.from);
}

/** The background side of messaging, started next to the HTTP server and stopped before the database. */
export function startMessaging(config: Pick<Config, 'mail' | 'imap'>, db: Database, logger: Logger) {
  const workers: { stop(): Promise<void> }[] = [];
  if (config.mail.worker) {
    const worker = createOutboxWorker({
      db,
      delivery: createDelivery(config.mail),
      logger: logger.child({ component: 'outbox-worker' }),
      maxAttempts: config.mail.maxAttempts,
      backoffMs: config.mail.retryBaseMs,
      pollIntervalMs: config.mail.pollMs,
      concurrency: config.mail.concurrency,
    });
    worker.start();
    workers.push(worker);
  }
  if (config.imap !== null) {
    const intake = createImapIntake({
      db,
      imap: config.imap,
      logger: logger.child({ component: 'imap-intake' }),
    });
    intake.start();
    workers.push(intake);
  }
  return {
    async stop() {
      await Promise.all(workers.map((w) => w.stop()));
    },
  };
}
