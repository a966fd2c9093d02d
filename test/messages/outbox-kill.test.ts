import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { outboxIdFromMessageId } from '../../src/server/modules/messages/outbox/mail-delivery.ts';
import { createTestApp } from '../support/app.ts';
import { clockEnvironment } from '../support/clock.ts';
import { createComplaintWorld, register } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { startSmtpSink } from '../support/smtp-sink.ts';

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const sink = await startSmtpSink();
const root = path.resolve(import.meta.dirname, '../..');
const CONCURRENCY = 2;
const TOTAL = 200;

function startWorker() {
  let output = '';
  const child = spawn(process.execPath, [path.join(root, 'test/support/outbox-worker-process.ts')], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: database.appUrl,
      SMTP_URL: sink.url,
      MAIL_FROM: 'Gehoord <klachten@corporatie.example>',
      WORKER_CONCURRENCY: String(CONCURRENCY),
      ...clockEnvironment(),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (c: Buffer) => {
    output += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    output += c.toString();
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code)),
  );
  return { child, exited, output: () => output };
}

async function until(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('the outbox survives a worker killed mid-delivery', () => {
  test(`${TOTAL} queued messages, SIGKILL while sending, restart: each delivered, none lost, duplicates only as the same message`, async () => {
    const complaint = await register(world.as.eva, {
      channel: 'phone',
      complainantId: world.tenant.id,
      description: 'Veel post.',
    });
    const ids = (
      await database.owner
        .insertInto('outbox_message')
        .values(
          Array.from({ length: TOTAL }, (_, i) => ({
            organization_id: world.organization.id,
            complaint_id: complaint.id,
            kind: 'acknowledgement',
            recipient_to: [`huurder-${i}@example.nl`],
            subject: `Bericht ${i}`,
            body_text: `Inhoud van bericht ${i}`,
          })),
        )
        .returning('id')
        .execute()
    ).map((r) => r.id);

    const first = startWorker();
    await until(() => sink.received.length >= 60, 'the first 60 deliveries');
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    const atKill = sink.received.length;
    expect(atKill).toBeLessThan(TOTAL); // killed mid-run, not after

    const second = startWorker();
    const pending = async () =>
      Number(
        (
          await database.owner
            .selectFrom('outbox_message')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('id', 'in', ids)
            .where('status', '!=', 'sent')
            .executeTakeFirstOrThrow()
        ).n,
      );
    await until(async () => (await pending()) === 0, 'every message sent');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    // Count at the sink: every outbox row arrived, identified by its Message-ID
    const delivered = sink.received.map((m) => outboxIdFromMessageId(m.parsed.messageId ?? ''));
    const distinct = new Set(delivered);
    expect([...distinct].sort()).toEqual([...ids].sort());
    for (const mail of sink.received) {
      const id = outboxIdFromMessageId(mail.parsed.messageId ?? '');
      const index = ids.indexOf(id ?? '');
      expect(mail.envelopeTo).toEqual([`huurder-${index}@example.nl`]);
      expect(mail.parsed.text?.trim()).toBe(`Inhoud van bericht ${index}`);
    }
    // At-least-once: a message can only arrive twice if the kill fell between the server's "250 OK" and
    // our commit, i.e. at most one per delivery loop, and then with the same Message-ID (recognisable).
    const duplicates = sink.received.length - distinct.size;
    expect(duplicates).toBeLessThanOrEqual(CONCURRENCY);
    console.info(
      `kill test: ${atKill} delivered before the kill, ${sink.received.length} in all, ${duplicates} duplicate(s)`,
    );

    // The database saw each message as sent exactly once: one row per message, one timeline event each
    const events = await database.owner
      .selectFrom('complaint_event')
      .select('payload')
      .where('complaint_id', '=', complaint.id)
      .where('type', '=', 'message_sent')
      .execute();
    const eventIds = events.map((e) => e.payload.outboxId as string).filter((id) => ids.includes(id));
    expect(eventIds).toHaveLength(TOTAL);
    expect(new Set(eventIds).size).toBe(TOTAL);
  }, 90_000);
});
