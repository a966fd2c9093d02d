import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { quarterOfDay, toLocalDate } from '../../src/domain/index.ts';
import { scheduledJobs } from '../../src/server/jobs/job-runner.ts';
import { runRetention } from '../../src/server/modules/privacy/retention.service.ts';
import { createTestApp } from '../support/app.ts';
import { register } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import {
  closedComplaint,
  createPrivacyStores,
  createPrivacyWorld,
  createTenant,
  setClosedAt,
  uploadPhoto,
} from './privacy-world.ts';

const database = await createTestDatabase();
const stores = await createPrivacyStores();
const app = await createTestApp(database.app, { storage: stores.storage, erasureLedger: stores.ledger });
const world = await createPrivacyWorld(database.owner, app);
const { as } = world;
const deps = { storage: stores.storage, ledger: stores.ledger, log: { error: () => {} } };
const quarter = quarterOfDay(toLocalDate(new Date()));

const complaintRow = (id: string) =>
  database.owner.selectFrom('complaint').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

const figures = async () => {
  const response = await as.marieke.request({ url: `/api/mt/quarters/${quarter}/figures` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

describe('retention: anonymisation after the term', () => {
  test('kept until the day before the anniversary (Europe/Amsterdam), anonymised on it, once', async () => {
    const tenant = await createTenant(database.owner, world.organization.id, world.unit.id, 'Truus Bakker');
    const complaint = await closedComplaint(world, tenant.id, 'De badkamer van Truus Bakker lekt al weken.');
    const photo = await uploadPhoto(as.eva, complaint.id);
    const file = await database.owner
      .selectFrom('complaint_attachment')
      .select('storage_key')
      .where('id', '=', photo.id)
      .executeTakeFirstOrThrow();
    // 23:30 UTC on 3 March is 00:30 on 4 March in Amsterdam: the closing day is the 4th
    await setClosedAt(database.owner, complaint.id, '2024-03-03T23:30:00Z');
    // a draft answer someone started and never sent (issue 22) holds complaint text as well
    const abandoned = await as.mia.request({
      method: 'PUT',
      url: `/api/complaints/${complaint.id}/answer-draft`,
      payload: { text: 'Beste Truus Bakker, over uw badkamer…' },
    });
    expect(abandoned.statusCode, abandoned.body).toBe(200);
    const drafts = () =>
      database.owner
        .selectFrom('complaint_draft')
        .select('text')
        .where('complaint_id', '=', complaint.id)
        .execute();
    expect(await drafts()).toHaveLength(1);

    const dayBefore = await runRetention(database.owner, new Date('2026-03-03T22:59:00Z'), deps);
    expect(dayBefore.anonymised).toBe(0);
    expect((await complaintRow(complaint.id)).anonymised_at).toBeNull();
    expect(await stores.storage.exists(file.storage_key)).toBe(true);

    const onTheDay = await runRetention(database.owner, new Date('2026-03-03T23:00:00Z'), deps);
    expect(onTheDay).toMatchObject({ anonymised: 1, files: 1 });

    const row = await complaintRow(complaint.id);
    expect(row.anonymised_at).not.toBeNull();
    expect(row.description).toBe('[geanonimiseerd]');
    expect(row.answer_text).toBe('[geanonimiseerd]');
    expect(await drafts()).toEqual([]);
    expect(row.improvement_suggestions).toBeNull();
    expect(row.complainant_id).toBeNull();
    expect(row.unit_id).toBeNull();
    // the non-identifying facts stay
    expect(row).toMatchObject({
      category: 'repair_badly_done',
      outcome: 'upheld',
      compensation_cents: 7_500,
      housing_complex_id: world.complex.id,
      channel: 'letter',
      status: 'closed',
    });
    expect((row.assessment as { compensation: { amountCents: number } }).compensation.amountCents).toBe(
      7_500,
    );
    const person = await database.owner
      .selectFrom('person')
      .selectAll()
      .where('id', '=', tenant.id)
      .executeTakeFirstOrThrow();
    expect(person).toMatchObject({
      name: '[geanonimiseerd]',
      email: null,
      phone: null,
      postal_address: null,
      unit_id: null,
    });
    const events = await database.owner
      .selectFrom('complaint_event')
      .select(['summary', 'payload'])
      .where('complaint_id', '=', complaint.id)
      .execute();
    expect(events.every((e) => e.summary === null)).toBe(true);
    expect(JSON.stringify(events)).not.toContain('lekkage');
    expect(JSON.stringify(row)).not.toContain('Truus');
    expect(await stores.storage.exists(file.storage_key)).toBe(false);
    const download = await as.eva.request({ url: photo.downloadUrl });
    expect(download.statusCode).toBe(410);
    expect(download.json().code).toBe('attachment_erased');
    // the search no longer finds the words
    const search = await as.eva.request({ url: '/api/complaints?q=badkamer' });
    expect(search.json().items.map((i: { id: string }) => i.id)).not.toContain(complaint.id);

    const ledger = await stores.ledger.read();
    expect(ledger.filter((e) => e.id === complaint.id)).toEqual([
      expect.objectContaining({ kind: 'complaint', reason: 'retention' }),
    ]);
    expect(ledger.some((e) => e.id === tenant.id && e.kind === 'person')).toBe(true);

    const again = await runRetention(database.owner, new Date('2026-03-05T12:00:00Z'), deps);
    expect(again.anonymised).toBe(0);
    expect((await stores.ledger.read()).filter((e) => e.id === complaint.id)).toHaveLength(1);
  });

  test('report figures are the same before and after anonymisation', async () => {
    const tenant = await createTenant(database.owner, world.organization.id, world.unit.id, 'Henk Jansen');
    const complaint = await closedComplaint(
      world,
      tenant.id,
      'Henk Jansen: de dakgoot is slecht gerepareerd.',
    );
    await database.owner
      .insertInto('complaint_satisfaction')
      .values({
        organization_id: world.organization.id,
        complaint_id: complaint.id,
        handling: 4,
        outcome: 3,
        comment: 'Henk was tevreden',
      })
      .execute();
    const before = await figures();
    expect(before.received).toBeGreaterThan(0);
    await setClosedAt(database.owner, complaint.id, '2023-01-01T10:00:00Z');
    const run = await runRetention(database.owner, new Date(), deps);
    expect(run.anonymised).toBeGreaterThanOrEqual(1);
    expect((await complaintRow(complaint.id)).anonymised_at).not.toBeNull();
    expect(await figures()).toEqual(before);
    const satisfaction = await database.owner
      .selectFrom('complaint_satisfaction')
      .selectAll()
      .where('complaint_id', '=', complaint.id)
      .executeTakeFirstOrThrow();
    expect(satisfaction).toMatchObject({ handling: 4, outcome: 3, comment: null });
  });

  test('a legal hold stops the clock; after it is lifted the held days are added; the dry run shows both', async () => {
    const tenant = await createTenant(database.owner, world.organization.id, world.unit.id, 'Gerda Smit');
    const complaint = await closedComplaint(
      world,
      tenant.id,
      'Gerda Smit is het niet eens met de huurverhoging.',
    );
    await setClosedAt(database.owner, complaint.id, '2024-01-10T10:00:00Z');
    const placed = await world.officer.request({
      method: 'POST',
      url: `/api/privacy/complaints/${complaint.id}/legal-holds`,
      payload: {
        kind: 'huurcommissie',
        reason: 'Bezwaar loopt bij de Huurcommissie',
        placedOn: '2025-12-01',
      },
    });
    expect(placed.statusCode, placed.body).toBe(201);
    expect(
      (await as.eva.request({ url: `/api/privacy/complaints/${complaint.id}/legal-holds` })).statusCode,
    ).toBe(403);

    const dryRun = await world.officer.request({ url: '/api/privacy/retention/dry-run' });
    expect(dryRun.statusCode, dryRun.body).toBe(200);
    const held = dryRun.json().held.find((h: { complaintId: string }) => h.complaintId === complaint.id);
    expect(held).toMatchObject({ closedOn: '2024-01-10', anonymiseOnAtLatest: '2029-01-10' });
    expect(held.holds).toEqual([
      expect.objectContaining({
        kind: 'huurcommissie',
        reason: 'Bezwaar loopt bij de Huurcommissie',
        derived: false,
      }),
    ]);
    expect(dryRun.json().anonymise.map((a: { complaintId: string }) => a.complaintId)).not.toContain(
      complaint.id,
    );
    // the dry run changes nothing
    expect((await complaintRow(complaint.id)).anonymised_at).toBeNull();

    const whileHeld = await runRetention(database.owner, new Date('2026-06-01T10:00:00Z'), deps);
    expect(whileHeld.held).toBeGreaterThanOrEqual(1);
    expect((await complaintRow(complaint.id)).anonymised_at).toBeNull();

    const lifted = await world.officer.request({
      method: 'POST',
      url: `/api/privacy/legal-holds/${placed.json().id}/lift`,
      payload: { liftedOn: '2026-06-01' },
    });
    expect(lifted.statusCode, lifted.body).toBe(200);
    // held 182 days: 2026-01-10 + 182 days = 2026-07-11
    await runRetention(database.owner, new Date('2026-07-10T12:00:00Z'), deps);
    expect((await complaintRow(complaint.id)).anonymised_at).toBeNull();
    await runRetention(database.owner, new Date('2026-07-11T12:00:00Z'), deps);
    expect((await complaintRow(complaint.id)).anonymised_at).not.toBeNull();
  });

  test('the anonymisation function refuses another organisation’s complaint and an open one, whoever calls it', async () => {
    const open = await register(as.eva, {
      channel: 'phone',
      complainantId: world.tenant.id,
      description: 'Nog open.',
    });
    const callAsApp = (organizationId: string) =>
      database.app.transaction().execute(async (trx) => {
        await sql`select set_config('gehoord.organization_id', ${organizationId}, true)`.execute(trx);
        return sql`select privacy_anonymise_complaint(${open.id}::uuid, 'request')`.execute(trx);
      });
    await expect(callAsApp(crypto.randomUUID())).rejects.toThrow(/not in the current organisation/);
    await expect(callAsApp(world.organization.id)).rejects.toThrow(/is not closed/);
    expect((await complaintRow(open.id)).description).toBe('Nog open.');
  });

  test('the nightly job runs the same retention for every organisation', async () => {
    const job = scheduledJobs('http://localhost:3000', deps).find((j) => j.name === 'retention');
    expect(job?.cron).toBe('15 3 * * *');
    expect(await job?.run(database.owner, new Date())).toMatchObject({ organizations: 1, anonymised: 0 });
    expect(scheduledJobs('http://localhost:3000').map((j) => j.name)).not.toContain('retention');
  });

  test('the retention settings are the administrator’s, with defaults 2 and 5 years, validated', async () => {
    expect((await as.mia.request({ url: '/api/privacy/settings' })).statusCode).toBe(403);
    const defaults = await world.admin.request({ url: '/api/privacy/settings' });
    expect(defaults.json()).toEqual({ retentionYears: 2, legalHoldMaxYears: 5, mailIncludesCaseText: false });
    const wrong = await world.admin.request({
      method: 'PATCH',
      url: '/api/privacy/settings',
      payload: { retentionYears: 6 },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    const changed = await world.admin.request({
      method: 'PATCH',
      url: '/api/privacy/settings',
      payload: { retentionYears: 3 },
    });
    expect(changed.json()).toEqual({ retentionYears: 3, legalHoldMaxYears: 5, mailIncludesCaseText: false });
    await world.admin.request({
      method: 'PATCH',
      url: '/api/privacy/settings',
      payload: { retentionYears: 2 },
    });
  });
});

describe('retention: erased complaints leave the stored themes (decision 049)', () => {
  test('in the same transaction the id leaves every theme run; a theme left below three members goes', async () => {
    const tenant = await createTenant(database.owner, world.organization.id, world.unit.id, 'Thea Thema');
    const erased = await closedComplaint(world, tenant.id, 'Schimmel op de muren van de slaapkamer.');
    await setClosedAt(database.owner, erased.id, '2024-03-03T23:30:00Z');
    const department = await database.owner
      .selectFrom('department')
      .select('id')
      .where('organization_id', '=', world.organization.id)
      .executeTakeFirstOrThrow();
    await database.owner
      .updateTable('complaint')
      .set({ department_id: department.id, housing_complex_id: null })
      .where('id', '=', erased.id)
      .execute();
    const [y, z, w, p, q, r] = [1, 2, 3, 4, 5, 6].map(() => crypto.randomUUID() as string) as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const other = crypto.randomUUID();
    const theme = (key: string, complaintIds: string[], departments: { id: string; count: number }[]) => ({
      key,
      name: key,
      size: complaintIds.length,
      cohesion: 0.5,
      terms: [{ lexeme: key, word: key, weight: 1 }],
      complaintIds,
      departments,
      complexes: [],
    });
    const runs = {
      '2024-Q1': [
        theme(
          'schimmel',
          [erased.id, y, z, w],
          [
            { id: department.id, count: 3 },
            { id: other, count: 1 },
          ],
        ),
        theme('lekkage', [p, erased.id, q], [{ id: department.id, count: 3 }]),
        theme('tuin', [p, q, r], [{ id: other, count: 3 }]),
      ],
      '2024-Q2': [theme('schimmel', [y, erased.id, z, w], [{ id: department.id, count: 4 }])],
      '2024-Q3': [theme('tuin', [p, q, r], [])],
    };
    for (const [quarter, themes] of Object.entries(runs))
      await database.owner
        .insertInto('complaint_theme_run')
        .values({
          organization_id: world.organization.id,
          quarter,
          computed_at: new Date('2024-07-01T00:00:00Z'),
          complaints: 10,
          left_out: 0,
          themes: JSON.stringify(themes),
        } as never)
        .execute();
    const stored = async () =>
      Object.fromEntries(
        (
          await database.owner
            .selectFrom('complaint_theme_run')
            .select(['quarter', 'themes'])
            .where('organization_id', '=', world.organization.id)
            .execute()
        ).map((row) => [row.quarter, row.themes as ReturnType<typeof theme>[]]),
      );

    expect((await runRetention(database.owner, new Date('2026-03-03T23:00:00Z'), deps)).anonymised).toBe(1);
    expect((await complaintRow(erased.id)).anonymised_at).not.toBeNull();
    const after = await stored();
    expect(JSON.stringify(after)).not.toContain(erased.id);
    expect(after['2024-Q1']).toEqual([
      theme(
        'schimmel',
        [y, z, w],
        [
          { id: department.id, count: 2 },
          { id: other, count: 1 },
        ],
      ),
      // two members left: no longer a theme
      theme('tuin', [p, q, r], [{ id: other, count: 3 }]),
    ]);
    expect(after['2024-Q2']).toEqual([theme('schimmel', [y, z, w], [{ id: department.id, count: 3 }])]);
    expect(after['2024-Q3']).toEqual(runs['2024-Q3']);
  });
});
