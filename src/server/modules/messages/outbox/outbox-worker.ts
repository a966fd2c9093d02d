import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from 'pino';
import { restoreStatusLink } from '../../../../domain/index.ts';
import type { Database } from '../../../db/database.ts';
import type { Scoped } from '../../../db/tenant-scope.ts';
import { messageEvents } from '../message-events.ts';
import {
  claimNextOutboxMessage,
  insertMessageEvent,
  markOutboxAttemptFailed,
  markOutboxMessageSent,
  type OutboxRow,
} from '../outbox-worker.repository.ts';
import type { Delivery } from './mail-delivery.ts';

export type OutboxWorkerOptions = {
  db: Database;
  delivery: Delivery;
  logger: Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;
  /** After this many failed attempts a message is 'failed' and shows on the case and in the admin view. */
  maxAttempts?: number;
  /** First retry delay; doubled per attempt up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** How long an idle loop waits before looking for due messages again. */
  pollIntervalMs?: number;
  /**
   * Parallel delivery loops; each holds at most one claimed message, its transaction and a database
   * connection while the mail is handed over. They share the delivery's SMTP connection pool.
   */
  concurrency?: number;
};

export type OutboxWorker = {
  readonly settings: { concurrency: number };
  start(): void;
  /**
   * Delivers every message that is due now, one at a time; for tests and one-off runs. Returns how many were
   * handled. When the worker is not started, its SMTP connections are closed afterwards.
   */
  drain(): Promise<number>;
  /** Finishes the messages in hand and stops; nothing new is claimed. */
  stop(): Promise<void>;
};

export function backoffDelay(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * Delivers the transactional outbox.
 *
 * Claim, send and mark happen in ONE database transaction: `claim_outbox_message()` locks the next due
 * row (FOR UPDATE SKIP LOCKED, so parallel workers never take the same row), the mail is handed to the
 * server, then the row is marked sent and the timeline event written, and the transaction commits. If the
 * process dies anywhere before that commit, PostgreSQL drops the lock and the row is simply due again:
 * nothing is lost and no lease has to expire. The one window left is "server accepted, commit not yet
 * done": the retry then sends the same message again, with the same Message-ID (derived from the outbox
 * id). Delivery is therefore at-least-once, and a duplicate is always recognisable as one.
 */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const maxAttempts = options.maxAttempts ?? 8;
  const backoffMs = options.backoffMs ?? 30_000;
  const maxBackoffMs = options.maxBackoffMs ?? 3_600_000;
  const pollIntervalMs = options.pollIntervalMs ?? 2_000;
  const concurrency = options.concurrency ?? 4;
  const { db, delivery, logger } = options;
  let stopping = false;
  let loops: Promise<void>[] = [];
  let wake = new AbortController();

  // One handover at a time: a loop holds this from handing its mail to the server until its transaction has
  // committed, so at any moment at most one message is accepted by the server but not yet marked sent
  let handover: Promise<void> = Promise.resolve();
  function takeTurn(): Promise<() => void> {
    const previous = handover;
    let release = () => {};
    handover = new Promise<void>((resolve) => {
      release = resolve;
    });
    return previous.then(() => release);
  }

  async function processOne(): Promise<boolean> {
    let release: (() => void) | null = null;
    try {
      return await db.transaction().execute(async (trx) => {
        // Claiming and reading the row overlap with another loop's handover
        const message = await claimNextOutboxMessage(trx);
        if (message === null) return false;
        const mail = {
          outboxId: message.id,
          to: message.recipient_to,
          cc: message.recipient_cc,
          subject: message.subject,
          text: restoreStatusLink(message.body_text, message.secret_link),
          html: message.body_html === null ? null : restoreStatusLink(message.body_html, message.secret_link),
          inReplyTo: message.in_reply_to,
        };
        release = await takeTurn();
        try {
          const { providerMessageId } = await delivery.send(mail);
          await markSent(trx, message, providerMessageId);
          logger.debug({ outboxId: message.id, kind: message.kind }, 'message delivered');
        } catch (error) {
          await markAttemptFailed(trx, message, error);
        }
        return true;
      });
    } finally {
      // After the commit (or the rollback): the next loop may hand over its mail
      (release as (() => void) | null)?.();
    }
  }

  async function markSent(trx: Scoped, message: OutboxRow, providerMessageId: string) {
    await markOutboxMessageSent(trx, message, providerMessageId, {
      providerMessageId,
      mode: delivery.mode,
      bodyText: message.body_text,
    });
  }

  async function markAttemptFailed(trx: Scoped, message: OutboxRow, error: unknown) {
    const attempts = message.attempts + 1;
    const lastError = describe(error);
    const permanent = attempts >= maxAttempts || isPermanent(error);
    await markOutboxAttemptFailed(trx, message.id, {
      permanent,
      attempts,
      lastError,
      nextAttemptAt: new Date(Date.now() + backoffDelay(attempts, backoffMs, maxBackoffMs)),
    });
    // Addresses and texts stay out of the log; the id leads to them for those allowed to look
    // Server replies can name the recipient: the log gets codes only, the full reply is on the row
    logger.warn(
      { outboxId: message.id, attempts, permanent, code: errorCode(error) },
      'message not delivered',
    );
    if (!permanent) return;
    if (message.complaint_id !== null)
      await insertMessageEvent(trx, message, 'message_failed', { attempts, error: lastError });
    // The administrators are told in the app (notifications, decision 029)
    await messageEvents.publish(trx, 'message.dead_lettered', { message, at: new Date() });
  }

  async function loop() {
    while (!stopping) {
      let handled = false;
      try {
        handled = await processOne();
      } catch (error) {
        logger.error({ err: error }, 'outbox worker: could not process the outbox');
      }
      if (!handled && !stopping)
        await delay(pollIntervalMs, undefined, { signal: wake.signal }).catch(() => {});
    }
  }

  return {
    settings: { concurrency },
    start() {
      if (loops.length > 0) return;
      stopping = false;
      wake = new AbortController();
      loops = Array.from({ length: concurrency }, () => loop());
      logger.info({ mode: delivery.mode, concurrency }, 'outbox worker started');
    },
    async drain() {
      let count = 0;
      while (await processOne()) count += 1;
      // A one-off run leaves no SMTP connection open; a started worker keeps its pool until stop()
      if (loops.length === 0) delivery.close();
      return count;
    },
    async stop() {
      stopping = true;
      wake.abort();
      await Promise.all(loops);
      loops = [];
      delivery.close();
      logger.info('outbox worker stopped');
    },
  };
}

/** An SMTP 5xx on the recipients or the message will not get better by waiting. */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

function describe(error: unknown): string {
  const e = error as { code?: unknown; responseCode?: unknown; message?: unknown };
  const parts = [e.code, e.responseCode, e.message].filter((p) => p !== undefined && p !== null);
  return (parts.length > 0 ? parts.join(' ') : String(error)).slice(0, 1000);
}

function errorCode(error: unknown): string {
  const e = error as { code?: unknown; responseCode?: unknown };
  return [e.code, e.responseCode].filter((p) => p !== undefined && p !== null).join(' ') || 'unknown';
}
