import { describe, expect, test } from 'vitest';
import { quarterOfDay, toLocalDate } from '../../src/domain/index.ts';
import { createTestApp } from '../support/app.ts';
import { register } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { createPrivacyStores, createPrivacyWorld, createTenant, uploadPhoto } from './privacy-world.ts';

const database = await createTestDatabase();
const stores = await createPrivacyStores();
const app = await createTestApp(database.app, { storage: stores.storage, erasureLedger: stores.ledger });
const world = await createPrivacyWorld(database.owner, app);
const { as } = world;

describe('a confidential complaint (policy 2.5) stays with those the permission matrix allows', async () => {
  const tenant = await createTenant(database.owner, world.organization.id, world.unit.id, 'Wim Dekker');
  const complaint = await register(as.eva, {
    channel: 'phone',
    complainantId: tenant.id,
    unitId: world.unit.id,
    confidential: true,
    confidentialReason: 'sensitive_personal_matter',
    description: 'Wim Dekker meldt dat een opzichter hem bij het huisbezoek heeft uitgescholden.',
  });
  const photo = await uploadPhoto(as.eva, complaint.id);
  const ids = (body: { items: { id: string }[] }) => body.items.map((i) => i.id);

  test('an ordinary employee does not find it in the list, the search, the counts or the person’s complaints', async () => {
    for (const url of [
      '/api/complaints',
      '/api/complaints?q=opzichter',
      `/api/complaints?q=${encodeURIComponent(complaint.reference)}`,
      `/api/persons/${tenant.id}/complaints`,
      `/api/units/${world.unit.id}/complaints`,
      `/api/housing-complexes/${world.complex.id}/complaints`,
    ]) {
      const response = await as.karel.request({ url });
      expect(response.statusCode, url).toBe(200);
      expect(ids(response.json()), url).not.toContain(complaint.id);
    }
    const counts = await as.karel.request({ url: '/api/complaints/counts' });
    expect(counts.json().total).toBe(0);
    const repeats = await as.karel.request({
      url: `/api/complaints/likely-repeats?complainantId=${tenant.id}&text=opzichter`,
    });
    expect(repeats.json()).toEqual([]);
    // the handler does find it: the filter is the permission, not a broken search
    expect(ids((await as.eva.request({ url: '/api/complaints?q=opzichter' })).json())).toContain(
      complaint.id,
    );
    expect(ids((await as.marieke.request({ url: '/api/complaints?q=opzichter' })).json())).toContain(
      complaint.id,
    );
  });

  test('detail, attachments, the answer letter and exports answer 404 or 403, and leave no trace in the access log', async () => {
    for (const url of [
      `/api/complaints/${complaint.id}`,
      `/api/complaints/${complaint.id}/attachments`,
      photo.downloadUrl,
      `/api/complaints/${complaint.id}/answer-letter.pdf`,
    ]) {
      const response = await as.karel.request({ url });
      expect(response.statusCode, url).toBe(404);
      expect(response.body, url).not.toContain('opzichter');
    }
    for (const url of [
      `/api/privacy/persons/${tenant.id}/export`,
      '/api/privacy/access-log/export',
      `/api/mt/quarters/${quarterOfDay(toLocalDate(new Date()))}/figures`,
    ]) {
      expect((await as.karel.request({ url })).statusCode, url).toBe(403);
    }
    const karelsReads = await database.owner
      .selectFrom('complaint_access_log')
      .select('id')
      .where('user_id', '=', world.people.karel.id)
      .where('complaint_id', '=', complaint.id)
      .execute();
    expect(karelsReads).toEqual([]);
  });

  test('the handler and the MT do see it; reads by them are logged', async () => {
    expect((await as.eva.request({ url: `/api/complaints/${complaint.id}` })).statusCode).toBe(200);
    expect((await as.marieke.request({ url: photo.downloadUrl })).statusCode).toBe(200);
    const entries = await database.owner
      .selectFrom('complaint_access_log')
      .select(['user_id', 'what'])
      .where('complaint_id', '=', complaint.id)
      .where('what', 'in', ['detail', 'attachment'])
      .execute();
    expect(entries).toEqual(
      expect.arrayContaining([
        { user_id: world.people.eva.id, what: 'detail' },
        { user_id: world.people.marieke.id, what: 'attachment' },
      ]),
    );
  });
});
