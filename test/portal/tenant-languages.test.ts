import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { smtpDelivery } from '../../src/server/modules/messages/outbox/mail-delivery.ts';
import { createOutboxWorker } from '../../src/server/modules/messages/outbox/outbox-worker.ts';
import { createComplaintWorld, register } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { startSmtpSink } from '../support/smtp-sink.ts';
import { createPortalApp, submitComplaint, textOf } from './portal-support.ts';

// Issue 21 (decision 028): Turkish, Arabic and Polish for tenants. The language of the page is stored on the
// complaint, the mails and letters follow it, staff see it, and the Arabic pages read right to left.

const run = promisify(execFile);
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
const work = await mkdtemp(path.join(tmpdir(), 'gehoord-languages-'));
afterAll(() => rm(work, { recursive: true, force: true }));

beforeAll(async () => {
  // website complaints arrive in the intake department (as in follow-every-channel.test.ts)
  await app.inject({ method: 'GET', url: '/klacht' });
  await database.owner
    .updateTable('portal_settings')
    .set({ intake_department_id: world.wonen.id })
    .where('organization_id', '=', world.organization.id)
    .execute();
});

async function mailTo(email: string) {
  await worker.drain();
  const mail = sink.received.findLast((m) => m.envelopeTo.includes(email));
  expect(mail, `a mail to ${email}`).toBeDefined();
  return { subject: mail?.parsed.subject ?? '', text: mail?.parsed.text ?? '' };
}

async function storedLocale(reference: string) {
  const row = await database.owner
    .selectFrom('complaint')
    .select(['id', 'complainant_locale'])
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow();
  return row;
}

function referenceIn(page: string): string {
  const reference = /K-\d{4}-\d{5}/.exec(textOf(page))?.[0];
  expect(reference, textOf(page)).toBeDefined();
  return reference ?? '';
}

async function pdfText(pdf: Buffer, name: string) {
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const file = path.join(work, `${name}.pdf`);
  await writeFile(file, pdf);
  return (await run('pdftotext', ['-layout', file, '-'])).stdout;
}

async function personWith(values: { name: string; email?: string | null }) {
  return database.owner
    .insertInto('person')
    .values({
      organization_id: world.organization.id,
      name: values.name,
      email: values.email ?? null,
      relation: 'tenant',
      unit_id: world.unit.id,
      postal_address: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

describe('tenant languages (issue 21)', () => {
  test('every portal page links to the same page in the four other languages, with lang and hreflang', async () => {
    const page = await app.inject({ method: 'GET', url: '/tr/klacht' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html lang="tr" dir="ltr">');
    for (const [lang, href] of [
      ['nl', '/klacht'],
      ['en', '/complaint'],
      ['ar', '/ar/klacht'],
      ['pl', '/pl/klacht'],
    ])
      expect(page.body).toContain(`<a href="${href}" lang="${lang}" hreflang="${lang}">`);
    expect(page.body).not.toContain('hreflang="tr"');
    // the Dutch and English addresses are unchanged
    const dutch = await app.inject({ method: 'GET', url: '/klacht' });
    expect(dutch.body).toContain('<html lang="nl" dir="ltr">');
    expect(dutch.body).toContain('<a href="/tr/klacht" lang="tr" hreflang="tr">Türkçe</a>');
    const front = await app.inject({ method: 'GET', url: '/pl' });
    expect(front.statusCode).toBe(200);
    expect(textOf(front.body)).toContain('Złóż skargę');
  });

  test('a complaint sent on the Turkish form is stored as Turkish; its mail and status page are Turkish', async () => {
    const email = 'turkce@example.nl';
    const { token, location } = await submitComplaint(app, { email, name: 'Ayşe Yılmaz' }, '/tr/klacht');
    expect(location).toBe(`/tr/klacht/status/${token}/ontvangen`);
    const confirmation = await app.inject({ method: 'GET', url: location });
    expect(textOf(confirmation.body)).toContain('Teşekkürler, şikâyetinizi aldık');
    const reference = referenceIn(confirmation.body);
    const row = await storedLocale(reference);
    expect(row.complainant_locale).toBe('tr');

    const mail = await mailTo(email);
    expect(mail.subject).toBe(`Şikâyetinizi aldık (${reference})`);
    expect(mail.text).toContain('Sayın Ayşe Yılmaz');
    const link = /http:\/\/localhost:3000(\/tr\/klacht\/status\/[A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
    expect(link, mail.text).toBeDefined();
    const status = await app.inject({ method: 'GET', url: link ?? '' });
    expect(status.statusCode).toBe(200);
    expect(status.body).toContain('<html lang="tr" dir="ltr">');
    expect(textOf(status.body)).toContain('Şikâyetinizi aldık');
    expect(textOf(status.body)).toContain(reference);

    // staff see the language on the case
    const detail = await world.as.eva.request({ method: 'GET', url: `/api/complaints/${row.id}` });
    expect(detail.json().complainantLocale).toBe('tr');
  });

  test('the Arabic status page reads right to left, in Arabic', async () => {
    const { token } = await submitComplaint(app, { email: 'arabic@example.nl' }, '/ar/klacht');
    const status = await app.inject({ method: 'GET', url: `/ar/klacht/status/${token}` });
    expect(status.statusCode).toBe(200);
    expect(status.body).toContain('<html lang="ar" dir="rtl">');
    expect(textOf(status.body)).toContain('شكواك');
    expect((await storedLocale(referenceIn(status.body))).complainant_locale).toBe('ar');
    // the same link works in every language
    const dutch = await app.inject({ method: 'GET', url: `/klacht/status/${token}` });
    expect(dutch.statusCode).toBe(200);
    expect(dutch.body).toContain('<html lang="nl" dir="ltr">');
    expect(dutch.body).toContain(`<a href="/ar/klacht/status/${token}" lang="ar" hreflang="ar">العربية</a>`);
  });

  test('staff register a phone complaint in Polish: the acknowledgement letter is Polish', async () => {
    const person = await personWith({ name: 'Katarzyna Nowak' });
    const complaint = await register(world.as.eva, {
      channel: 'phone',
      complainantId: person.id,
      complainantLocale: 'pl',
      description: 'Przez telefon: monter nie przyszedł.',
    });
    expect(complaint.complainantLocale).toBe('pl');
    const pdf = await world.as.eva.request({
      method: 'GET',
      url: `/api/complaints/${complaint.id}/acknowledgement-letter.pdf`,
    });
    expect(pdf.statusCode, pdf.body.slice(0, 300)).toBe(200);
    const text = await pdfText(pdf.rawPayload, 'ack-pl');
    expect(text).toContain(`Otrzymaliśmy Twoją skargę (${complaint.reference})`);
    expect(text).toContain('Dzień dobry Katarzyna Nowak');
    expect(text).toContain('Śledź swoją skargę');
    expect(text).toContain('Numer sprawy');
    expect(text).toContain('http://localhost:3000/pl/klacht/status');
    expect(text).not.toContain('Uw klacht volgen');
  });

  test('an Arabic complainant gets Arabic mail and an Arabic letter on paper', async () => {
    const email = 'arabic-phone@example.nl';
    const person = await personWith({ name: 'Fatima', email });
    const complaint = await register(world.as.eva, {
      channel: 'phone',
      complainantId: person.id,
      complainantLocale: 'ar',
      description: 'Telefonisch: de lift is al weken kapot.',
    });
    const mail = await mailTo(email);
    expect(mail.subject).toBe(`لقد استلمنا شكواك (${complaint.reference})`);
    expect(mail.text).toContain('/ar/klacht/status/');
    const pdf = await world.as.eva.request({
      method: 'GET',
      url: `/api/complaints/${complaint.id}/acknowledgement-letter.pdf`,
    });
    const text = await pdfText(pdf.rawPayload, 'ack-ar');
    // shaped and right to left (test/portal/arabic-letters.test.ts reads it in detail); NFKC undoes the shaping
    expect(text.normalize('NFKC')).toContain('تابع شكواك');
    expect(text).toContain('http://localhost:3000/ar/klacht/status');
    expect(text).not.toContain('Wij hebben uw klacht ontvangen');
  });

  test('an unknown language is a 400 and registers nothing', async () => {
    const before = await database.owner.selectFrom('complaint').select('id').execute();
    const response = await world.as.eva.request({
      method: 'POST',
      url: '/api/complaints',
      payload: {
        channel: 'phone',
        complainant: { name: 'Hans', phone: '06 12345678', relation: 'tenant' },
        complainantLocale: 'de',
        description: 'Unbekannte Sprache.',
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const after = await database.owner.selectFrom('complaint').select('id').execute();
    expect(after.length).toBe(before.length);
  });

  test('an unknown page under a language prefix is that language’s 404', async () => {
    const page = await app.inject({ method: 'GET', url: '/pl/nie-ma' });
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('<html lang="pl" dir="ltr">');
    expect(textOf(page.body)).toContain('Ta strona nie istnieje');
  });
});
