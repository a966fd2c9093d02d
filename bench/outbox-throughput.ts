import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { createDatabase } from '../src/server/db/database.ts';
import { smtpDelivery } from '../src/server/modules/messages/outbox/mail-delivery.ts';
import { createOutboxWorker } from '../src/server/modules/messages/outbox/outbox-worker.ts';

// Issue 24: outbox delivery per worker. N messages are queued on existing complaints and ONE worker (the real
// createOutboxWorker with the real SMTP delivery, its default settings) delivers them to a real SMTP server in
// this process (smtp-server, reading each message to its end). The baseline: the same number of mails sent
// straight through a pooled nodemailer transport to the same server in the same run, with no database at all.

export type OutboxThroughput = {
  messages: number;
  /** The worker: queued → every row `sent`, with its timeline event. */
  messagesPerSecond: number;
  seconds: number;
  /** CPU of this process (worker + SMTP server) per message; PostgreSQL's is not in it. */
  cpuMsPerMessage: number;
  /** Raw pooled nodemailer sends to the same server: what SMTP alone allows here. */
  baselineMessagesPerSecond: number;
  baselineCpuMsPerMessage: number;
  settings: { concurrency: number; smtpConnections: number };
};

/** MAIL_SMTP_CONNECTIONS' default (src/server/config.ts). */
const SMTP_CONNECTIONS = 4;
const FROM = 'Benchmark <klachten@bench.gehoord.test>';
const silent = { info() {}, warn() {}, error() {}, debug() {} };

async function startSink() {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => callback());
    },
  });
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const body = (i: number) =>
  `Geachte heer, mevrouw,\n\nUw klacht is in behandeling. Bericht ${i} van de benchmark.\n\n${'Met vriendelijke groet, '.repeat(20)}\n`;

function cpuMs(since: NodeJS.CpuUsage) {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

async function baseline(url: string, total: number, connections: number) {
  const transport = nodemailer.createTransport({ url, pool: true, maxConnections: connections });
  const cpu = process.cpuUsage();
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: connections * 2 }, async () => {
      for (let i = next++; i < total; i = next++)
        await transport.sendMail({
          from: FROM,
          to: `huurder-${i}@example.nl`,
          subject: `Basis ${i}`,
          text: body(i),
        });
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  transport.close();
  return { perSecond: total / seconds, cpuMsPerMessage: cpuMs(cpu) / total };
}

/** Queues `total` messages for `organizationId` on `complaintIds`, delivers them, then removes what it added. */
export async function measureOutboxThroughput(options: {
  ownerUrl: string;
  organizationId: string;
  complaintIds: readonly string[];
  total: number;
}): Promise<OutboxThroughput> {
  const { ownerUrl, organizationId, complaintIds, total } = options;
  const sink = await startSink();
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  // The worker connects like the server does; claim_outbox_message() switches to the application role
  const db = createDatabase(ownerUrl, { poolSize: 10, log: silent, applicationName: 'gehoord-bench-outbox' });
  const worker = createOutboxWorker({
    db,
    delivery: smtpDelivery(sink.url, FROM, { connections: SMTP_CONNECTIONS }),
    logger: silent,
    backoffMs: 1000,
  });
  let ids: string[] = [];
  try {
    const raw = await baseline(sink.url, total, SMTP_CONNECTIONS);
    // What the other scenarios queued (acknowledgements of registrations) goes first, outside the measurement
    await worker.drain();
    const { rows } = await owner.query<{ id: string }>(
      `insert into outbox_message (organization_id, complaint_id, kind, recipient_to, subject, body_text, next_attempt_at)
       select $1, ($2::uuid[])[1 + (i % cardinality($2::uuid[]))], 'extension_notice',
              array['huurder-' || i || '@example.nl'], 'Benchmark ' || i, $3 || i, now() - interval '1 second'
       from generate_series(0, $4 - 1) as i
       returning id`,
      [organizationId, complaintIds.slice(0, 500), body(0), total],
    );
    ids = rows.map((r) => r.id);
    const cpu = process.cpuUsage();
    const started = performance.now();
    worker.start();
    // Done when every row is marked sent (committed with its timeline event), read every 50 ms
    const deadline = Date.now() + 600_000;
    for (let sent = 0; sent < total; ) {
      await sleep(50);
      const { rows: counted } = await owner.query<{ sent: number }>(
        `select count(*)::int as sent from outbox_message where id = any($1::uuid[]) and status = 'sent'`,
        [ids],
      );
      sent = counted[0]?.sent ?? 0;
      if (Date.now() > deadline) throw new Error(`outbox: ${sent} of ${total} marked sent`);
    }
    const seconds = (performance.now() - started) / 1000;
    const cpuUsed = cpuMs(cpu);
    await worker.stop();
    return {
      messages: total,
      messagesPerSecond: total / seconds,
      seconds,
      cpuMsPerMessage: cpuUsed / total,
      baselineMessagesPerSecond: raw.perSecond,
      baselineCpuMsPerMessage: raw.cpuMsPerMessage,
      settings: { ...worker.settings, smtpConnections: SMTP_CONNECTIONS },
    };
  } finally {
    await worker.stop();
    // A kept data set stays as it was: the benchmark's messages and their timeline events go again
    if (ids.length > 0) {
      await owner.query(
        `delete from complaint_event where type in ('message_sent', 'message_failed')
         and complaint_id = any($2::uuid[]) and payload->>'outboxId' = any($1::text[])`,
        [ids, complaintIds.slice(0, 500)],
      );
      await owner.query('delete from outbox_message where id = any($1::uuid[])', [ids]);
    }
    await owner.end();
    await db.destroy();
    await sink.close();
  }
}
