import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { inOrganization } from '../../src/server/db/tenant-scope.ts';
import type { BlobStorage } from '../../src/server/storage/blob-storage.ts';
import { createTestApp } from '../support/app.ts';
import { createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { type Client, signInAs } from '../support/sessions.ts';
import { multipartBody, sampleEmail, sampleExe, samplePdf, samplePng, sha256 } from './sample-files.ts';

export type StorageBackend = {
  storage: BlobStorage;
  /** Every key in the store, read directly, to find orphans. */
  listKeys(): Promise<string[]>;
};

const SMALL_LIMIT = 1024;

/** The whole attachment API against one storage backend; run once per backend. */
export async function defineAttachmentTests(backend: StorageBackend) {
  const database = await createTestDatabase();
  const app = await createTestApp(database.app, { storage: backend.storage });
  const world = await createComplaintWorld(database.owner, app);
  const { eva, karel } = world.as;
  const smallApp = await createTestApp(database.app, {
    storage: backend.storage,
    attachmentMaxBytes: SMALL_LIMIT,
  });
  const evaOnSmallApp = await signInAs(smallApp, world.people.eva.email);

  const complaint = await register(eva, {
    channel: 'letter',
    complainantId: world.tenant.id,
    description: 'Na de reparatie lekt de kraan in de badkamer nog steeds; foto en brief bijgevoegd.',
  });

  async function upload(
    client: Client,
    complaintId: string,
    file: Parameters<typeof multipartBody>[0],
    fields: Record<string, string> = {},
    headers: Record<string, string> = {},
  ) {
    const body = await multipartBody(file, fields);
    return client.request({
      method: 'POST',
      url: `/api/complaints/${complaintId}/attachments`,
      payload: body.payload,
      headers: { ...body.headers, ...headers },
    });
  }

  async function rowCount() {
    const row = await database.owner
      .selectFrom('complaint_attachment')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    return row.n;
  }

  async function download(client: Client, url: string) {
    return client.request({ method: 'GET', url });
  }

  describe('adding a file', () => {
    test('a photo is stored with the type from its content, its size and SHA-256, and comes back byte for byte', async () => {
      const png = samplePng();
      const before = await eva.request({ method: 'GET', url: `/api/complaints/${complaint.id}` });
      const response = await upload(
        eva,
        complaint.id,
        { name: 'lekkage.png', bytes: png, claimedType: 'image/png' },
        { description: 'Foto van de lekkende kraan' },
      );
      expect(response.statusCode, response.body).toBe(201);
      const added = response.json();
      expect(added).toMatchObject({
        complaintId: complaint.id,
        fileName: 'lekkage.png',
        mediaType: 'image/png',
        sizeBytes: png.length,
        sha256: sha256(png),
        kind: 'photo',
        description: 'Foto van de lekkende kraan',
        uploadedBy: { kind: 'staff', id: world.people.eva.id, name: 'Eva Behandelaar' },
      });
      expect(response.headers.location).toBe(added.downloadUrl);
      // A new version of the complaint: writes with the old ETag are now stale.
      expect(response.headers['x-complaint-etag']).not.toBe(before.headers.etag);

      const fetched = await download(eva, added.downloadUrl);
      expect(fetched.statusCode).toBe(200);
      expect(fetched.rawPayload.equals(png)).toBe(true);
      expect(sha256(fetched.rawPayload)).toBe(added.sha256);
      expect(fetched.headers['content-type']).toBe('image/png');
      expect(fetched.headers['content-disposition']).toBe(
        `attachment; filename="lekkage.png"; filename*=UTF-8''lekkage.png`,
      );
      expect(fetched.headers['x-content-type-options']).toBe('nosniff');
      expect(fetched.headers['repr-digest']).toBe(
        `sha-256=:${Buffer.from(added.sha256, 'hex').toString('base64')}:`,
      );
      expect(fetched.headers['cache-control']).toBe('private, no-store');
    });

    test('a scanned letter as PDF, with the kind given by the uploader', async () => {
      const pdf = samplePdf();
      const response = await upload(eva, complaint.id, { name: 'brief.pdf', bytes: pdf }, { kind: 'letter' });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toMatchObject({
        mediaType: 'application/pdf',
        kind: 'letter',
        sha256: sha256(pdf),
      });
      const fetched = await download(eva, response.json().downloadUrl);
      expect(fetched.rawPayload.equals(pdf)).toBe(true);
      expect(fetched.headers['content-type']).toBe('application/pdf');
    });

    test('the name and the claimed type are ignored: a PNG called .pdf is stored as image/png', async () => {
      const png = samplePng(3, 5);
      const response = await upload(eva, complaint.id, {
        name: 'scan.pdf',
        bytes: png,
        claimedType: 'application/pdf',
      });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toMatchObject({ fileName: 'scan.pdf', mediaType: 'image/png' });
      const fetched = await download(eva, response.json().downloadUrl);
      expect(fetched.headers['content-type']).toBe('image/png');
      // Offered with the extension of what it really is, so it opens in the right program.
      expect(fetched.headers['content-disposition']).toContain(`filename*=UTF-8''scan.pdf.png`);
    });

    test('an e-mail (.eml) is recognised by its headers; plain UTF-8 text as text/plain', async () => {
      const eml = await upload(eva, complaint.id, { name: 'mail.eml', bytes: sampleEmail() });
      expect(eml.statusCode, eml.body).toBe(201);
      expect(eml.json()).toMatchObject({ mediaType: 'message/rfc822', kind: 'email' });

      const text = Buffer.from('Telefoonnotitie: mevrouw belt terug na 14:00 uur. Één afspraak gemaakt.\n');
      const note = await upload(eva, complaint.id, { name: 'notitie.txt', bytes: text });
      expect(note.statusCode, note.body).toBe(201);
      expect(note.json()).toMatchObject({ mediaType: 'text/plain', kind: 'other' });
      const fetched = await download(eva, note.json().downloadUrl);
      expect(fetched.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(fetched.rawPayload.equals(text)).toBe(true);
    });

    test('a file name keeps its letters but loses folders and control characters', async () => {
      const response = await upload(eva, complaint.id, {
        name: '../../Brief van mevrouw Özdemir – juni\u202egnp.pdf',
        bytes: samplePdf(),
      });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json().fileName).toBe('Brief van mevrouw Özdemir – juni_gnp.pdf');
      const fetched = await download(eva, response.json().downloadUrl);
      expect(fetched.headers['content-disposition']).toBe(
        `attachment; filename="Brief van mevrouw Ozdemir _ juni_gnp.pdf"; ` +
          `filename*=UTF-8''Brief%20van%20mevrouw%20%C3%96zdemir%20%E2%80%93%20juni_gnp.pdf`,
      );
    });

    test('adding a file is an event on the timeline', async () => {
      const detail = await eva.request({ method: 'GET', url: `/api/complaints/${complaint.id}` });
      const events = detail.json().timeline.filter((e: { type: string }) => e.type === 'attachment_added');
      const listed = await eva.request({ method: 'GET', url: `/api/complaints/${complaint.id}/attachments` });
      expect(events).toHaveLength(listed.json().length);
      expect(events[0]).toMatchObject({
        actor: { kind: 'staff', id: world.people.eva.id },
        summary: 'lekkage.png',
        payload: { attachmentId: listed.json()[0].id, mediaType: 'image/png', kind: 'photo' },
      });
    });
  });

  describe('refused files', () => {
    test('a program renamed to .jpg is refused with 415 and nothing is kept', async () => {
      const rows = await rowCount();
      const keys = await backend.listKeys();
      const response = await upload(eva, complaint.id, {
        name: 'vakantiefoto.jpg',
        bytes: sampleExe(),
        claimedType: 'image/jpeg',
      });
      expect(response.statusCode).toBe(415);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'attachment_type_not_allowed' });
      expect(response.json().messages.nl).toContain('Dit soort bestand kan niet worden toegevoegd');
      expect(await rowCount()).toBe(rows);
      expect(await backend.listKeys()).toEqual(keys);
    });

    test('unknown binary content is refused too', async () => {
      const bytes = Buffer.from([0x00, 0x01, 0x02, 0xfe, 0xff, 0x00, 0x13, 0x37, 0x00, 0x42]);
      const response = await upload(eva, complaint.id, { name: 'data.txt', bytes });
      expect(response.statusCode).toBe(415);
    });

    test('a file over the limit is refused with 413; one exactly at the limit is accepted', async () => {
      const rows = await rowCount();
      const keys = await backend.listKeys();
      const tooLarge = await upload(evaOnSmallApp, complaint.id, {
        name: 'groot.txt',
        bytes: Buffer.alloc(SMALL_LIMIT + 1, 'a'),
      });
      expect(tooLarge.statusCode).toBe(413);
      expect(tooLarge.headers['content-type']).toContain('application/problem+json');
      expect(tooLarge.json()).toMatchObject({ code: 'attachment_too_large' });
      expect(await rowCount()).toBe(rows);
      expect(await backend.listKeys()).toEqual(keys);

      const atLimit = await upload(evaOnSmallApp, complaint.id, {
        name: 'precies.txt',
        bytes: Buffer.alloc(SMALL_LIMIT, 'a'),
      });
      expect(atLimit.statusCode, atLimit.body).toBe(201);
      expect(atLimit.json().sizeBytes).toBe(SMALL_LIMIT);
    });

    test('a form without a file, an empty file or an unknown kind is a 400 naming the field', async () => {
      const none = await upload(eva, complaint.id, null, { description: 'vergeten' });
      expect(none.statusCode).toBe(400);
      expect(none.json().errors).toEqual([
        expect.objectContaining({ in: 'body', path: 'file', code: 'required' }),
      ]);
      const empty = await upload(eva, complaint.id, { name: 'leeg.txt', bytes: Buffer.alloc(0) });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().errors[0]).toMatchObject({ path: 'file', code: 'empty' });
      const kind = await upload(eva, complaint.id, { name: 'a.png', bytes: samplePng() }, { kind: 'video' });
      expect(kind.statusCode).toBe(400);
      expect(kind.json().errors[0]).toMatchObject({ in: 'body', path: 'kind' });
    });

    test('a broken multipart body is a 400, never a 500', async () => {
      const valid = await multipartBody({ name: 'a.png', bytes: samplePng() });
      const boundary = valid.headers['content-type'].split('boundary=')[1] as string;
      for (const [contentType, payload] of [
        ['multipart/form-data', valid.payload],
        [valid.headers['content-type'], valid.payload.subarray(0, valid.payload.length - 40)],
        [valid.headers['content-type'], Buffer.from(`--${boundary}\r\nnonsense\r\n\r\n`)],
        [`multipart/form-data; boundary=${boundary}`, Buffer.from('not multipart at all')],
      ] as const) {
        const response = await eva.request({
          method: 'POST',
          url: `/api/complaints/${complaint.id}/attachments`,
          payload: payload,
          headers: { 'content-type': contentType },
        });
        expect(response.statusCode, `${contentType}: ${response.body}`).toBeGreaterThanOrEqual(400);
        expect(response.statusCode).toBeLessThan(500);
        expect(response.headers['content-type']).toContain('application/problem+json');
      }
    });

    test('a body that is not multipart is a 415', async () => {
      const response = await eva.request({
        method: 'POST',
        url: `/api/complaints/${complaint.id}/attachments`,
        payload: { file: 'aGVsbG8=' },
      });
      expect(response.statusCode).toBe(415);
      expect(response.json().code).toBe('unsupported_media_type');
    });

    test('a stale If-Match is refused with 412 after the file was stored: the file is removed again', async () => {
      const rows = await rowCount();
      const keys = await backend.listKeys();
      const response = await upload(
        eva,
        complaint.id,
        { name: 'a.png', bytes: samplePng() },
        {},
        { 'if-match': '"1"' },
      );
      expect(response.statusCode).toBe(412);
      expect(await rowCount()).toBe(rows);
      expect(await backend.listKeys()).toEqual(keys);
    });
  });

  describe('over a real connection', () => {
    // app.inject hands the body over at once; a socket delivers it in many chunks, as browsers do.
    async function post(target: typeof app, client: Client, bytes: Buffer) {
      const address = await target.listen({ port: 0, host: '127.0.0.1' });
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)]), 'verslag.txt');
      return fetch(`${address}/api/complaints/${complaint.id}/attachments`, {
        method: 'POST',
        body: form,
        headers: { cookie: client.cookie, origin: 'http://localhost:3000' },
      });
    }

    test('a 5 MB file streams through and comes back intact', async () => {
      const bytes = Buffer.from('Verslag van de inspectie, regel voor regel.\n'.repeat(120_000));
      const response = await post(app, eva, bytes);
      expect(response.status, await response.clone().text()).toBe(201);
      const added = await response.json();
      expect(added).toMatchObject({
        sizeBytes: bytes.length,
        sha256: sha256(bytes),
        mediaType: 'text/plain',
      });
      const fetched = await download(eva, added.downloadUrl);
      expect(sha256(fetched.rawPayload)).toBe(sha256(bytes));
    });

    test('the size limit answers 413 while the client is still sending', async () => {
      const response = await post(smallApp, evaOnSmallApp, Buffer.alloc(2 * 1024 * 1024, 'b'));
      expect(response.status).toBe(413);
      expect((await response.json()).code).toBe('attachment_too_large');
    });
  });

  describe('who sees the files', () => {
    test('a colleague who may not see a confidential complaint gets 404 on list, download and upload', async () => {
      const confidential = await register(eva, {
        channel: 'email',
        complainantId: world.tenant.id,
        description: 'De medewerker aan de balie was onbeschoft tegen mij.',
        confidential: true,
        confidentialReason: 'complainant_asks',
      });
      const detail = await step(eva, confidential.id, 'triage', {
        outcome: 'complaint',
        category: 'treated_wrongly',
        subject: { kind: 'employee', employeeId: world.people.anna.id },
      });
      expect(detail.confidential).toBe(true);
      // policy 1.3: routed to Anna, whom it is about; she adds the statement
      const added = await upload(world.as.anna, confidential.id, {
        name: 'verklaring.pdf',
        bytes: samplePdf(),
      });
      expect(added.statusCode, added.body).toBe(201);
      const url = added.json().downloadUrl;

      const logBefore = await accessLogCount(world.people.karel.id);
      for (const response of [
        await karel.request({ method: 'GET', url: `/api/complaints/${confidential.id}/attachments` }),
        await download(karel, url),
        await upload(karel, confidential.id, { name: 'x.png', bytes: samplePng() }),
      ]) {
        expect(response.statusCode).toBe(404);
        expect(response.json().code).toBe('not_found');
      }
      expect(await accessLogCount(world.people.karel.id)).toBe(logBefore);

      // The same colleague does see the files of an ordinary complaint (policy 1.4).
      const ordinary = await karel.request({
        method: 'GET',
        url: `/api/complaints/${complaint.id}/attachments`,
      });
      expect(ordinary.statusCode).toBe(200);
      expect(ordinary.json().length).toBeGreaterThan(0);
    });

    test('an attachment of another complaint is not reachable through this one', async () => {
      const other = await register(eva, {
        channel: 'phone',
        complainantId: world.tenant.id,
        description: 'Een andere klacht over de tuinonderhoudsploeg.',
      });
      const listed = await eva.request({ method: 'GET', url: `/api/complaints/${complaint.id}/attachments` });
      const foreign = await download(eva, `/api/complaints/${other.id}/attachments/${listed.json()[0].id}`);
      expect(foreign.statusCode).toBe(404);
    });

    test('every download by staff is recorded in the access log', async () => {
      const listed = await eva.request({ method: 'GET', url: `/api/complaints/${complaint.id}/attachments` });
      const before = await accessLogCount(world.people.eva.id);
      await download(eva, listed.json()[0].downloadUrl);
      await download(eva, listed.json()[1].downloadUrl);
      expect(await accessLogCount(world.people.eva.id)).toBe(before + 2);
      const last = await database.owner
        .selectFrom('complaint_access_log')
        .selectAll()
        .where('what', '=', 'attachment')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(last).toMatchObject({
        complaint_id: complaint.id,
        user_id: world.people.eva.id,
        token_id: null,
      });
    });
  });

  describe('nothing is deleted', () => {
    test('there is no delete route, and the application role may not change or delete a row', async () => {
      const listed = await eva.request({ method: 'GET', url: `/api/complaints/${complaint.id}/attachments` });
      const response = await eva.request({ method: 'DELETE', url: listed.json()[0].downloadUrl });
      expect(response.statusCode).toBe(404);
      await expect(
        inOrganization(database.app, world.organization.id, (trx) =>
          trx.deleteFrom('complaint_attachment').execute(),
        ),
      ).rejects.toThrow(/permission denied/);
      await expect(
        inOrganization(database.app, world.organization.id, (trx) =>
          trx.updateTable('complaint_attachment').set({ file_name: 'x' }).execute(),
        ),
      ).rejects.toThrow(/permission denied/);
    });

    test('every stored file has its row and every row its file: no orphans', async () => {
      const rows = await database.owner.selectFrom('complaint_attachment').select('storage_key').execute();
      expect(await backend.listKeys()).toEqual(rows.map((r) => r.storage_key).sort());
    });
  });

  describe('documentation', () => {
    test('the upload is documented as a multipart form with a binary file', async () => {
      const spec = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
      const body = spec.paths['/api/complaints/{id}/attachments'].post.requestBody;
      const form = body.content['multipart/form-data'].schema;
      const resolved = form.$ref ? spec.components.schemas[form.$ref.split('/').pop()] : form;
      expect(resolved.properties.file).toMatchObject({ type: 'string', format: 'binary' });
      expect(resolved.required).toContain('file');
      const download = spec.paths['/api/complaints/{id}/attachments/{attachmentId}'].get.responses['200'];
      expect(Object.keys(download.content)).toContain('application/pdf');
    });
  });

  async function accessLogCount(userId: string) {
    const row = await database.owner
      .selectFrom('complaint_access_log')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('what', '=', 'attachment')
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    return row.n;
  }
}
