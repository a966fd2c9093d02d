import { describe, expect, test } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { signInAs } from '../support/sessions.ts';
import { createStaffUser } from '../support/staff-factories.ts';
import { multipartBody, samplePdf, samplePng, sha256 } from './sample-files.ts';

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const adminUser = await createStaffUser(database.owner, world.organization.id, {
  name: 'Ruud Beheer',
  roles: ['employee', 'admin'],
});
const admin = await signInAs(app, adminUser.email);

const complaint = await register(world.as.eva, {
  channel: 'web',
  complainantId: world.tenant.id,
  description: 'Via het klantportaal: schimmel in de slaapkamer.',
});
const confidential = await register(world.as.eva, {
  channel: 'phone',
  complainantId: world.tenant.id,
  description: 'Over het gedrag van een medewerker.',
  confidential: true,
  confidentialReason: 'sensitive_personal_matter',
});
await step(world.as.eva, confidential.id, 'triage', {
  outcome: 'complaint',
  category: 'treated_wrongly',
  subject: { kind: 'employee', employeeId: world.people.karel.id },
});

async function integration(scope: 'read' | 'full') {
  const created = await admin.request({
    method: 'POST',
    url: '/api/admin/api-tokens',
    payload: { name: `Klantportaal ${scope}`, scope },
  });
  expect(created.statusCode, created.body).toBe(201);
  const { token, apiToken } = created.json();
  const call = (options: { method: 'GET' | 'POST'; url: string; payload?: Buffer; headers?: object }) =>
    app.inject({ ...options, headers: { ...options.headers, authorization: `Bearer ${token}` } });
  const upload = async (complaintId: string, bytes: Buffer, name: string) => {
    const body = await multipartBody({ name, bytes });
    return call({
      method: 'POST',
      url: `/api/complaints/${complaintId}/attachments`,
      payload: body.payload,
      headers: body.headers,
    });
  };
  return { id: apiToken.id as string, call, upload };
}

const full = await integration('full');
const read = await integration('read');

describe('integrations (API tokens)', () => {
  test('with the full scope an integration adds a file, recorded as its own', async () => {
    const png = samplePng();
    const response = await full.upload(complaint.id, png, 'foto-portaal.png');
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      sha256: sha256(png),
      uploadedBy: { kind: 'token', id: full.id, name: 'Klantportaal full' },
    });
    const detail = await world.as.eva.request({ method: 'GET', url: `/api/complaints/${complaint.id}` });
    const event = detail.json().timeline.find((e: { type: string }) => e.type === 'attachment_added');
    expect(event.actor).toMatchObject({ kind: 'token', id: full.id });
  });

  test('with the read scope it lists and downloads (logged with the token), but may not add', async () => {
    const listed = await read.call({ method: 'GET', url: `/api/complaints/${complaint.id}/attachments` });
    expect(listed.statusCode).toBe(200);
    const fetched = await read.call({ method: 'GET', url: listed.json()[0].downloadUrl });
    expect(fetched.statusCode).toBe(200);
    const logged = await database.owner
      .selectFrom('complaint_access_log')
      .selectAll()
      .where('token_id', '=', read.id)
      .where('what', '=', 'attachment')
      .execute();
    expect(logged).toHaveLength(1);

    const refused = await read.upload(complaint.id, samplePdf(), 'brief.pdf');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('token_scope_insufficient');
  });

  test('a confidential complaint does not exist for an integration', async () => {
    // routed to Karel, whom it is about (policy 1.3)
    const added = await world.as.karel.request({
      method: 'POST',
      url: `/api/complaints/${confidential.id}/attachments`,
      ...(await multipartBody({ name: 'verklaring.pdf', bytes: samplePdf() })),
    });
    expect(added.statusCode, added.body).toBe(201);
    expect((await full.upload(confidential.id, samplePng(), 'x.png')).statusCode).toBe(404);
    expect(
      (await full.call({ method: 'GET', url: `/api/complaints/${confidential.id}/attachments` })).statusCode,
    ).toBe(404);
    expect((await full.call({ method: 'GET', url: added.json().downloadUrl })).statusCode).toBe(404);
  });

  test('two files in one request are refused: one file per upload', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(samplePng())]), 'a.png');
    form.append('file', new Blob([new Uint8Array(samplePdf())]), 'b.pdf');
    const request = new Request('http://localhost/', { method: 'POST', body: form });
    const response = await full.call({
      method: 'POST',
      url: `/api/complaints/${complaint.id}/attachments`,
      payload: Buffer.from(await request.arrayBuffer()),
      headers: { 'content-type': request.headers.get('content-type') },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ path: 'file', code: 'too_many_files' });
  });
});
