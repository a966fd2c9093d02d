import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { formatDate } from '../../src/server/modules/messages/settings/message-settings.ts';
import { createTestApp } from '../support/app.ts';
import { testNow } from '../support/clock.ts';
import { createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';

const run = promisify(execFile);
const popplerAvailable = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;
if (!popplerAvailable)
  console.warn(
    'answer-letter tests skipped: pdftotext is not installed (apt-get install poppler-utils; CI installs it)',
  );

describe.skipIf(!popplerAvailable)('the answer as a PDF letter', async () => {
  const database = await createTestDatabase();
  const app = await createTestApp(database.app);
  const world = await createComplaintWorld(database.owner, app);
  await database.owner
    .updateTable('organization')
    .set({ name: 'Woonstichting Maasoever' })
    .where('id', '=', world.organization.id)
    .execute();
  await database.owner
    .updateTable('person')
    .set({ name: 'Mevrouw J. de Vriës-Özdemir' })
    .where('id', '=', world.tenant.id)
    .execute();

  test('letterhead, window-envelope address, date, reference, text with Dutch characters, committee route and signature', async () => {
    const complaint = await register(world.as.eva, {
      channel: 'letter',
      complainantId: world.tenant.id,
      description: 'Per brief: de tochtstrip van de voordeur ontbreekt.',
    });
    const early = await world.as.eva.request({
      method: 'GET',
      url: `/api/complaints/${complaint.id}/answer-letter.pdf`,
    });
    expect(early.statusCode).toBe(404);
    expect(early.headers['content-type']).toContain('application/problem+json');

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
    const answerText =
      'Wij hebben de tochtstrip op 3 december vervangen. Onze excuses dat dit zo lang duurde; de monteur heeft een reünie-achtige drukte als reden genoemd, maar dat is geen excuus. Ook hebben wij uw ideeën over het onderhoudsschema doorgegeven.';
    await step(world.as.eva, complaint.id, 'answer', { text: answerText });

    const response = await world.as.eva.request({
      method: 'GET',
      url: `/api/complaints/${complaint.id}/answer-letter.pdf`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="antwoord-${complaint.reference}.pdf"`,
    );
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    const directory = await mkdtemp(path.join(tmpdir(), 'gehoord-letter-'));
    const file = path.join(directory, 'letter.pdf');
    await writeFile(file, pdf);
    const { stdout: text } = await run('pdftotext', ['-layout', file, '-']);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Woonstichting Maasoever');
    expect(flat).toContain('Mevrouw J. de Vriës-Özdemir');
    expect(flat).toContain('Hofweg 12');
    expect(flat).toContain('3155 AB MAASLAND');
    expect(flat).toContain(`Ons kenmerk ${complaint.reference}`);
    expect(flat).toContain(`Onderwerp Reactie op uw klacht (${complaint.reference})`);
    // The letter is dated by the server clock (decision 042), in the letters' own date format.
    const today = formatDate(testNow(), 'nl');
    expect(flat).toContain(`Datum ${today}`);
    expect(flat).toContain(answerText);
    expect(flat).toContain('regionale klachtencommissie');
    expect(flat).toContain('Huurcommissie');
    expect(flat).toMatch(/Met vriendelijke groet, Eva Behandelaar Woonstichting Maasoever/);

    // the address lies inside the window of a Dutch window envelope (20 mm from the left, 50 mm from the top)
    const { stdout: boxes } = await run('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-']);
    const word = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">Hofweg<\/word>/.exec(
      boxes,
    );
    const mm = (points: string | undefined) => (Number(points) * 25.4) / 72;
    expect(mm(word?.[1])).toBeGreaterThan(20);
    expect(mm(word?.[3])).toBeLessThan(20 + 85);
    expect(mm(word?.[2])).toBeGreaterThan(50);
    expect(mm(word?.[4])).toBeLessThan(50 + 40);

    // fonts are embedded
    const { stdout: fonts } = await run('pdffonts', [file]);
    expect(fonts).toMatch(/Roboto.*yes/);

    // looked at as a person would: page 1 as PNG (kept in docs/screenshots when asked to refresh it)
    await run('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      file,
      path.join(directory, 'page'),
    ]);
    const png = await readFile(path.join(directory, 'page.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(height / width).toBeCloseTo(297 / 210, 2);
    if (process.env.UPDATE_SCREENSHOTS === '1')
      await run('pdftoppm', [
        ...['-png', '-r', '90', '-f', '1', '-l', '1', '-singlefile', file],
        path.resolve(import.meta.dirname, '../../docs/screenshots/answer-letter'),
      ]);

    // a download of personal data is in the complaint's access log
    const logged = await database.owner
      .selectFrom('complaint_access_log')
      .select(['user_id', 'what'])
      .where('complaint_id', '=', complaint.id)
      .where('what', '=', 'attachment')
      .execute();
    expect(logged).toEqual([{ user_id: world.people.eva.id, what: 'attachment' }]);
  });
});
