import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { samplePng } from '../attachments/sample-files.ts';
import { createTestApp } from '../support/app.ts';
import { register } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import {
  closedComplaint,
  createPrivacyStores,
  createPrivacyWorld,
  createTenant,
  uploadPhoto,
} from './privacy-world.ts';

const run = promisify(execFile);
const database = await createTestDatabase();
const stores = await createPrivacyStores();
const app = await createTestApp(database.app, { storage: stores.storage, erasureLedger: stores.ledger });
const world = await createPrivacyWorld(database.owner, app);
const { as } = world;
const scratch = await mkdtemp(path.join(tmpdir(), 'gehoord-zip-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** Unpacks with the system's unzip: an independent reader of what we wrote. */
async function unpack(zip: Buffer, name: string) {
  const file = path.join(scratch, `${name}.zip`);
  const into = path.join(scratch, name);
  await writeFile(file, zip);
  await run('unzip', ['-q', file, '-d', into]);
  const { stdout } = await run('unzip', ['-Z1', file]);
  return { into, names: stdout.trim().split('\n').sort() };
}

describe('subject access (AVG art. 15)', () => {
  test('one request gives a ZIP with a readable PDF, the complete JSON, the files and who accessed the data', async () => {
    const tenant = await createTenant(
      database.owner,
      world.organization.id,
      world.unit.id,
      'Fatima El Amrani',
    );
    const complaint = await closedComplaint(world, tenant.id, 'Fatima El Amrani: schimmel in de slaapkamer.');
    await uploadPhoto(as.eva, complaint.id);
    await as.eva.request({ url: `/api/complaints/${complaint.id}` });
    await as.mia.request({ url: `/api/persons/${tenant.id}` });
    await database.owner
      .insertInto('outbox_message')
      .values({
        organization_id: world.organization.id,
        complaint_id: complaint.id,
        kind: 'acknowledgement',
        recipient_to: [tenant.email as string],
        subject: `Ontvangstbevestiging ${complaint.reference}`,
        body_text: 'Wij hebben uw klacht ontvangen.',
      })
      .execute();

    expect((await as.eva.request({ url: `/api/privacy/persons/${tenant.id}/export` })).statusCode).toBe(403);
    const response = await world.officer.request({ url: `/api/privacy/persons/${tenant.id}/export` });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="inzage-.*\.zip"$/);

    const { into, names } = await unpack(response.rawPayload, 'fatima');
    expect(names).toContain('overzicht.pdf');
    expect(names).toContain('gegevens.json');
    const photoPath = names.find((n) => n.startsWith(`bijlagen/${complaint.reference}/`));
    expect(photoPath).toMatch(/lekkage-badkamer\.png$/);
    expect((await readFile(path.join(into, photoPath as string))).equals(samplePng())).toBe(true);

    const json = JSON.parse(await readFile(path.join(into, 'gegevens.json'), 'utf8'));
    expect(json.person).toMatchObject({
      id: tenant.id,
      name: 'Fatima El Amrani',
      email: tenant.email,
      phone: '0611122233',
    });
    expect(json.complaints).toHaveLength(1);
    expect(json.complaints[0]).toMatchObject({
      reference: complaint.reference,
      description: 'Fatima El Amrani: schimmel in de slaapkamer.',
      answer: 'Beste mevrouw, u ontvangt € 75,00 vergoeding.',
      status: 'closed',
    });
    expect(json.complaints[0].timeline.map((e: { type: string }) => e.type)).toContain('contact_logged');
    expect(json.messages.sent).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'answer', to: [tenant.email] }),
        expect.objectContaining({
          subject: `Ontvangstbevestiging ${complaint.reference}`,
          to: [tenant.email],
        }),
      ]),
    );
    expect(json.attachments).toEqual([
      expect.objectContaining({ fileName: 'lekkage-badkamer.png', file: photoPath }),
    ]);
    const accessed = json.access.map((a: { what: string; by: string }) => `${a.what}:${a.by}`);
    expect(accessed).toContain('detail:Eva Behandelaar');
    expect(accessed).toContain('person:Mia Manager');

    const { stdout: pdfText } = await run('pdftotext', ['-layout', path.join(into, 'overzicht.pdf'), '-']);
    expect(pdfText).toContain('Overzicht van uw persoonsgegevens');
    expect(pdfText).toContain('Fatima El Amrani');
    expect(pdfText).toContain(complaint.reference);
    expect(pdfText).toContain('Mia Manager');

    // the export itself is in the access log
    const log = await world.officer.request({ url: `/api/privacy/persons/${tenant.id}/access-log` });
    expect(log.json().map((e: { what: string }) => e.what)).toContain('subject_access_export');
  });

  test('an unknown person is a 404 problem, not an empty ZIP', async () => {
    const response = await world.officer.request({
      url: '/api/privacy/persons/00000000-0000-4000-8000-000000000000/export',
    });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });
});

describe('erasure on request (AVG art. 17)', () => {
  test('blocked with the reason while a legal hold applies; nothing changes', async () => {
    const tenant = await createTenant(database.owner, world.organization.id, world.unit.id, 'Kees Visser');
    const complaint = await closedComplaint(
      world,
      tenant.id,
      'Kees Visser: de schade aan de vloer is niet vergoed.',
    );
    const hold = await world.officer.request({
      method: 'POST',
      url: `/api/privacy/complaints/${complaint.id}/legal-holds`,
      payload: { kind: 'insurer', reason: 'Schadeclaim loopt bij de verzekeraar' },
    });
    expect(hold.statusCode, hold.body).toBe(201);
    const refused = await world.officer.request({
      method: 'POST',
      url: `/api/privacy/persons/${tenant.id}/erase`,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().code).toBe('erasure_blocked');
    expect(refused.json().detail).toContain(complaint.reference);
    expect(refused.json().detail).toContain('Schadeclaim loopt bij de verzekeraar');
    const person = await database.owner
      .selectFrom('person')
      .selectAll()
      .where('id', '=', tenant.id)
      .executeTakeFirstOrThrow();
    expect(person.name).toBe('Kees Visser');
    expect(person.anonymised_at).toBeNull();
  });

  test('blocked while a complaint is still being handled', async () => {
    const tenant = await createTenant(database.owner, world.organization.id, world.unit.id, 'Anouk de Boer');
    const open = await register(as.eva, {
      channel: 'phone',
      complainantId: tenant.id,
      description: 'Anouk: de lift is stuk.',
    });
    const refused = await world.officer.request({
      method: 'POST',
      url: `/api/privacy/persons/${tenant.id}/erase`,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain(`${open.reference}: de klacht is nog in behandeling`);
  });

  test('without a hold the person and all their complaints are anonymised everywhere, files deleted, logged by id', async () => {
    const tenant = await createTenant(database.owner, world.organization.id, world.unit.id, 'Bert Mulder');
    const first = await closedComplaint(world, tenant.id, 'Bert Mulder: tocht langs de ramen.');
    const second = await closedComplaint(world, tenant.id, 'Bert Mulder: opnieuw tocht.');
    const photo = await uploadPhoto(as.eva, second.id);
    // an out-of-office reply of theirs that never became part of a complaint
    await database.owner
      .insertInto('inbound_mail')
      .values({
        organization_id: world.organization.id,
        mailbox: 'INBOX',
        uid_validity: 1,
        uid: 77,
        message_id: '<afwezig-77@example.nl>',
        outcome: 'auto_reply',
        from_address: `Bert Mulder <${tenant.email}>`,
        subject: 'Afwezig',
        raw: Buffer.from('From: Bert Mulder\r\n\r\nIk ben afwezig.'),
      })
      .execute();
    expect(
      (await as.eva.request({ method: 'POST', url: `/api/privacy/persons/${tenant.id}/erase` })).statusCode,
    ).toBe(403);
    const erased = await world.officer.request({
      method: 'POST',
      url: `/api/privacy/persons/${tenant.id}/erase`,
    });
    expect(erased.statusCode, erased.body).toBe(200);
    expect(erased.json()).toEqual({ personId: tenant.id, complaintsAnonymised: 2, filesDeleted: 1 });

    const person = await database.owner
      .selectFrom('person')
      .selectAll()
      .where('id', '=', tenant.id)
      .executeTakeFirstOrThrow();
    expect(person).toMatchObject({ name: '[geanonimiseerd]', email: null, phone: null });
    for (const id of [first.id, second.id]) {
      const row = await database.owner
        .selectFrom('complaint')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.description).toBe('[geanonimiseerd]');
      expect(JSON.stringify(row)).not.toContain('Bert');
    }
    const outbox = await database.owner
      .selectFrom('outbox_message')
      .select(['recipient_to', 'body_text'])
      .where('complaint_id', 'in', [first.id, second.id])
      .execute();
    expect(JSON.stringify(outbox)).not.toContain('bert.mulder');
    expect((await as.eva.request({ url: photo.downloadUrl })).statusCode).toBe(410);
    const autoReply = await database.owner
      .selectFrom('inbound_mail')
      .select(['from_address', 'subject', 'raw', 'message_id'])
      .where('message_id', '!=', '<afwezig-77@example.nl>')
      .where('outcome', '=', 'auto_reply')
      .executeTakeFirstOrThrow();
    expect(autoReply).toMatchObject({ from_address: null, subject: null });
    expect(autoReply.raw.length).toBe(0);
    expect(autoReply.message_id).toMatch(/^[0-9a-f]{64}$/);
    const ledger = await stores.ledger.read();
    expect(
      ledger.filter((e) => [first.id, second.id, tenant.id].includes(e.id)).map((e) => e.reason),
    ).toEqual(['request', 'request', 'request']);
    // a second request finds nothing left to do
    const again = await world.officer.request({
      method: 'POST',
      url: `/api/privacy/persons/${tenant.id}/erase`,
    });
    expect(again.json()).toEqual({ personId: tenant.id, complaintsAnonymised: 0, filesDeleted: 0 });
  });
});

describe('erasure on request and the stored themes (decision 049)', () => {
  test("the erased person's complaints leave every theme run in the same request", async () => {
    const tenant = await createTenant(database.owner, world.organization.id, world.unit.id, 'Thijs Thema');
    const complaint = await closedComplaint(world, tenant.id, 'Thijs Thema: schimmel in de badkamer.');
    const others = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    const theme = (complaintIds: string[]) => ({
      key: 'schimmel',
      name: 'schimmel',
      size: complaintIds.length,
      cohesion: 0.5,
      terms: [{ lexeme: 'schimmel', word: 'schimmel', weight: 1 }],
      complaintIds,
      departments: [],
      complexes: [],
    });
    await database.owner
      .insertInto('complaint_theme_run')
      .values({
        organization_id: world.organization.id,
        quarter: '2025-Q3',
        computed_at: new Date('2025-10-01T00:00:00Z'),
        complaints: 4,
        left_out: 0,
        themes: JSON.stringify([theme([complaint.id, ...others])]),
      } as never)
      .execute();
    const erased = await world.officer.request({
      method: 'POST',
      url: `/api/privacy/persons/${tenant.id}/erase`,
    });
    expect(erased.statusCode, erased.body).toBe(200);
    const run = await database.owner
      .selectFrom('complaint_theme_run')
      .select('themes')
      .where('organization_id', '=', world.organization.id)
      .where('quarter', '=', '2025-Q3')
      .executeTakeFirstOrThrow();
    expect(run.themes).toEqual([theme(others)]);
  });
});
