import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import jsqr from 'jsqr';
import pino from 'pino';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, test } from 'vitest';
import { smtpDelivery } from '../../src/server/modules/messages/outbox/mail-delivery.ts';
import { createOutboxWorker } from '../../src/server/modules/messages/outbox/outbox-worker.ts';
import { createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { signInAs } from '../support/sessions.ts';
import { startSmtpSink } from '../support/smtp-sink.ts';
import { createStaffUser } from '../support/staff-factories.ts';
import { createPortalApp, formTokenIn, postForm, submitComplaint, textOf } from './portal-support.ts';

// Issue 21: every complainant can follow their complaint, whatever the channel. For each channel: register →
// acknowledgement (the real mail through SMTP, or the letter PDF whose QR code is decoded from the rendered
// page) → open its link or type its code → add information → answer → rate.

const run = promisify(execFile);
// jsqr is CommonJS with an ES-style `default`: its types and Node's interop disagree about where the function is
const jsQR = ((jsqr as unknown as { default?: unknown }).default ?? jsqr) as (
  data: Uint8ClampedArray,
  width: number,
  height: number,
) => { data: string } | null;
const database = await createTestDatabase();
const app = await createPortalApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const sink = await startSmtpSink();
afterAll(() => sink.close());
const worker = createOutboxWorker({
  db: database.app,
  delivery: smtpDelivery(sink.url, 'Woonstichting Test <klachten@corporatie.example>'),
  logger: pino({ level: 'silent' }),
});
const work = await mkdtemp(path.join(tmpdir(), 'gehoord-follow-'));
afterAll(() => rm(work, { recursive: true, force: true }));

const LINK = /http:\/\/localhost:3000(\/klacht\/status\/[A-Za-z0-9_-]{43})/;

/** Sends what is queued and returns the mail of this kind to this address (the link as the tenant gets it). */
async function mailTo(email: string, subjectPart: string) {
  await worker.drain();
  const mail = sink.received.findLast(
    (m) => m.envelopeTo.includes(email) && (m.parsed.subject ?? '').includes(subjectPart),
  );
  expect(mail, `a mail "${subjectPart}" to ${email}`).toBeDefined();
  return mail?.parsed.text ?? '';
}

function linkIn(text: string): string {
  const match = LINK.exec(text);
  expect(match, text).not.toBeNull();
  return match?.[1] ?? '';
}

/** The letter as the tenant reads it: its text (pdftotext) and its QR code decoded from the printed page. */
async function readLetter(pdf: Buffer, name: string) {
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const file = path.join(work, `${name}.pdf`);
  await writeFile(file, pdf);
  const { stdout: text } = await run('pdftotext', ['-layout', file, '-']);
  await run('pdftoppm', [
    '-png',
    '-r',
    '150',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    file,
    path.join(work, name),
  ]);
  const png = PNG.sync.read(await readFile(path.join(work, `${name}.png`)));
  const qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(qr, 'a QR code on the first page').not.toBeNull();
  const code = /Code\s+([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(text)?.[1];
  expect(code, text).toBeDefined();
  return { text, qr: qr?.data ?? '', code: code ?? '' };
}

async function letter(complaintId: string, kind: 'acknowledgement' | 'answer') {
  const response = await world.as.eva.request({
    method: 'GET',
    url: `/api/complaints/${complaintId}/${kind}-letter.pdf`,
  });
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  expect(response.headers['content-type']).toBe('application/pdf');
  return response.rawPayload;
}

async function openStatus(statusPath: string, reference: string) {
  const page = await app.inject({ method: 'GET', url: statusPath });
  expect(page.statusCode).toBe(200);
  expect(textOf(page.body)).toContain(reference);
  return page.body;
}

/** Types the code and reference on /klacht/status as the tenant would; returns where it leads. */
async function typeCode(code: string, reference: string, remoteAddress = '10.0.0.1') {
  const form = await app.inject({ method: 'GET', url: '/klacht/status', remoteAddress });
  expect(form.statusCode).toBe(200);
  return postForm(
    app,
    '/klacht/status',
    { formToken: formTokenIn(form.body), code, reference },
    { remoteAddress },
  );
}

async function addInformation(statusPath: string, complaintId: string, text: string) {
  const page = await app.inject({ method: 'GET', url: statusPath });
  const sent = await postForm(app, `${statusPath}/bericht`, {
    formToken: formTokenIn(page.body),
    message: text,
  });
  expect(sent.statusCode).toBe(303);
  expect(sent.headers.location).toBe(`${statusPath}?sent=message`);
  const detail = await world.as.eva.request({ method: 'GET', url: `/api/complaints/${complaintId}` });
  const timeline = detail.json().timeline as { type: string; summary: string | null }[];
  expect(timeline.filter((e) => e.type === 'complainant_message').map((e) => e.summary)).toContain(text);
}

async function answer(complaintId: string, text: string) {
  await step(world.as.eva, complaintId, 'triage', {
    outcome: 'complaint',
    category: 'no_or_late_answer',
    subject: { kind: 'department', departmentId: world.wonen.id },
  });
  await step(world.as.eva, complaintId, 'contacts', {
    kind: 'phone',
    direction: 'outbound',
    summary: 'Gebeld.',
  });
  await step(world.as.eva, complaintId, 'assessment', {
    kind: 'policy_not_followed',
    verdict: 'upheld',
    apologyOffered: true,
    errorAdmitted: true,
    demonstrableDamage: false,
  });
  await step(world.as.eva, complaintId, 'answer', { text });
}

/** Rates on the status page: the answer is shown before the questions; a low score reaches the manager. */
async function rate(statusPath: string, complaintId: string, answerText: string) {
  const page = await openStatus(statusPath, '');
  const answerAt = page.indexOf(answerText);
  expect(answerAt).toBeGreaterThan(-1);
  expect(answerAt).toBeLessThan(page.indexOf('id="satisfaction-title"'));
  const rated = await postForm(app, `${statusPath}/tevredenheid`, {
    formToken: formTokenIn(page),
    handling: '2',
    outcome: '1',
    comment: 'Het duurde te lang.',
  });
  expect(rated.statusCode).toBe(303);
  expect(rated.headers.location).toBe(`${statusPath}?sent=satisfaction`);
  const stored = await database.owner
    .selectFrom('complaint_satisfaction')
    .select(['handling', 'outcome'])
    .where('complaint_id', '=', complaintId)
    .executeTakeFirst();
  expect(stored).toEqual({ handling: 2, outcome: 1 });
  const notified = await database.owner
    .selectFrom('notification')
    .select(['user_id', 'kind'])
    .where('complaint_id', '=', complaintId)
    .where('kind', '=', 'low_satisfaction')
    .execute();
  // issue 22: the handler and the accountable manager, each once
  const { handler_id } = await database.owner
    .selectFrom('complaint')
    .select('handler_id')
    .where('id', '=', complaintId)
    .executeTakeFirstOrThrow();
  expect(notified.map((n) => n.user_id).sort()).toEqual(
    [...new Set([world.people.mia.id, handler_id])].sort(),
  );
}

async function personWith(values: { name: string; email?: string | null; unit?: boolean; address?: string }) {
  return database.owner
    .insertInto('person')
    .values({
      organization_id: world.organization.id,
      name: values.name,
      email: values.email ?? null,
      relation: 'tenant',
      unit_id: values.unit ? world.unit.id : null,
      postal_address: values.address ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Staff never read a token: not in the outbox text, not in the timeline. */
async function expectNoTokenForStaff(complaintId: string, token: string) {
  const outbox = await database.owner
    .selectFrom('outbox_message')
    .select(['body_text'])
    .where('complaint_id', '=', complaintId)
    .execute();
  for (const row of outbox) expect(row.body_text).not.toContain(token);
  const events = await database.owner
    .selectFrom('complaint_event')
    .select(['payload', 'summary'])
    .where('complaint_id', '=', complaintId)
    .execute();
  expect(JSON.stringify(events)).not.toContain(token);
}

describe('every channel: register → acknowledgement → open → add information → answer → rate (issue 21)', () => {
  test.each(['phone', 'email', 'desk'] as const)(
    '%s, complainant with e-mail: links from the real mails',
    async (channel) => {
      const email = `${channel}@example.nl`;
      const person = await personWith({ name: `Klager ${channel}`, email, unit: true });
      const complaint = await register(world.as.eva, {
        channel,
        complainantId: person.id,
        description: `Via ${channel}: de monteur kwam niet.`,
      });
      const acknowledgement = await mailTo(email, 'Wij hebben uw klacht ontvangen');
      const statusPath = linkIn(acknowledgement);
      await openStatus(statusPath, complaint.reference);
      await addInformation(statusPath, complaint.id, `Aanvulling via ${channel}: het was dinsdag.`);

      const answerText = `Wij hebben de monteur aangesproken (${channel}).`;
      await answer(complaint.id, answerText);
      // The answer mail carries its own working link to the same complaint
      const answerMail = await mailTo(email, 'Reactie op uw klacht');
      const answerPath = linkIn(answerMail);
      expect(answerPath).not.toBe(statusPath);
      await rate(answerPath, complaint.id, answerText);
      await expectNoTokenForStaff(complaint.id, statusPath.split('/').at(-1) ?? '');
      await expectNoTokenForStaff(complaint.id, answerPath.split('/').at(-1) ?? '');
    },
  );

  test.each(['letter', 'desk', 'phone'] as const)(
    '%s, complainant without e-mail: the letter’s QR code and code',
    async (channel) => {
      const person = await personWith({ name: `Briefschrijver ${channel}`, unit: true });
      const complaint = await register(world.as.eva, {
        channel,
        complainantId: person.id,
        description: `Per ${channel}: de tochtstrip ontbreekt.`,
      });
      // no e-mail address: no acknowledgement mail, the letter is on the "te posten" list to print instead
      const queued = await database.owner
        .selectFrom('outbox_message')
        .select(['kind', 'status'])
        .where('complaint_id', '=', complaint.id)
        .execute();
      expect(queued.map((m) => [m.kind, m.status])).toEqual([['acknowledgement', 'to_post']]);

      const ack = await readLetter(await letter(complaint.id, 'acknowledgement'), `ack-${channel}`);
      expect(ack.text).toContain(`Briefschrijver ${channel}`);
      expect(ack.text).toContain('Hofweg 12');
      expect(ack.text).toContain('http://localhost:3000/klacht/status');
      expect(ack.text).toContain(complaint.reference);
      expect(ack.text).toContain('Uw klacht volgen');
      // The QR code decodes to the private link, and typing the code (with the reference) leads to the same page
      const qrPath = linkIn(ack.qr);
      await openStatus(qrPath, complaint.reference);
      const typed = await typeCode(
        ack.code.toLowerCase().replaceAll('-', ' '),
        complaint.reference.toLowerCase(),
      );
      expect(typed.statusCode).toBe(303);
      expect(typed.headers.location).toBe(qrPath);
      await addInformation(qrPath, complaint.id, `Aanvulling per ${channel}: ook de achterdeur tocht.`);

      const answerText = `Wij hebben de tochtstrip vervangen (${channel}).`;
      await answer(complaint.id, answerText);
      const answerLetter = await readLetter(await letter(complaint.id, 'answer'), `answer-${channel}`);
      expect(answerLetter.text).toContain('Wij hebben de tochtstrip vervangen');
      expect(answerLetter.code).not.toBe(ack.code);
      const answerPath = linkIn(answerLetter.qr);
      await rate(answerPath, complaint.id, answerText);
      // Nothing staff can read holds the printed code's link
      await expectNoTokenForStaff(complaint.id, qrPath.split('/').at(-1) ?? '');
    },
  );

  test('website: the confirmation mail’s link, then the answer mail’s link', async () => {
    const email = 'web@example.nl';
    // website complaints arrive in the intake department (Wonen, Mia's); she hands it to Eva
    await app.inject({ method: 'GET', url: '/klacht' });
    await database.owner
      .updateTable('portal_settings')
      .set({ intake_department_id: world.wonen.id })
      .where('organization_id', '=', world.organization.id)
      .execute();
    const { token } = await submitComplaint(app, { email, name: 'Webklager' });
    const acknowledgement = await mailTo(email, 'Wij hebben uw klacht ontvangen');
    const statusPath = linkIn(acknowledgement);
    expect(statusPath).toBe(`/klacht/status/${token}`);
    const row = await database.owner
      .selectFrom('complaint')
      .select(['id', 'reference'])
      .where('channel', '=', 'web')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    await openStatus(statusPath, row.reference);
    await addInformation(statusPath, row.id, 'Aanvulling via de website.');
    await step(world.as.mia, row.id, 'assign', { handlerId: world.people.eva.id });
    const answerText = 'Wij hebben de afspraak opnieuw gemaakt (website).';
    await answer(row.id, answerText);
    const answerPath = linkIn(await mailTo(email, 'Reactie op uw klacht'));
    await rate(answerPath, row.id, answerText);
  });
});

describe('bad input (issue 21)', () => {
  test('a wrong code or a wrong reference gets one and the same answer; nothing is opened', async () => {
    const person = await personWith({ name: 'Codeproef', unit: true });
    const complaint = await register(world.as.eva, {
      channel: 'letter',
      complainantId: person.id,
      description: 'Per brief: de lamp in de hal is stuk.',
    });
    const ack = await readLetter(await letter(complaint.id, 'acknowledgement'), 'ack-wrong');
    const other = ack.code.startsWith('0') ? `1${ack.code.slice(1)}` : `0${ack.code.slice(1)}`;
    const wrongCode = await typeCode(other, complaint.reference, '10.0.0.2');
    const wrongReference = await typeCode(ack.code, 'K-1999-00001', '10.0.0.2');
    const malformed = await typeCode('niet-een-code', complaint.reference, '10.0.0.2');
    for (const response of [wrongCode, wrongReference, malformed]) {
      expect(response.statusCode).toBe(400);
      expect(textOf(response.body)).toContain('Deze code en dit kenmerk horen niet bij elkaar');
      expect(response.body).not.toContain(ack.code);
    }
    const empty = await typeCode('', '', '10.0.0.2');
    expect(empty.statusCode).toBe(400);
    expect(textOf(empty.body)).toContain('Vul de code uit de brief in');
    expect(textOf(empty.body)).toContain('Vul het kenmerk uit de brief in');
  });

  test('the English page at the English path', async () => {
    const page = await app.inject({ method: 'GET', url: '/complaint/status' });
    expect(page.statusCode).toBe(200);
    expect(textOf(page.body)).toContain('Follow your complaint with a code');
    expect(page.body).toContain('lang="en"');
    expect(page.body).toContain('href="/klacht/status"');
  });

  test('guessing is rate-limited per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++)
      statuses.push((await typeCode('0000-0000-0000', 'K-2026-00001', '10.0.0.9')).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  test('a withdrawn (revoked) code opens nothing and shows the friendly page for the link', async () => {
    const person = await personWith({ name: 'Ingetrokken', unit: true });
    const complaint = await register(world.as.eva, {
      channel: 'desk',
      complainantId: person.id,
      description: 'Aan de balie: de brievenbus klemt.',
    });
    const ack = await readLetter(await letter(complaint.id, 'acknowledgement'), 'ack-revoked');
    const revoked = await world.as.eva.request({
      method: 'POST',
      url: `/api/complaints/${complaint.id}/status-links/revoke`,
    });
    expect(revoked.statusCode, revoked.body).toBeLessThan(300);
    const link = await app.inject({ method: 'GET', url: linkIn(ack.qr) });
    expect(link.statusCode).toBe(404);
    expect(textOf(link.body)).toContain('Deze link werkt niet');
    const typed = await typeCode(ack.code, complaint.reference, '10.0.0.3');
    expect(typed.statusCode).toBe(400);
  });

  test('a letter for a complainant without a postal address: a clear staff message, no code made', async () => {
    const person = await personWith({ name: 'Zonder adres' });
    const complaint = await register(world.as.eva, {
      channel: 'desk',
      complainantId: person.id,
      description: 'Aan de balie: niemand belt terug.',
    });
    const links = () =>
      database.owner
        .selectFrom('complaint_status_link')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('complaint_id', '=', complaint.id)
        .executeTakeFirstOrThrow();
    const before = await links();
    const response = await world.as.eva.request({
      method: 'GET',
      url: `/api/complaints/${complaint.id}/acknowledgement-letter.pdf`,
    });
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().code).toBe('postal_address_missing');
    expect(response.json().detail ?? response.json().title).toMatch(/postadres/i);
    expect(await links()).toEqual(before);
  });

  test('an API token never gets a printed code: no acknowledgement letter, the answer letter without the box', async () => {
    const admin = await createStaffUser(database.owner, world.organization.id, {
      roles: ['employee', 'admin'],
    });
    const created = await (await signInAs(app, admin.email)).request({
      method: 'POST',
      url: '/api/admin/api-tokens',
      payload: { name: 'Archief', scope: 'full' },
    });
    const bearer = { authorization: `Bearer ${created.json().token}` };
    const person = await personWith({ name: 'Tokenproef', unit: true });
    const complaint = await register(world.as.eva, {
      channel: 'letter',
      complainantId: person.id,
      description: 'Per brief: de trapverlichting is kapot.',
    });
    const ack = await app.inject({
      url: `/api/complaints/${complaint.id}/acknowledgement-letter.pdf`,
      headers: bearer,
    });
    expect(ack.statusCode).toBe(403);
    await answer(complaint.id, 'Wij hebben de trapverlichting gerepareerd.');
    const links = async () =>
      (
        await database.owner
          .selectFrom('complaint_status_link')
          .select('id')
          .where('complaint_id', '=', complaint.id)
          .execute()
      ).length;
    const before = await links();
    const letterByToken = await app.inject({
      url: `/api/complaints/${complaint.id}/answer-letter.pdf`,
      headers: bearer,
    });
    expect(letterByToken.statusCode).toBe(200);
    const file = path.join(work, 'token-answer.pdf');
    await writeFile(file, letterByToken.rawPayload);
    const { stdout } = await run('pdftotext', ['-layout', file, '-']);
    expect(stdout).toContain('Wij hebben de trapverlichting gerepareerd.');
    expect(stdout).not.toContain('Uw klacht volgen');
    expect(await links()).toBe(before);
  });
});
