import pino from 'pino';
import { expect, test } from 'vitest';
import { inOrganization } from '../../src/server/db/tenant-scope.ts';
import { smtpDelivery } from '../../src/server/modules/messages/outbox/mail-delivery.ts';
import { createOutboxWorker } from '../../src/server/modules/messages/outbox/outbox-worker.ts';
import { enqueueMessage } from '../../src/server/modules/messages/outbox.repository.ts';
import { createTestApp } from '../support/app.ts';
import { createComplaintWorld, register } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { startSmtpSink } from '../support/smtp-sink.ts';

// Issue 24: parallel delivery loops over a pool of SMTP connections, and two workers side by side.

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const sink = await startSmtpSink({
  faults: { seed: 24, temporaryRate: 0, permanentRate: 0, latencyMs: [1, 8] },
});
const FROM = 'Woonstichting Test <klachten@corporatie.example>';
const silent = pino({ level: 'silent' });
// No e-mail address: the registration's own acknowledgement is a letter to post, not a mail in these counts
const complaint = await register(world.as.eva, {
  channel: 'phone',
  complainant: { name: 'Huurder Parallel' },
  description: 'Meerdere berichten tegelijk',
});

function worker(options: { concurrency?: number; backoffMs?: number } = {}) {
  return createOutboxWorker({
    db: database.app,
    delivery: smtpDelivery(sink.url, FROM, { connections: 3 }),
    logger: silent,
    pollIntervalMs: 20,
    ...options,
  });
}

async function queue(prefix: string, count: number): Promise<string[]> {
  return inOrganization(database.app, world.organization.id, async (trx) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++)
      ids.push(
        await enqueueMessage(trx, {
          organizationId: world.organization.id,
          complaintId: complaint.id,
          kind: 'extension_notice',
          to: [`${prefix}-${i}@example.nl`],
          subject: `${prefix} ${i}`,
          bodyText: `Bericht ${i}`,
        }),
      );
    return ids;
  });
}

async function rows(ids: string[]) {
  return database.owner
    .selectFrom('outbox_message')
    .select(['id', 'status', 'attempts', 'last_error', 'recipient_to'])
    .where('id', 'in', ids)
    .execute();
}

function arrivals(ids: string[]) {
  const wanted = new Set(ids);
  const counts = new Map<string, number>();
  for (const mail of sink.received) {
    const id = String(mail.parsed.headers.get('x-gehoord-outbox-id'));
    if (wanted.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

async function waitUntil(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function sentEvents(ids: string[]) {
  const events = await database.owner
    .selectFrom('complaint_event')
    .select('payload')
    .where('complaint_id', '=', complaint.id)
    .where('type', '=', 'message_sent')
    .execute();
  return events.map((e) => String(e.payload.outboxId)).filter((id) => ids.includes(id));
}

test('two workers with four loops each deliver 200 messages: every one exactly once, one timeline event each', async () => {
  const ids = await queue('twee-werkers', 200);
  const first = worker();
  const second = worker();
  first.start();
  second.start();
  await waitUntil(async () => (await rows(ids)).every((r) => r.status === 'sent'), 'all sent');
  await first.stop();
  await second.stop();

  const counts = arrivals(ids);
  expect(counts.size).toBe(200);
  expect([...counts.values()].every((n) => n === 1)).toBe(true);
  expect((await rows(ids)).every((r) => r.attempts === 1)).toBe(true);
  expect((await sentEvents(ids)).sort()).toEqual([...ids].sort());
});

test('a failure in the middle of the run: only the refused messages are retried, the others go once', async () => {
  const ids = await queue('midden', 40);
  const deferred = [13, 14, 20, 27].map((i) => `midden-${i}@example.nl`);
  for (const address of deferred) sink.reject.set(address, { code: 451, message: '4.3.0 Try again later' });
  const running = worker({ backoffMs: 5000 });
  running.start();
  await waitUntil(
    async () => (await rows(ids)).filter((r) => r.status === 'sent').length === 36,
    'the 36 others sent',
  );
  const afterFirstRound = await rows(ids);
  const waiting = afterFirstRound.filter((r) => r.status === 'pending');
  expect(waiting.map((r) => r.recipient_to[0]).sort()).toEqual([...deferred].sort());
  for (const row of waiting) expect(row.last_error).toContain('451');

  // The mailboxes take mail again: the backoff brings exactly those four back
  for (const address of deferred) sink.reject.delete(address);
  await waitUntil(async () => (await rows(ids)).every((r) => r.status === 'sent'), 'the retried ones sent');
  await running.stop();

  const final = await rows(ids);
  const counts = arrivals(ids);
  expect(counts.size).toBe(40);
  expect([...counts.values()].every((n) => n === 1)).toBe(true);
  for (const row of final)
    expect(row.attempts, row.recipient_to[0]).toBe(deferred.includes(row.recipient_to[0] as string) ? 2 : 1);
  expect((await sentEvents(ids)).sort()).toEqual([...ids].sort());
});

test('stop() closes the pooled SMTP connections; so does a one-off drain', async () => {
  const before = sink.openConnections();
  const ids = await queue('pool', 30);
  const running = worker();
  running.start();
  await waitUntil(async () => (await rows(ids)).every((r) => r.status === 'sent'), 'all sent');
  // Delivered, and the pool keeps its connections open for the next messages
  expect(sink.openConnections()).toBeGreaterThan(before);
  await running.stop();
  await waitUntil(() => sink.openConnections() === before, 'the connections closed', 5_000);

  const more = await queue('drain', 5);
  expect(await worker().drain()).toBe(5);
  expect(arrivals(more).size).toBe(5);
  await waitUntil(() => sink.openConnections() === before, 'the drain closing its connections', 5_000);
});

test('the loops take turns handing over: never two mails at the server before their commits (≤ 1 duplicate per kill)', async () => {
  const ids = await queue('beurt', 24);
  let inHandover = 0;
  let most = 0;
  let committedBehind = 0;
  const real = smtpDelivery(sink.url, FROM, { connections: 3 });
  const running = createOutboxWorker({
    db: database.app,
    logger: silent,
    concurrency: 4,
    delivery: {
      mode: 'smtp',
      async send(mail) {
        inHandover += 1;
        most = Math.max(most, inHandover);
        // The previous mail's row is committed before this one is handed over
        const unmarked = await database.owner
          .selectFrom('outbox_message')
          .select('id')
          .where('id', 'in', ids)
          .where('status', '=', 'pending')
          .where('id', '!=', mail.outboxId)
          .execute();
        const delivered = arrivals(ids).size;
        committedBehind = Math.max(committedBehind, delivered - (ids.length - 1 - unmarked.length));
        try {
          return await real.send(mail);
        } finally {
          inHandover -= 1;
        }
      },
      close: () => real.close(),
    },
  });
  running.start();
  await waitUntil(async () => (await rows(ids)).every((r) => r.status === 'sent'), 'all sent');
  await running.stop();
  expect(most).toBe(1);
  // When a mail is handed over, every mail the server accepted before it is already marked sent
  expect(committedBehind).toBe(0);
});
