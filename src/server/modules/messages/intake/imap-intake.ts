import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from 'pino';
import { fromSystemTime } from '../../../clock.ts';
import type { Config } from '../../../config.ts';
import type { Database } from '../../../db/database.ts';
import { loadOnce } from '../../../load-once.ts';
import { findIntakeOrganizationId } from './inbound-mail.repository.ts';
import { processInboundMail } from './inbound-mail.service.ts';

export type ImapIntakeOptions = {
  db: Database;
  imap: NonNullable<Config['imap']>;
  logger: Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;
};

export type PollResult = {
  complaint: number;
  reply: number;
  auto_reply: number;
  bounce: number;
  already_processed: number;
};

export type ImapIntake = {
  /** One pass over the mailbox: every message in it is processed and moved. */
  poll(): Promise<PollResult>;
  start(): void;
  stop(): Promise<void>;
};

const loadImapFlow = loadOnce(async () => (await import('imapflow')).ImapFlow);

async function clientFor(url: string, logger: ImapIntakeOptions['logger']) {
  const ImapFlow = await loadImapFlow();
  const parsed = new URL(url);
  const secure = parsed.protocol === 'imaps:';
  return new ImapFlow({
    host: parsed.hostname,
    port: parsed.port === '' ? (secure ? 993 : 143) : Number(parsed.port),
    secure,
    auth: { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) },
    logger: false,
    // Polling, not IDLE: a pass connects, empties the inbox and leaves
    disableAutoIdle: true,
  }).on('error', (error: unknown) => logger.warn({ err: error }, 'IMAP connection error'));
}

async function organizationOf(db: Database, slug: string | undefined): Promise<string> {
  const id = await findIntakeOrganizationId(db, slug);
  if (!id) throw new Error(`IMAP intake: no organisation ${slug ?? '(default)'}`);
  return id;
}

/**
 * Polls the complaints mailbox. Each message is processed (exactly once, see processInboundMail) and
 * then moved to the processed folder; a crash between the two leaves it in the inbox, and the next
 * pass recognises it by UID/Message-ID and only moves it.
 */
export function createImapIntake(options: ImapIntakeOptions): ImapIntake {
  const { db, imap, logger } = options;
  let stopping = false;
  let running: Promise<void> | null = null;
  let wake = new AbortController();

  async function poll(): Promise<PollResult> {
    const counts: PollResult = { complaint: 0, reply: 0, auto_reply: 0, bounce: 0, already_processed: 0 };
    const organizationId = await organizationOf(db, imap.organization);
    const client = await clientFor(imap.url, logger);
    await client.connect();
    try {
      const existing = await client.list();
      if (!existing.some((m) => m.path === imap.processedMailbox))
        await client.mailboxCreate(imap.processedMailbox);
      const lock = await client.getMailboxLock(imap.mailbox);
      try {
        const mailbox = client.mailbox;
        if (mailbox === false || mailbox.exists === 0) return counts;
        const uidValidity = String(mailbox.uidValidity);
        const uids = (await client.search({ all: true }, { uid: true })) || [];
        for (const uid of uids.sort((a, b) => a - b)) {
          if (stopping) break;
          const message = await client.fetchOne(
            String(uid),
            { source: true, internalDate: true },
            { uid: true },
          );
          if (message === false || message.source === undefined) continue;
          // the mail server dates on real time; the receipt is a business moment on the server clock
          const internalDate = message.internalDate ? fromSystemTime(new Date(message.internalDate)) : null;
          const result = await processInboundMail(db, organizationId, {
            mailbox: imap.mailbox,
            uidValidity,
            uid: String(uid),
            raw: message.source,
            receivedAt: internalDate,
          });
          counts[result.outcome] += 1;
          logger.info({ outcome: result.outcome, complaintId: result.complaintId }, 'inbound mail processed');
          await client.messageMove(String(uid), imap.processedMailbox, { uid: true });
        }
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => client.close());
    }
    return counts;
  }

  async function loop() {
    while (!stopping) {
      try {
        await poll();
      } catch (error) {
        logger.error({ err: error }, 'IMAP intake: poll failed; trying again later');
      }
      if (!stopping) await delay(imap.pollSeconds * 1000, undefined, { signal: wake.signal }).catch(() => {});
    }
  }

  return {
    poll,
    start() {
      if (running !== null) return;
      stopping = false;
      wake = new AbortController();
      running = loop();
      logger.info({ mailbox: imap.mailbox }, 'IMAP intake started');
    },
    async stop() {
      stopping = true;
      wake.abort();
      await running;
      running = null;
    },
  };
}
