import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import jsqr from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, test } from 'vitest';
import { shapeArabic } from '../../src/server/modules/messages/letters/rtl-text.ts';
import { createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { createStaffUser } from '../support/staff-factories.ts';
import { createPortalApp, formTokenIn, postForm, textOf } from './portal-support.ts';

// Issue 21 (decision 028): letters to an Arabic complainant print in Arabic — shaped, right to left, wrapped
// over lines in reading order — with the QR code, the short link and the case code still left to right and
// usable. The letter is read back as a tenant's reader would: pdftotext (poppler applies the bidi algorithm
// when it extracts, so text in the right visual order comes back in logical order) and the page as an image.

const run = promisify(execFile);
const popplerAvailable = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;
// jsqr is CommonJS with an ES-style `default`: its types and Node's interop disagree about where the function is
const jsQR = ((jsqr as unknown as { default?: unknown }).default ?? jsqr) as (
  data: Uint8ClampedArray,
  width: number,
  height: number,
) => { data: string } | null;

const LINK = /http:\/\/localhost:3000(\/ar\/klacht\/status\/[A-Za-z0-9_-]{43})/;
const CODE = /[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/;

/**
 * What a reader sees: presentation forms back to letters (NFKC), no bidi controls, and the lines one after
 * the other (a phrase wrapped over two lines only matches when the first line's end meets the next's start).
 */
function readable(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ');
}

describe.skipIf(!popplerAvailable)('letters to an Arabic complainant', async () => {
  const database = await createTestDatabase();
  const app = await createPortalApp(database.app);
  const world = await createComplaintWorld(database.owner, app);
  const work = await mkdtemp(path.join(tmpdir(), 'gehoord-arabic-'));
  afterAll(() => rm(work, { recursive: true, force: true }));

  /** The letter's text (raw and readable) and the QR code decoded from its first page ('' when none). */
  async function readLetter(url: string, name: string) {
    const response = await world.as.eva.request({ method: 'GET', url });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const file = path.join(work, `${name}.pdf`);
    await writeFile(file, response.rawPayload);
    const { stdout: raw } = await run('pdftotext', ['-layout', file, '-']);
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
    return { raw, text: readable(raw), qr: qr?.data ?? '' };
  }

  async function arabicComplainant(name: string) {
    const person = await database.owner
      .insertInto('person')
      .values({
        organization_id: world.organization.id,
        name,
        email: null,
        relation: 'tenant',
        unit_id: world.unit.id,
        postal_address: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return register(world.as.eva, {
      channel: 'letter',
      complainantId: person.id,
      complainantLocale: 'ar',
      description: 'Per brief: de lift is al weken kapot.',
    });
  }

  test('the acknowledgement letter: Arabic text shaped and in reading order, QR code, short link and case code', async () => {
    const complaint = await arabicComplainant('فاطمة الزهراء');
    const letter = await readLetter(`/api/complaints/${complaint.id}/acknowledgement-letter.pdf`, 'ack-ar');
    // the letter's own words and the template's, each read back in logical order
    for (const phrase of [
      'لقد استلمنا شكواك',
      'عزيزي/عزيزتي فاطمة الزهراء',
      'شكرًا لك على إخبارنا بذلك',
      'اذكر هذا الرقم عندما تتواصل معنا',
      'يمكنك متابعة ما وصلت إليه شكواك على',
      'مع أطيب التحيات',
      'تابع شكواك',
      // (poppler drops the space where a left-to-right word like "QR" meets Arabic: phrases stop there)
      'امسح رمز',
      'بكاميرا هاتفك',
      'ليس لديك هاتف بكاميرا؟ اذهب إذن إلى',
      'لا تشارك الرمز مع الآخرين',
      'التاريخ',
      'رقم الملف',
      'الموضوع',
      'معالجة الشكاوى',
    ])
      expect(letter.text, phrase).toContain(phrase);
    // printed in contextual forms (initial, medial, final, lam-alef), not as bare letters
    expect(letter.raw).toContain(shapeArabic('تابع شكواك'));
    expect(letter.raw).toContain(shapeArabic('لا تشارك الرمز'));
    expect(letter.raw).not.toContain('تابع شكواك');
    // a paragraph over several lines still reads on from one line to the next, right to left
    expect(letter.text).toContain('ويمكنك أيضًا الرد على هذه الرسالة');
    // Latin and numbers stay left to right: the reference, the short link, the code; the Dutch address too
    expect(letter.text).toContain(`رقم ملف شكواك هو`);
    expect(letter.text).toContain(complaint.reference);
    expect(letter.text).toContain('localhost:3000/ar/klacht/status');
    expect(letter.text).toContain('Hofweg 12');
    expect(letter.text).not.toContain('Uw klacht volgen');
    const code = CODE.exec(letter.text)?.[0];
    expect(code, letter.text).toBeDefined();

    // the QR code leads to this complaint's status page in Arabic
    const statusPath = LINK.exec(letter.qr)?.[1] ?? '';
    expect(statusPath, letter.qr).not.toBe('');
    const page = await app.inject({ method: 'GET', url: statusPath });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('dir="rtl"');
    expect(textOf(page.body)).toContain(complaint.reference);
    // the printed code, typed with the reference, leads to the same page
    const form = await app.inject({ method: 'GET', url: '/ar/klacht/status' });
    expect(form.statusCode).toBe(200);
    const typed = await postForm(app, '/ar/klacht/status', {
      formToken: formTokenIn(form.body),
      code: code ?? '',
      reference: complaint.reference,
    });
    expect(typed.statusCode).toBe(303);
    expect(typed.headers.location).toBe(statusPath);
  });

  test('the answer letter: Arabic template and answer, the rating link as QR code', async () => {
    const complaint = await arabicComplainant('أحمد');
    await step(world.as.eva, complaint.id, 'triage', {
      outcome: 'complaint',
      category: 'no_or_late_answer',
      subject: { kind: 'department', departmentId: world.wonen.id },
    });
    await step(world.as.eva, complaint.id, 'contacts', {
      kind: 'phone',
      direction: 'outbound',
      summary: 'Gebeld.',
    });
    await step(world.as.eva, complaint.id, 'assessment', {
      kind: 'policy_not_followed',
      verdict: 'upheld',
      apologyOffered: true,
      errorAdmitted: true,
      demonstrableDamage: false,
    });
    const answerText = 'أصلحنا المصعد يوم الاثنين. نعتذر عن الإزعاج.';
    await step(world.as.eva, complaint.id, 'answer', { text: answerText });
    const letter = await readLetter(`/api/complaints/${complaint.id}/answer-letter.pdf`, 'answer-ar');
    for (const phrase of [
      'ردنا على شكواك',
      'عزيزي/عزيزتي أحمد',
      'أصلحنا المصعد يوم الاثنين',
      'نعتذر عن الإزعاج',
      'تقرأ هذا الجواب مرة أخرى',
      'هل لا توافق على هذا الرد؟',
      'خلال ستة أسابيع',
      'تابع شكواك',
    ])
      expect(letter.text, phrase).toContain(phrase);
    expect(letter.text).toContain('www.huurcommissie.nl');
    expect(letter.text).toContain(complaint.reference);
    const answerPath = LINK.exec(letter.qr)?.[1] ?? '';
    expect(answerPath, letter.qr).not.toBe('');
    const page = await app.inject({ method: 'GET', url: answerPath });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('dir="rtl"');
    expect(page.body).toContain(answerText);
  });

  test('a progress letter (assigned) is Arabic too, and names the page where the code is typed', async () => {
    const complaint = await arabicComplainant('مريم');
    const sam = await createStaffUser(database.owner, world.organization.id, {
      name: 'Sam Smit',
      departmentId: world.wonen.id,
    });
    await step(world.as.eva, complaint.id, 'triage', {
      outcome: 'complaint',
      category: 'no_or_late_answer',
      subject: { kind: 'department', departmentId: world.wonen.id },
    });
    await step(world.as.mia, complaint.id, 'assign', { handlerId: sam.id });
    const list = await world.as.anna.request({ method: 'GET', url: '/api/letters/to-post' });
    expect(list.statusCode, list.body).toBe(200);
    const progress = (list.json().items as { complaintId: string; kind: string; letterUrl: string }[]).find(
      (l) => l.complaintId === complaint.id && l.kind === 'progress',
    );
    expect(progress, list.body).toBeDefined();
    const letter = await readLetter(progress?.letterUrl ?? '', 'progress-ar');
    for (const phrase of ['قيد المعالجة', 'عزيزي/عزيزتي مريم', 'يعالج شكواك رقم', 'ستسمع منا في موعد أقصاه'])
      expect(letter.text, phrase).toContain(phrase);
    expect(letter.text).toContain('Sam Smit');
    expect(letter.text).toContain('localhost:3000/ar/klacht/status');
    expect(letter.text).not.toMatch(/\/klacht\/status\/\S/);
  });
});
