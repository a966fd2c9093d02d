import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import pino from 'pino';
import { describe, expect, test } from 'vitest';
import { acknowledgementSendAt } from '../../src/domain/index.ts';
import { toSystemTime } from '../../src/server/clock.ts';
import { inOrganization } from '../../src/server/db/tenant-scope.ts';
import { createImapIntake } from '../../src/server/modules/messages/intake/imap-intake.ts';
import { processInboundMail } from '../../src/server/modules/messages/intake/inbound-mail.service.ts';
import { mailboxDelivery, messageIdFor } from '../../src/server/modules/messages/outbox/mail-delivery.ts';
import { createOutboxWorker } from '../../src/server/modules/messages/outbox/outbox-worker.ts';
import { getCurrentCalendarSettings } from '../../src/server/modules/reference-data/calendar-settings.repository.ts';
import { createTestApp } from '../support/app.ts';
import { testNow } from '../support/clock.ts';
import { createComplaintWorld } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { dovecotAvailable, startDovecot } from '../support/dovecot.ts';

const FROM = 'Woonstichting Test <klachten@corporatie.example>';
const silent = pino({ level: 'silent' });
const builder = nodemailer.createTransport({ streamTransport: true, buffer: true });

async function compose(options: SendMailOptions): Promise<string> {
  const info = await builder.sendMail(options);
  return (info.message as Buffer).toString();
}

async function intakeSuite() {
  const database = await createTestDatabase();
  const app = await createTestApp(database.app);
  const world = await createComplaintWorld(database.owner, app);
  const dovecot = await startDovecot();
  const intake = createImapIntake({
    db: database.app,
    imap: {
      url: dovecot.url,
      mailbox: 'INBOX',
      processedMailbox: 'Verwerkt',
      organization: undefined,
      pollSeconds: 60,
    },
    logger: silent,
  });
  await database.owner
    .updateTable('person')
    .set({ email: 'Jannie@Example.nl' })
    .where('id', '=', world.tenant.id)
    .execute();

  const complaintsOf = () =>
    database.owner
      .selectFrom('complaint')
      .select(['id', 'reference', 'channel', 'status', 'description', 'complainant_id', 'received_at'])
      .execute();
  const eventsOf = (complaintId: string) =>
    database.owner
      .selectFrom('complaint_event')
      .select(['type', 'summary', 'payload', 'contact_kind', 'contact_direction'])
      .where('complaint_id', '=', complaintId)
      .orderBy('id')
      .execute();

  test('a new e-mail becomes a complaint: HTML to plain text, attachment kept, original stored, moved', async () => {
    const raw = await compose({
      from: 'Kees Klager <kees@example.nl>',
      to: 'klachten@corporatie.example',
      subject: 'Schimmel in de badkamer',
      messageId: '<nieuw-1@example.nl>',
      html:
        '<p>Al <b>maanden</b> schimmel &amp; vocht.</p><script>alert("x")</script>' +
        '<img src="https://tracker.example/pixel.gif"><p>Graag een oplossing.</p>',
      attachments: [
        { filename: 'foto-badkamer.jpg', content: Buffer.from('nep-jpeg-inhoud'), contentType: 'image/jpeg' },
      ],
    });
    await dovecot.append(raw);
    expect(await intake.poll()).toMatchObject({ complaint: 1, reply: 0 });

    const [complaint] = await complaintsOf();
    expect(complaint).toMatchObject({ channel: 'email', status: 'new' });
    expect(complaint?.description).toContain('Schimmel in de badkamer');
    expect(complaint?.description).toMatch(/Al maanden schimmel & vocht\./i);
    expect(complaint?.description).toContain('Graag een oplossing.');
    expect(complaint?.description).not.toMatch(/<|alert|script|tracker/);
    const person = await database.owner
      .selectFrom('person')
      .select(['name', 'email'])
      .where('id', '=', complaint?.complainant_id ?? '')
      .executeTakeFirstOrThrow();
    expect(person).toEqual({ name: 'Kees Klager', email: 'kees@example.nl' });

    const stored = await database.owner.selectFrom('inbound_mail').selectAll().executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      outcome: 'complaint',
      complaint_id: complaint?.id,
      message_id: '<nieuw-1@example.nl>',
      attachment_names: ['foto-badkamer.jpg'],
    });
    expect(stored.raw.toString()).toContain('Subject: Schimmel in de badkamer');
    const received = (await eventsOf(complaint?.id ?? '')).find((e) => e.type === 'email_received');
    expect(received).toMatchObject({ contact_kind: 'email', contact_direction: 'inbound' });
    expect(received?.payload.attachments).toEqual([
      { fileName: 'foto-badkamer.jpg', contentType: 'image/jpeg', sizeBytes: 15 },
    ]);

    // the acknowledgement is queued to the sender, threaded under the original
    const ack = await database.owner
      .selectFrom('outbox_message')
      .selectAll()
      .where('complaint_id', '=', complaint?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(ack).toMatchObject({
      kind: 'acknowledgement',
      recipient_to: ['kees@example.nl'],
      in_reply_to: '<nieuw-1@example.nl>',
    });

    expect(await dovecot.subjects('INBOX')).toEqual([]);
    expect(await dovecot.subjects('Verwerkt')).toEqual(['Schimmel in de badkamer']);
  });

  test('a known sender is matched to the person; replies by In-Reply-To or reference join the existing case', async () => {
    await dovecot.append(
      await compose({
        from: 'J. de Vries <jannie@example.nl>',
        to: 'klachten@corporatie.example',
        subject: 'Lift kapot',
        messageId: '<lift-1@example.nl>',
        text: 'De lift doet het al een week niet.',
      }),
    );
    expect(await intake.poll()).toMatchObject({ complaint: 1 });
    const lift = (await complaintsOf()).find((c) => c.description.startsWith('Lift kapot'));
    expect(lift?.complainant_id).toBe(world.tenant.id);
    // the mail server dates on real time; the receipt stands on the server clock (decision 042), so at a set
    // clock a mail that just arrived is received now, not on the machine's day
    expect(Math.abs((lift?.received_at.getTime() ?? 0) - testNow().getTime())).toBeLessThan(10 * 60_000);

    // our acknowledgement waits for triage (issue 21, policy 1.2: a repair request must get one message
    // only); it carries a Message-ID derived from its outbox id
    const worker = createOutboxWorker({
      db: database.app,
      delivery: mailboxDelivery(
        path.join(await mkdtemp(path.join(tmpdir(), 'gehoord-mail-')), 'mailbox'),
        FROM,
      ),
      logger: silent,
    });
    await worker.drain();
    const ack = await database.owner
      .selectFrom('outbox_message')
      .select(['id', 'status', 'next_attempt_at'])
      .where('complaint_id', '=', lift?.id ?? '')
      .executeTakeFirstOrThrow();
    // held until the next working day's cut-off on the server clock; the outbox waits that long in real time
    // (next_attempt_at against the database's now()), whatever the clock is set to
    expect(ack.status).toBe('pending');
    const settings = await inOrganization(database.app, world.organization.id, (trx) =>
      getCurrentCalendarSettings(trx),
    );
    const heldUntil = acknowledgementSendAt({
      channel: 'email',
      registeredByStaff: false,
      receivedAt: lift?.received_at ?? new Date(0),
      now: lift?.received_at ?? new Date(0),
      settings,
    });
    expect(ack.next_attempt_at.toISOString()).toBe(toSystemTime(heldUntil).toISOString());
    expect(ack.next_attempt_at.getTime()).toBeGreaterThan(Date.now());

    // the complainant answers our mail (the subject is rewritten by her mail program), then writes again quoting the reference
    await dovecot.append(
      await compose({
        from: 'jannie@example.nl',
        to: 'klachten@corporatie.example',
        subject: 'Antw: bevestiging',
        messageId: '<lift-2@example.nl>',
        inReplyTo: messageIdFor(ack.id, FROM),
        references: ['<lift-1@example.nl>', messageIdFor(ack.id, FROM)],
        text: 'Dank u. Hij is nu weer kapot, ook de noodtelefoon.',
      }),
    );
    await dovecot.append(
      await compose({
        from: 'jannie@example.nl',
        to: 'klachten@corporatie.example',
        subject: `Nog iets over ${lift?.reference}`,
        messageId: '<lift-3@example.nl>',
        text: 'Mijn buurvrouw kan ook niet naar beneden.',
        attachments: [
          {
            filename: 'brief-buurvrouw.pdf',
            content: Buffer.from('%PDF-1.4 nep'),
            contentType: 'application/pdf',
          },
        ],
      }),
    );
    expect(await intake.poll()).toMatchObject({ complaint: 0, reply: 2 });
    expect((await complaintsOf()).filter((c) => c.description.startsWith('Lift kapot'))).toHaveLength(1);
    const messages = (await eventsOf(lift?.id ?? '')).filter((e) => e.type === 'complainant_message');
    expect(messages.map((m) => m.summary)).toEqual([
      'Dank u. Hij is nu weer kapot, ook de noodtelefoon.',
      'Mijn buurvrouw kan ook niet naar beneden.',
    ]);
    expect(messages[1]?.payload.attachments).toMatchObject([{ fileName: 'brief-buurvrouw.pdf' }]);
    expect(messages.every((m) => m.contact_kind === 'email' && m.contact_direction === 'inbound')).toBe(true);

    // a stranger quoting the reference does not write into this case: it becomes a complaint of its own
    await dovecot.append(
      await compose({
        from: 'vreemde@example.org',
        to: 'klachten@corporatie.example',
        subject: `Over ${lift?.reference}`,
        messageId: '<vreemd-1@example.org>',
        text: 'Ik wil ook iets kwijt over die lift.',
      }),
    );
    expect(await intake.poll()).toMatchObject({ complaint: 1, reply: 0 });
    expect((await eventsOf(lift?.id ?? '')).filter((e) => e.type === 'complainant_message')).toHaveLength(2);
  });

  test('auto-replies and bounces are recognised, recorded, moved, and never become complaints', async () => {
    const before = (await complaintsOf()).length;
    await dovecot.append(
      await compose({
        from: 'jannie@example.nl',
        to: 'klachten@corporatie.example',
        subject: 'Automatisch antwoord: Wij hebben uw klacht ontvangen',
        messageId: '<ooo-1@example.nl>',
        headers: { 'Auto-Submitted': 'auto-replied' },
        text: 'Ik ben afwezig tot en met 3 januari.',
      }),
    );
    await dovecot.append(
      [
        'From: Mail Delivery System <MAILER-DAEMON@mx.example.nl>',
        'To: klachten@corporatie.example',
        'Subject: Undelivered Mail Returned to Sender',
        'Message-ID: <bounce-1@mx.example.nl>',
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
        '',
        '--b1',
        'Content-Type: text/plain',
        '',
        'Your message could not be delivered.',
        '--b1',
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.example.nl',
        '',
        'Final-Recipient: rfc822; weg@example.nl',
        'Action: failed',
        'Status: 5.1.1',
        '--b1--',
        '',
      ].join('\r\n'),
    );
    expect(await intake.poll()).toMatchObject({ auto_reply: 1, bounce: 1, complaint: 0, reply: 0 });
    expect(await complaintsOf()).toHaveLength(before);
    const outcomes = await database.owner
      .selectFrom('inbound_mail')
      .select(['message_id', 'outcome', 'complaint_id'])
      .where('message_id', 'in', ['<ooo-1@example.nl>', '<bounce-1@mx.example.nl>'])
      .orderBy('message_id')
      .execute();
    expect(outcomes).toEqual([
      { message_id: '<bounce-1@mx.example.nl>', outcome: 'bounce', complaint_id: null },
      { message_id: '<ooo-1@example.nl>', outcome: 'auto_reply', complaint_id: null },
    ]);
    expect(await dovecot.subjects('INBOX')).toEqual([]);
  });

  test('each mail is processed once: a redelivered copy and a crash before the move change nothing', async () => {
    const raw = await compose({
      from: 'piet@example.nl',
      to: 'klachten@corporatie.example',
      subject: 'Tuinonderhoud',
      messageId: '<tuin-1@example.nl>',
      text: 'Het gras is al maanden niet gemaaid.',
    });
    // processed, then "crashed" before it was moved: it is still in the inbox for the next pass
    const source = {
      mailbox: 'INBOX',
      uidValidity: '1',
      uid: '999',
      raw: Buffer.from(raw),
      receivedAt: null,
    };
    const first = await processInboundMail(database.app, world.organization.id, source);
    expect(first.outcome).toBe('complaint');
    expect(await processInboundMail(database.app, world.organization.id, source)).toEqual({
      outcome: 'already_processed',
      complaintId: first.complaintId,
      inboundMailId: first.inboundMailId,
    });
    // the same mail delivered again under a new UID is recognised by its Message-ID
    await dovecot.append(raw);
    expect(await intake.poll()).toMatchObject({ complaint: 0, already_processed: 1 });
    expect((await complaintsOf()).filter((c) => c.description.startsWith('Tuinonderhoud'))).toHaveLength(1);
    expect(await dovecot.subjects('INBOX')).toEqual([]);
    expect(await intake.poll()).toMatchObject({ complaint: 0, reply: 0, already_processed: 0 });
  });
}

// Without dovecot the suite is not set up at all (its setup starts the server); CI always installs it.
if (dovecotAvailable) describe('e-mail intake from a real IMAP server (dovecot)', intakeSuite);
else {
  console.warn(
    'imap-intake tests skipped: dovecot is not installed (apt-get install dovecot-imapd; CI installs it)',
  );
  test.skip('e-mail intake from a real IMAP server (needs dovecot-imapd)', () => {});
}
