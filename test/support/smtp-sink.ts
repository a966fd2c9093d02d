import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll } from 'vitest';

export type ReceivedMail = {
  /** SMTP envelope recipients (RCPT TO), which include the cc. */
  envelopeTo: string[];
  parsed: ParsedMail;
  raw: Buffer;
};

/**
 * A flaky mail server: each delivery is answered after a random delay; a message whose Message-ID falls in
 * `permanentRate` is always refused (550), any other attempt fails temporarily (451) with `temporaryRate`.
 * Decisions hash the seed with the Message-ID and the attempt number, so they do not depend on timing.
 */
export type SmtpFaults = {
  seed: number;
  temporaryRate: number;
  permanentRate: number;
  latencyMs: [min: number, max: number];
};

export type DeliveryAttempt = {
  messageId: string | null;
  outboxId: string | null;
  outcome: 'accepted' | 'temporary' | 'permanent';
};

export type SmtpSink = {
  url: string;
  port: number;
  received: ReceivedMail[];
  /** Every message that reached DATA, accepted or not (the RCPT refusals of `reject` are not in it). */
  attempts: DeliveryAttempt[];
  /** Answer RCPT TO for these addresses with this SMTP error (e.g. 550 unknown user). */
  reject: Map<string, { code: number; message: string }>;
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** SMTP connections open right now (a pooled client keeps its connections until it closes them). */
  openConnections(): number;
  close(): Promise<void>;
};

export function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const list = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return list.flatMap((a) => a.value.map((v) => v.address ?? ''));
}

/** FNV-1a over the text, as a fraction in [0, 1): the same input always gives the same draw. */
function draw(seed: number, text: string): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  hash = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d) >>> 0;
  return ((hash ^ (hash >>> 13)) >>> 0) / 2 ** 32;
}

function smtpError(code: number, message: string) {
  const error = new Error(message) as Error & { responseCode: number };
  error.responseCode = code;
  return error;
}

/** A real SMTP server on loopback (smtp-server); every accepted message is parsed with mailparser. */
export async function startSmtpSink(options: { faults?: SmtpFaults } = {}): Promise<SmtpSink> {
  const { faults } = options;
  const received: ReceivedMail[] = [];
  const attempts: DeliveryAttempt[] = [];
  const attemptsPerMessage = new Map<string, number>();
  const reject = new Map<string, { code: number; message: string }>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    // No reverse DNS of 127.0.0.1 per connection: it only adds latency we do not control
    disableReverseLookup: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = reject.get(address.address.toLowerCase());
      if (refusal === undefined) return callback();
      return callback(smtpError(refusal.code, refusal.message));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks);
        const parsed = await simpleParser(raw);
        if (faults !== undefined) {
          const messageId = parsed.messageId ?? null;
          const outboxHeader = parsed.headers.get('x-gehoord-outbox-id');
          const outboxId = typeof outboxHeader === 'string' ? outboxHeader : null;
          const key = messageId ?? raw.toString('base64').slice(0, 64);
          const attempt = (attemptsPerMessage.get(key) ?? 0) + 1;
          attemptsPerMessage.set(key, attempt);
          const [min, max] = faults.latencyMs;
          await new Promise((r) =>
            setTimeout(r, min + draw(faults.seed, `latency ${key} ${attempt}`) * (max - min)),
          );
          const outcome =
            draw(faults.seed, `permanent ${key}`) < faults.permanentRate
              ? 'permanent'
              : draw(faults.seed, `temporary ${key} ${attempt}`) < faults.temporaryRate
                ? 'temporary'
                : 'accepted';
          attempts.push({ messageId, outboxId, outcome });
          if (outcome === 'permanent') return callback(smtpError(550, '5.7.1 Message refused'));
          if (outcome === 'temporary') return callback(smtpError(451, '4.3.0 Try again later'));
        }
        received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), parsed, raw });
        callback();
      });
    },
  });
  // A client killed mid-conversation resets its connection: expected in fault tests, not a sink failure
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  const sink: SmtpSink = {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    attempts,
    reject,
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} mails, got ${received.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return received;
    },
    openConnections: () => (server as unknown as { connections: Set<unknown> }).connections.size,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  afterAll(() => sink.close());
  return sink;
}
