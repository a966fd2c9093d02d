import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { runRetention } from '../../src/server/modules/privacy/retention.service.ts';
import { createTestApp } from '../support/app.ts';
import { createTestDatabase } from '../support/database.ts';
import {
  closedComplaint,
  createPrivacyStores,
  createPrivacyWorld,
  createTenant,
  setClosedAt,
} from './privacy-world.ts';

// Issue 26 (decision 051): a complainant's adjustments are personal data (the access needs: health data). They
// are in the subject-access export and go when the person is anonymised, by retention or on request.

const run = promisify(execFile);
const database = await createTestDatabase();
const stores = await createPrivacyStores();
const app = await createTestApp(database.app, { storage: stores.storage, erasureLedger: stores.ledger });
const world = await createPrivacyWorld(database.owner, app);
const deps = { storage: stores.storage, ledger: stores.ledger, log: { error: () => {} } };
const scratch = await mkdtemp(path.join(tmpdir(), 'gehoord-adjustments-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** Records adjustments on an open complaint of the person, through the API (as staff do). */
async function recordAdjustments(complainantId: string) {
  const response = await world.as.eva.request({
    method: 'POST',
    url: '/api/complaints',
    payload: { channel: 'phone', complainantId, unitId: world.unit.id, description: 'Nog een vraag.' },
  });
  expect(response.statusCode, response.body).toBe(201);
  const put = await world.as.eva.request({
    method: 'PUT',
    url: `/api/complaints/${response.json().id}/adjustments`,
    payload: {
      preferredChannel: 'letter',
      largePrint: true,
      accessNeeds: { needs: ['low_vision'], note: 'Leest met loep', consentGiven: true },
    },
  });
  expect(put.statusCode, put.body).toBe(200);
  return response.json().id as string;
}

/** Adjustments of a person whose complaints are all closed, stored as the API stores them. */
async function storeAdjustments(personId: string) {
  for (const [kind, value, basis] of [
    ['preferred_channel', 'letter', 'legitimate_interest_art6_1f'],
    ['access_needs', { needs: ['deaf'], note: null, consentGiven: true }, 'consent_art9_2a'],
  ] as const)
    await database.owner
      .insertInto('complainant_adjustment')
      .values({
        organization_id: world.organization.id,
        person_id: personId,
        kind,
        value: JSON.stringify(value),
        legal_basis: basis,
        consent_at: basis === 'consent_art9_2a' ? new Date() : null,
        recorded_at: new Date(),
      })
      .execute();
}

const adjustmentsOf = (personId: string) =>
  database.owner.selectFrom('complainant_adjustment').selectAll().where('person_id', '=', personId).execute();

describe('adjustments and the AVG', () => {
  test('the subject-access export holds them with their legal basis', async () => {
    const tenant = await createTenant(database.owner, world.organization.id, world.unit.id, 'Greet Groot');
    await recordAdjustments(tenant.id);
    const response = await world.officer.request({ url: `/api/privacy/persons/${tenant.id}/export` });
    expect(response.statusCode, response.body).toBe(200);
    const file = path.join(scratch, 'greet.zip');
    await writeFile(file, response.rawPayload);
    const { stdout } = await run('unzip', ['-p', file, 'gegevens.json'], { maxBuffer: 10_000_000 });
    const json = JSON.parse(stdout);
    const byKind = Object.fromEntries(
      json.person.adjustments.map((a: { kind: string }) => [a.kind, a] as const),
    );
    expect(Object.keys(byKind).sort()).toEqual(['access_needs', 'large_print', 'preferred_channel']);
    expect(byKind.access_needs).toMatchObject({
      value: { needs: ['low_vision'], note: 'Leest met loep', consentGiven: true },
      legalBasis: 'consent_art9_2a',
      consentAt: expect.any(String),
      recordedBy: 'Eva Behandelaar',
    });
    expect(byKind.preferred_channel).toMatchObject({
      value: 'letter',
      legalBasis: 'legitimate_interest_art6_1f',
      consentAt: null,
    });
  });

  test('erasure on request removes them with the person', async () => {
    const tenant = await createTenant(database.owner, world.organization.id, world.unit.id, 'Wim Wissen');
    await closedComplaint(world, tenant.id, 'Wim Wissen: de galerij is niet geveegd.');
    await storeAdjustments(tenant.id);
    expect(await adjustmentsOf(tenant.id)).toHaveLength(2);
    const erased = await world.officer.request({
      method: 'POST',
      url: `/api/privacy/persons/${tenant.id}/erase`,
    });
    expect(erased.statusCode, erased.body).toBe(200);
    expect(await adjustmentsOf(tenant.id)).toEqual([]);
  });

  test('retention removes them when the person is anonymised after the term, not before', async () => {
    const tenant = await createTenant(database.owner, world.organization.id, world.unit.id, 'Rita Retentie');
    const complaint = await closedComplaint(world, tenant.id, 'Rita Retentie: de lift doet het niet.');
    await storeAdjustments(tenant.id);
    await setClosedAt(database.owner, complaint.id, '2024-03-03T23:30:00Z');
    await runRetention(database.owner, new Date('2026-03-03T22:59:00Z'), deps);
    expect(await adjustmentsOf(tenant.id)).toHaveLength(2);
    await runRetention(database.owner, new Date('2026-03-03T23:00:00Z'), deps);
    const person = await database.owner
      .selectFrom('person')
      .select('anonymised_at')
      .where('id', '=', tenant.id)
      .executeTakeFirstOrThrow();
    expect(person.anonymised_at).not.toBeNull();
    expect(await adjustmentsOf(tenant.id)).toEqual([]);
  });
});
