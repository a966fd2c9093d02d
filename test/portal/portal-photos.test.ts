import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { sha256Hex } from '../../src/server/modules/portal/forms/form-token.ts';
import { LocalDiskStorage } from '../../src/server/storage/local-disk-storage.ts';
import {
  GPS_LATITUDE_BYTES,
  sampleExe,
  sampleJpeg,
  samplePdf,
  samplePng,
} from '../attachments/sample-files.ts';
import { createComplaintWorld } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { openForm, textOf, validComplaint } from './portal-support.ts';

// Issue 21: photos and documents with the no-JavaScript complaint form: at most five, images and PDF
// recognised from their bytes, the location taken out of photos, shown to staff in the case; a bad file
// brings the form back with a message next to the file field and everything typed kept.

const MAX_FILE_BYTES = 64 * 1024;
const database = await createTestDatabase();
const blobs = await mkdtemp(path.join(tmpdir(), 'gehoord-portal-photos-'));

async function portalApp(minimumFillSeconds: number): Promise<FastifyInstance> {
  const built = await buildApp({
    config: {
      publicUrl: 'http://localhost:3000',
      trustProxy: false,
      env: 'test',
      loginRateLimitPerMinute: 100_000,
      oidc: null,
      attachmentMaxBytes: MAX_FILE_BYTES,
      portal: { submissionsPerIpPerHour: 1000, submissionsPerHour: 10_000, minimumFillSeconds },
    },
    db: database.app,
    storage: new LocalDiskStorage(blobs),
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
  });
  await built.ready();
  return built;
}

const app = await portalApp(0);
const slowApp = await portalApp(60);
const world = await createComplaintWorld(database.owner, app);
afterAll(async () => {
  await app.close();
  await slowApp.close();
  await rm(blobs, { recursive: true, force: true });
});

type Upload = { name: string; bytes: Buffer; type?: string };

/** The form as a browser sends it: fields in the page's order, the files between the text and the trap. */
async function postWithFiles(
  target: FastifyInstance,
  fields: Record<string, string>,
  files: Upload[],
  url = '/klacht',
) {
  const form = new FormData();
  const { desiredOutcome, ...before } = fields;
  for (const [name, value] of Object.entries(before)) form.append(name, value);
  for (const file of files)
    form.append(
      'files',
      new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'image/jpeg' }),
      file.name,
    );
  // A field after the files: still read when a file is refused.
  if (desiredOutcome !== undefined) form.append('desiredOutcome', desiredOutcome);
  form.append('website', '');
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return target.inject({
    method: 'POST',
    url,
    headers: { 'content-type': request.headers.get('content-type') as string },
    payload: Buffer.from(await request.arrayBuffer()),
  });
}

async function complaintCount() {
  const row = await database.owner
    .selectFrom('complaint')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function attachmentCount() {
  const row = await database.owner
    .selectFrom('complaint_attachment')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every stored blob, in every folder of the store. */
async function blobCount() {
  const entries = await readdir(blobs, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).length;
}

async function complaintIdOf(location: string) {
  const token = /\/status\/([^/]+)\//.exec(location)?.[1] ?? '';
  const link = await database.owner
    .selectFrom('complaint_status_link')
    .select('complaint_id')
    .where('token_hash', '=', sha256Hex(token))
    .executeTakeFirstOrThrow();
  return link.complaint_id;
}

const photo = { name: 'lekkage.jpg', bytes: sampleJpeg() };

describe('photos and documents with the complaint form', () => {
  test('the form is multipart with a file field for several images and PDFs that works without script', async () => {
    const page = (await app.inject({ method: 'GET', url: '/klacht' })).body;
    expect(page).toContain('enctype="multipart/form-data"');
    expect(page).toMatch(/<label for="files">Foto’s of documenten/);
    expect(page).toMatch(
      /<input id="files" name="files" type="file" multiple accept="[^"]*image\/jpeg[^"]*application\/pdf/,
    );
    expect(textOf(page)).toContain('tot 5 bestanden');
  });

  test('three files are registered with the complaint, shown to staff as sent by the complainant, GPS removed', async () => {
    const formToken = await openForm(app);
    const png = samplePng();
    const pdf = samplePdf();
    const response = await postWithFiles(app, { ...validComplaint, formToken }, [
      photo,
      { name: 'schimmel.png', bytes: png, type: 'image/png' },
      { name: 'brief.pdf', bytes: pdf, type: 'application/pdf' },
    ]);
    expect(response.statusCode, textOf(response.body).slice(0, 600)).toBe(303);
    const complaintId = await complaintIdOf(String(response.headers.location));

    const listed = await world.as.mia.request({
      method: 'GET',
      url: `/api/complaints/${complaintId}/attachments`,
    });
    expect(listed.statusCode, listed.body).toBe(200);
    const files = listed.json() as Array<{
      fileName: string;
      mediaType: string;
      kind: string;
      sha256: string;
      downloadUrl: string;
      uploadedBy: { kind: string; id: string | null };
    }>;
    expect(files.map((file) => [file.fileName, file.mediaType, file.kind])).toEqual([
      ['lekkage.jpg', 'image/jpeg', 'photo'],
      ['schimmel.png', 'image/png', 'photo'],
      ['brief.pdf', 'application/pdf', 'other'],
    ]);
    expect(files.every((file) => file.uploadedBy.kind === 'portal' && file.uploadedBy.id === null)).toBe(
      true,
    );

    const download = await world.as.mia.request({ method: 'GET', url: files[0]?.downloadUrl ?? '' });
    expect(download.statusCode).toBe(200);
    // The stored photo is the same picture without its EXIF, XMP and comment: no GPS position left.
    expect(download.rawPayload.equals(sampleJpeg({ gps: false }))).toBe(true);
    expect(download.rawPayload.includes(GPS_LATITUDE_BYTES)).toBe(false);
    expect(download.rawPayload.includes(Buffer.from('Exif'))).toBe(false);
    expect(files[0]?.sha256).toBe(sha256Hex(sampleJpeg({ gps: false })));
    const pdfDownload = await world.as.mia.request({ method: 'GET', url: files[2]?.downloadUrl ?? '' });
    expect(pdfDownload.rawPayload.equals(pdf)).toBe(true);

    // The case's timeline says the complainant sent them.
    const events = await database.owner
      .selectFrom('complaint_event')
      .select(['type', 'summary', 'actor_user_id'])
      .where('complaint_id', '=', complaintId)
      .where('type', '=', 'attachment_added')
      .execute();
    expect(events.map((event) => event.summary)).toEqual(['lekkage.jpg', 'schimmel.png', 'brief.pdf']);
  });

  test('a double click with the same files registers once and keeps no second set of files', async () => {
    const formToken = await openForm(app);
    const fields = { ...validComplaint, formToken, description: 'Dubbel geklikt met een foto.' };
    const before = { complaints: await complaintCount(), blobs: await blobCount() };
    const first = await postWithFiles(app, fields, [photo]);
    const second = await postWithFiles(app, fields, [photo]);
    expect(first.statusCode).toBe(303);
    expect(second.statusCode).toBe(303);
    expect(second.headers.location).toBe(first.headers.location);
    expect(await complaintCount()).toBe(before.complaints + 1);
    expect(await blobCount()).toBe(before.blobs + 1);
  });

  test('the same form sent again with other content is refused and its files are removed again', async () => {
    const formToken = await openForm(app);
    const first = await postWithFiles(app, { ...validComplaint, formToken }, [photo]);
    expect(first.statusCode).toBe(303);
    const before = {
      complaints: await complaintCount(),
      files: await attachmentCount(),
      blobs: await blobCount(),
    };
    const other = await postWithFiles(app, { ...validComplaint, formToken, description: 'Iets anders.' }, [
      { name: 'ander.png', bytes: samplePng(), type: 'image/png' },
    ]);
    expect(other.statusCode).toBe(422);
    expect({
      complaints: await complaintCount(),
      files: await attachmentCount(),
      blobs: await blobCount(),
    }).toEqual(before);
  });

  const refused: Array<[string, Upload[], RegExp]> = [
    [
      'a sixth file',
      Array.from({ length: 6 }, (_, i) => ({ name: `foto-${i + 1}.jpg`, bytes: sampleJpeg() })),
      /niet meer dan 5 bestanden meesturen\. foto-6\.jpg/,
    ],
    [
      'a file over the limit',
      [photo, { name: 'groot.pdf', bytes: Buffer.concat([samplePdf(), Buffer.alloc(MAX_FILE_BYTES)]) }],
      /groot\.pdf is te groot/,
    ],
    [
      'a program renamed to .jpg',
      [{ name: 'foto.jpg', bytes: sampleExe() }],
      /foto\.jpg is geen foto of PDF/,
    ],
    [
      'a text file',
      [{ name: 'notities.txt', bytes: Buffer.from('Gewoon tekst.'), type: 'text/plain' }],
      /notities\.txt is geen foto of PDF/,
    ],
  ];

  test.each(refused)(
    '%s: the form comes back with a message at the file field, all typed text kept, nothing stored',
    async (_name, files, message) => {
      const formToken = await openForm(app);
      const before = {
        complaints: await complaintCount(),
        files: await attachmentCount(),
        blobs: await blobCount(),
      };
      const fields = {
        ...validComplaint,
        formToken,
        onBehalf: 'self',
        preferredContact: 'email',
        addition: 'B',
        description: 'De kraan lekt & de vloer is nat <echt>.',
        desiredOutcome: 'Snel repareren, alstublieft.',
      };
      const response = await postWithFiles(app, fields, files);
      expect(response.statusCode).toBe(400);
      const page = response.body;
      // The message is in the summary (linking to the field) and next to the field itself.
      expect(page).toMatch(/<a href="#files">[^<]*/);
      expect(page).toMatch(new RegExp(`id="files-error">.*${message.source}`));
      expect(page).toContain('aria-invalid="true"');
      expect(textOf(page)).toContain('Kies ze opnieuw');
      // Everything typed is still there: text, name, address, choices, and the field after the files.
      expect(page).toContain('value="Jannie de Vries"');
      expect(page).toContain('value="jannie@example.nl"');
      expect(page).toContain('value="3155 ab"');
      expect(page).toContain('value="12"');
      expect(page).toContain('value="B"');
      expect(page).toContain('De kraan lekt &amp; de vloer is nat &lt;echt&gt;.</textarea>');
      expect(page).toContain('Snel repareren, alstublieft.</textarea>');
      expect(page).toMatch(/value="email"[^>]*checked/);
      expect(page).toMatch(/value="tenant"[^>]*checked/);
      expect(page).toContain(`value="${formToken}"`);
      expect({
        complaints: await complaintCount(),
        files: await attachmentCount(),
        blobs: await blobCount(),
      }).toEqual(before);
      // Corrected, the same form goes through.
      const fixed = await postWithFiles(app, fields, [photo]);
      expect(fixed.statusCode).toBe(303);
    },
  );

  test('the English form says the same in English', async () => {
    const formToken = await openForm(app, '/complaint');
    const response = await postWithFiles(
      app,
      { ...validComplaint, formToken },
      [{ name: 'setup.jpg', bytes: sampleExe() }],
      '/complaint',
    );
    expect(response.statusCode).toBe(400);
    expect(textOf(response.body)).toContain('setup.jpg is not a photo or a PDF');
  });

  test('an image that is cut off is refused rather than stored with its metadata', async () => {
    const formToken = await openForm(app);
    const before = { complaints: await complaintCount(), blobs: await blobCount() };
    const broken = sampleJpeg().subarray(0, 60);
    const response = await postWithFiles(app, { ...validComplaint, formToken }, [
      { name: 'kapot.jpg', bytes: broken },
    ]);
    expect(response.statusCode).toBe(400);
    expect(textOf(response.body)).toContain('kapot.jpg kunnen wij niet lezen');
    expect({ complaints: await complaintCount(), blobs: await blobCount() }).toEqual(before);
  });

  test('an empty file field (no file chosen) is no problem', async () => {
    const formToken = await openForm(app);
    const response = await postWithFiles(app, { ...validComplaint, formToken }, [
      { name: '', bytes: Buffer.alloc(0), type: 'application/octet-stream' },
    ]);
    expect(response.statusCode, textOf(response.body).slice(0, 400)).toBe(303);
  });
});

describe('a form sent too fast', () => {
  test('still shows what is missing, the field errors before the notice, and registers nothing', async () => {
    const formToken = await openForm(slowApp);
    const before = await complaintCount();
    const { name: _name, ...withoutName } = validComplaint;
    const response = await postWithFiles(slowApp, { ...withoutName, formToken, description: '' }, []);
    expect(response.statusCode).toBe(400);
    const text = textOf(response.body);
    expect(text).toContain('Vul uw naam in');
    expect(text).toContain('Het formulier werd erg snel verstuurd');
    expect(text.indexOf('Vul uw naam in')).toBeLessThan(
      text.indexOf('Het formulier werd erg snel verstuurd'),
    );
    expect(response.body).toContain('<a href="#description">');
    expect(response.body).toContain(`value="${formToken}"`);
    expect(await complaintCount()).toBe(before);
  });

  test('with a refused file it shows the file message too', async () => {
    const formToken = await openForm(slowApp);
    const response = await postWithFiles(slowApp, { ...validComplaint, formToken }, [
      { name: 'virus.jpg', bytes: sampleExe() },
    ]);
    expect(response.statusCode).toBe(400);
    const text = textOf(response.body);
    expect(text).toContain('virus.jpg is geen foto of PDF');
    expect(text).toContain('Het formulier werd erg snel verstuurd');
  });
});
