import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import type StreamTransport from 'nodemailer/lib/stream-transport';
import { loadOnce } from '../../../load-once.ts';

export type OutboundMail = {
  outboxId: string;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  html: string | null;
  inReplyTo: string | null;
};

export type Delivery = {
  /** Where mail goes: 'smtp' or 'mailbox' (local .eml files). */
  readonly mode: 'smtp' | 'mailbox';
  send(mail: OutboundMail): Promise<{ providerMessageId: string }>;
  close(): void;
};

/**
 * The Message-ID is derived from the outbox id: a retry after a crash between "server accepted" and
 * "marked sent" carries the same id, so the receiving side (and our IMAP intake, via In-Reply-To) can
 * recognise it as the same message.
 */
export function messageIdFor(outboxId: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'gehoord.invalid';
  return `<outbox-${outboxId}@${domain}>`;
}

/** Recognises our own Message-ID in a reply's In-Reply-To or References header. */
export function outboxIdFromMessageId(messageId: string): string | null {
  const match = /<outbox-([0-9a-f-]{36})@[^>]+>/i.exec(messageId);
  return match?.[1]?.toLowerCase() ?? null;
}

const loadNodemailer = loadOnce(async () => (await import('nodemailer')).default);

function envelope(mail: OutboundMail, from: string) {
  return {
    from,
    to: mail.to,
    cc: mail.cc,
    subject: mail.subject,
    text: mail.text,
    ...(mail.html === null ? {} : { html: mail.html }),
    messageId: messageIdFor(mail.outboxId, from),
    ...(mail.inReplyTo === null ? {} : { inReplyTo: mail.inReplyTo, references: mail.inReplyTo }),
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Gehoord-Outbox-Id': mail.outboxId },
  };
}

export type SmtpPoolOptions = {
  /** SMTP connections kept open and used in parallel. */
  connections?: number;
  /** Messages per connection before it is closed and a fresh one opened. */
  messagesPerConnection?: number;
};

/**
 * SMTP through nodemailer over a pool of open connections (issue 24): a message no longer pays for a TCP
 * connect, greeting and EHLO; the server's reply ("250 … queued as …") is kept as the provider id.
 */
export function smtpDelivery(smtpUrl: string, from: string, pool: SmtpPoolOptions = {}): Delivery {
  // Created on the first message: a process that never sends mail never loads nodemailer. After close()
  // the next message opens a new pool (a one-off drain closes its connections when it is done).
  let transporter: Promise<Transporter<SMTPPool.SentMessageInfo>> | null = null;
  const connect = () => {
    transporter ??= loadNodemailer().then((nodemailer) =>
      nodemailer.createTransport({
        url: smtpUrl,
        pool: true,
        maxConnections: pool.connections ?? 4,
        maxMessages: pool.messagesPerConnection ?? 100,
        // A hung server must not hold the claimed row (and its transaction) for ever
        connectionTimeout: 30_000,
        greetingTimeout: 30_000,
        socketTimeout: 60_000,
      }),
    );
    return transporter;
  };
  return {
    mode: 'smtp',
    async send(mail) {
      const info = await (await connect()).sendMail(envelope(mail, from));
      return { providerMessageId: String(info.response ?? info.messageId).slice(0, 500) };
    },
    // Closes the pool's connections (QUIT; one in the middle of a message finishes it first)
    close() {
      const closing = transporter;
      transporter = null;
      void closing?.then((t) => t.close()).catch(() => {});
    },
  };
}

/**
 * Without SMTP_URL: the raw message is written to `directory/<outbox id>.eml`, so a newcomer sees what
 * would have gone out. Written to a temporary name and renamed: a file is either complete or absent, and
 * a retry overwrites it instead of adding a second copy.
 */
export function mailboxDelivery(directory: string, from: string): Delivery {
  let builder: Transporter<StreamTransport.SentMessageInfo> | null = null;
  const connect = loadOnce(async () => {
    const nodemailer = await loadNodemailer();
    builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    return builder;
  });
  return {
    mode: 'mailbox',
    async send(mail) {
      const info = await (await connect()).sendMail(envelope(mail, from));
      await mkdir(directory, { recursive: true, mode: 0o700 });
      const name = `${mail.outboxId}.eml`;
      const temporary = path.join(directory, `.${name}.tmp`);
      await writeFile(temporary, info.message as Buffer, { mode: 0o600 });
      await rename(temporary, path.join(directory, name));
      return { providerMessageId: `mailbox:${name}` };
    },
    close: () => builder?.close(),
  };
}
