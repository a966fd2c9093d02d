import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, expect } from 'vitest';
import type { Database } from '../../src/server/db/database.ts';
import { ErasureLedger } from '../../src/server/modules/privacy/erasure/erasure-ledger.ts';
import { LocalDiskStorage } from '../../src/server/storage/local-disk-storage.ts';
import { multipartBody, samplePng } from '../attachments/sample-files.ts';
import { createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { type Client, signInAs } from '../support/sessions.ts';
import { createStaffUser } from '../support/staff-factories.ts';

/** A file store and an erasure ledger in temporary folders, removed after the test file. */
export async function createPrivacyStores() {
  const directory = await mkdtemp(path.join(tmpdir(), 'gehoord-privacy-'));
  afterAll(() => rm(directory, { recursive: true, force: true }));
  return {
    directory,
    storage: new LocalDiskStorage(path.join(directory, 'attachments')),
    ledger: new ErasureLedger(path.join(directory, 'privacy', 'erasure-ledger.jsonl')),
  };
}

export async function createPrivacyWorld(owner: Database, app: FastifyInstance) {
  const world = await createComplaintWorld(owner, app);
  const admin = await createStaffUser(owner, world.organization.id, {
    name: 'Ada Beheer',
    roles: ['employee', 'admin'],
  });
  const officer = await createStaffUser(owner, world.organization.id, {
    name: 'Pia Privacy',
    roles: ['employee', 'privacy_officer'],
  });
  return { ...world, admin: await signInAs(app, admin.email), officer: await signInAs(app, officer.email) };
}

export async function createTenant(owner: Database, organizationId: string, unitId: string, name: string) {
  return owner
    .insertInto('person')
    .values({
      organization_id: organizationId,
      name,
      email: `${name.toLowerCase().replaceAll(' ', '.')}@example.nl`,
      phone: '0611122233',
      postal_address: 'Hofweg 12, 3155 AB Maasland',
      relation: 'tenant',
      unit_id: unitId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function uploadPhoto(client: Client, complaintId: string) {
  const body = await multipartBody({ name: 'lekkage-badkamer.png', bytes: samplePng() }, { kind: 'photo' });
  const response = await client.request({
    method: 'POST',
    url: `/api/complaints/${complaintId}/attachments`,
    payload: body.payload,
    headers: body.headers,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; downloadUrl: string };
}

type World = Awaited<ReturnType<typeof createPrivacyWorld>>;

/**
 * A complaint through the real policy path: triage, contact, assessment with compensation (approved and
 * paid), answer, close. Returns the closed detail.
 */
export async function closedComplaint(world: World, complainantId: string, description: string) {
  const { as } = world;
  const complaint = await register(as.eva, {
    channel: 'letter',
    complainantId,
    unitId: world.unit.id,
    description,
  });
  await step(as.eva, complaint.id, 'triage', {
    outcome: 'complaint',
    category: 'repair_badly_done',
    subject: { kind: 'contractor', contractorId: world.contractor.id },
  });
  await step(as.eva, complaint.id, 'contacts', {
    kind: 'phone',
    direction: 'outbound',
    summary: 'Mevrouw gebeld over de lekkage.',
  });
  await step(as.eva, complaint.id, 'assessment', {
    kind: 'policy_not_followed',
    verdict: 'upheld',
    apologyOffered: true,
    errorAdmitted: true,
    demonstrableDamage: true,
    compensationCents: 7_500,
    improvementSuggestions: 'Aannemer laten controleren.',
  });
  await step(as.mia, complaint.id, 'approvals', { subject: 'compensation' });
  await step(as.eva, complaint.id, 'answer', { text: 'Beste mevrouw, u ontvangt € 75,00 vergoeding.' });
  await step(as.eva, complaint.id, 'compensation-paid', {});
  return step(as.eva, complaint.id, 'close');
}

/** Moves the closing moment back in time (the run's "now" is chosen by the test instead). */
export async function setClosedAt(owner: Database, complaintId: string, closedAt: string) {
  await owner
    .updateTable('complaint')
    .set({ closed_at: new Date(closedAt) })
    .where('id', '=', complaintId)
    .execute();
}
