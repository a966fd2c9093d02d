import nodemailer, { type SendMailOptions } from 'nodemailer';
import { afterAll, expect, test } from 'vitest';
import { messageIdFor } from '../../src/server/modules/messages/outbox/mail-delivery.ts';
import { Random } from '../../src/server/seed/random.ts';
import { createTestApp } from '../support/app.ts';
import { createComplaintWorld } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { dovecotAvailable, startDovecot } from '../support/dovecot.ts';
import { waitForOutput } from '../support/server-process.ts';
import { type App, restartApp, sleep, startApp } from './harness.ts';

// Issue 14: the same e-mail delivered 3 times and 100 distinct ones (90 new complaints, 10 replies to our
// acknowledgements) while the intake process (the real server with IMAP intake on) is SIGKILLed twice.

const NEW_COMPLAINTS = 90;
const REPLIES = 10;
const KILLS = 2;
const FROM = 'Woonstichting Test <klachten@corporatie.example>';
const builder = nodemailer.createTransport({ streamTransport: true, buffer: true });

// The kill moments are random but the same on every run (the data generator's seeded PRNG).
const seeded = new Random(14);
const random = () => seeded.next();

async function compose(options: SendMailOptions): Promise<string> {
  return ((await builder.sendMail(options)).message as Buffer).toString();
}

const complaintMail = (i: number) =>
  compose({
    from: `Huurder ${i} <huurder-${i}@example.nl>`,
    to: 'klachten@corporatie.example',
    subject: `Klacht ${i}`,
    messageId: `<klacht-${i}@example.nl>`,
    text: `Betrouwbaarheidstest intake ${i}: de verwarming doet het niet.`,
  });

// Set up at module level, so the database and dovecot are cleaned up after the file (afterAll)
async function setUp() {
  const database = await createTestDatabase();
  const app = await createTestApp(database.app);
  await createComplaintWorld(database.owner, app);
  return { database, dovecot: await startDovecot() };
}
const world = dovecotAvailable ? await setUp() : null;
let running: App | null = null;
// A failed run must not leave the server process behind
afterAll(() => {
  running?.server.child.kill('SIGKILL');
});

async function intakeReplay() {
  if (world === null) return;
  const { database, dovecot } = world;
  const started = Date.now();

  const processed = async () =>
    Number(
      (
        await database.owner
          .selectFrom('inbound_mail')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const processedAtKill: number[] = [];
  const restartMs: number[] = [];
  const unmovedAtKill: number[] = [];
  async function killWhen(worker: App, count: number): Promise<App> {
    const deadline = Date.now() + 60_000;
    while ((await processed()) < count) {
      if (Date.now() > deadline)
        throw new Error(`intake stuck at ${await processed()}:\n${worker.server.output()}`);
      await sleep(5);
    }
    // At a random moment of the pass (seeded), not right after a commit
    await sleep(Math.floor(random() * 100));
    worker.server.child.kill('SIGKILL');
    await worker.server.exited;
    processedAtKill.push(await processed());
    // Mail recorded but not yet moved when the process died: the next pass must recognise, not redo, it
    const recorded = new Set(
      (await database.owner.selectFrom('inbound_mail').select('message_id').execute()).map(
        (m) => m.message_id,
      ),
    );
    const inbox = await dovecot.subjects('INBOX');
    unmovedAtKill.push(
      inbox.filter((subject) => recorded.has(`<klacht-${/^Klacht (\d+)$/.exec(subject)?.[1]}@example.nl>`))
        .length,
    );
    return worker;
  }
  // The health check alone could be answered by someone else's server on a reused port: wait for our intake
  const ours = async (app: App) => {
    running = app;
    await waitForOutput(app.server, /IMAP intake started/, 30_000);
    return app;
  };
  async function restart(worker: App): Promise<App> {
    const restarting = Date.now();
    const next = await restartApp(worker).then(ours);
    restartMs.push(Date.now() - restarting);
    return next;
  }

  // The triple: one complaint that the mail server delivers three times (a retrying sender, a forward loop)
  const triple = await compose({
    from: 'Piet Dubbel <piet@example.nl>',
    to: 'klachten@corporatie.example',
    subject: 'Lekkage',
    messageId: '<lekkage-drie-keer@example.nl>',
    text: 'Betrouwbaarheidstest intake: het lekt door het plafond.',
  });
  await dovecot.append(triple);
  for (let i = 0; i < 60; i++) await dovecot.append(await complaintMail(i));

  let worker = await startApp(
    { ownerUrl: database.ownerUrl, appUrl: database.appUrl },
    {
      IMAP_URL: dovecot.url,
      IMAP_POLL_SECONDS: '5',
      MAIL_FROM: FROM,
      MAIL_WORKER: 'off',
      JOBS: 'off',
      LOG_LEVEL: 'info',
    },
  ).then(ours);
  worker = await restart(await killWhen(worker, 25));

  // Meanwhile more mail arrives: the second copy, the rest of the complaints, and the complainants' replies
  // to the acknowledgements of the first ten (threaded by In-Reply-To on our Message-ID)
  await dovecot.append(triple);
  for (let i = 60; i < NEW_COMPLAINTS; i++) await dovecot.append(await complaintMail(i));
  const acknowledgements = await database.owner
    .selectFrom('outbox_message')
    .select(['id', 'complaint_id', 'recipient_to'])
    .where('kind', '=', 'acknowledgement')
    .execute();
  const replyTargets = new Map<number, { outboxId: string; complaintId: string }>();
  for (let i = 0; i < REPLIES; i++) {
    const ack = acknowledgements.find((a) => a.recipient_to.includes(`huurder-${i}@example.nl`));
    expect(ack, `acknowledgement of complaint ${i}`).toBeDefined();
    replyTargets.set(i, { outboxId: ack?.id ?? '', complaintId: ack?.complaint_id ?? '' });
    await dovecot.append(
      await compose({
        from: `huurder-${i}@example.nl`,
        to: 'klachten@corporatie.example',
        subject: 'Re: Wij hebben uw klacht ontvangen',
        messageId: `<antwoord-${i}@example.nl>`,
        inReplyTo: messageIdFor(ack?.id ?? '', FROM),
        references: [messageIdFor(ack?.id ?? '', FROM)],
        text: `Aanvulling ${i}: het is nog steeds koud.`,
      }),
    );
  }
  worker = await restart(await killWhen(worker, 70));
  await dovecot.append(triple);

  const distinct = 1 + NEW_COMPLAINTS + REPLIES;
  const deliveries = distinct + 2;
  const deadline = Date.now() + 60_000;
  while ((await processed()) < distinct || (await dovecot.subjects('INBOX')).length > 0) {
    if (Date.now() > deadline) throw new Error(`intake not done:\n${worker.server.output().slice(-3000)}`);
    await sleep(250);
  }
  worker.server.child.kill('SIGTERM');
  expect(await worker.server.exited).toBe(0);
  const durationMs = Date.now() - started;
  for (const count of processedAtKill) expect(count).toBeLessThan(distinct);

  // Nothing lost, nothing left: every delivery moved out of the inbox, every Message-ID recorded once
  expect(await dovecot.subjects('INBOX')).toEqual([]);
  expect(await dovecot.subjects('Verwerkt')).toHaveLength(deliveries);
  const inbound = await database.owner
    .selectFrom('inbound_mail')
    .select(['message_id', 'outcome', 'complaint_id'])
    .execute();
  const expectedIds = [
    '<lekkage-drie-keer@example.nl>',
    ...Array.from({ length: NEW_COMPLAINTS }, (_, i) => `<klacht-${i}@example.nl>`),
    ...Array.from({ length: REPLIES }, (_, i) => `<antwoord-${i}@example.nl>`),
  ];
  expect(inbound.map((m) => m.message_id).sort()).toEqual([...expectedIds].sort());

  // Exactly one case per new complaint, the triple included
  const complaints = await database.owner
    .selectFrom('complaint')
    .select(['id', 'description'])
    .where('channel', '=', 'email')
    .execute();
  expect(complaints).toHaveLength(1 + NEW_COMPLAINTS);
  expect(complaints.filter((c) => c.description.includes('het lekt door het plafond'))).toHaveLength(1);
  for (let i = 0; i < NEW_COMPLAINTS; i++)
    expect(complaints.filter((c) => c.description.includes(`intake ${i}:`))).toHaveLength(1);
  const complaintRows = inbound.filter((m) => m.outcome === 'complaint');
  expect(complaintRows).toHaveLength(1 + NEW_COMPLAINTS);
  expect(new Set(complaintRows.map((m) => m.complaint_id)).size).toBe(1 + NEW_COMPLAINTS);

  // Exactly one threaded message per reply, on the right case
  const messages = await database.owner
    .selectFrom('complaint_event')
    .select(['complaint_id', 'summary'])
    .where('type', '=', 'complainant_message')
    .execute();
  expect(messages).toHaveLength(REPLIES);
  for (const [i, target] of replyTargets) {
    expect(messages.filter((m) => m.summary?.startsWith(`Aanvulling ${i}:`))).toEqual([
      { complaint_id: target.complaintId, summary: `Aanvulling ${i}: het is nog steeds koud.` },
    ]);
  }
  expect(inbound.filter((m) => m.outcome === 'reply')).toHaveLength(REPLIES);

  console.info(
    `intake replay: ${deliveries} deliveries (${distinct} distinct Message-IDs: ${NEW_COMPLAINTS + 1} new, ` +
      `${REPLIES} replies; one delivered 3 times), ${KILLS} kills (at ${processedAtKill.join(', ')} processed; ` +
      `recorded but not yet moved at the kills: ${unmovedAtKill.join(', ')}; ` +
      `restarts took ${restartMs.map((ms) => (ms / 1000).toFixed(1)).join(', ')} s); ` +
      `${complaints.length} complaints, ${messages.length} threaded replies, 0 lost, 0 duplicated, ` +
      `0 left in the inbox; ${(durationMs / 1000).toFixed(1)} s`,
  );
}

if (dovecotAvailable)
  test('e-mail intake replay with the intake process killed twice', intakeReplay, 120_000);
else {
  console.warn(
    'intake replay skipped: dovecot is not installed (apt-get install dovecot-imapd; CI installs it)',
  );
  test.skip('e-mail intake replay (needs dovecot-imapd)', () => {});
}
