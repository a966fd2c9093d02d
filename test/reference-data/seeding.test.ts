import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { DEFAULT_CALENDAR_SETTINGS } from '../../src/domain/calendar-settings.ts';
import { COMPLAINT_CATEGORIES, NOT_A_COMPLAINT_KINDS } from '../../src/domain/complaint-category.ts';
import { OUTSIDE_PROCEDURE_GROUNDS } from '../../src/domain/outside-procedure-grounds.ts';
import { REFERRAL_TARGETS } from '../../src/domain/referral-targets.ts';
import * as seeds from '../../src/server/db/migrations/2026-11-26-013-reference-data-seeds.ts';
import { inOrganization } from '../../src/server/db/tenant-scope.ts';
import { ensureDefaultOrganization } from '../../src/server/modules/organization/organization.service.ts';
import { getCurrentCalendarSettings } from '../../src/server/modules/reference-data/calendar-settings.repository.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganization } from '../support/factories.ts';

const database = await createTestDatabase();

/** The policy's code lists as the domain has them, in the shape the table stores them. */
function expectedReferenceValues() {
  const list = (kind: string, entries: [string, { label: string }][]) =>
    entries.map(([code, { label }], index) => ({ kind, code, label, sortOrder: index + 1, active: true }));
  return [
    ...list('category', Object.entries(COMPLAINT_CATEGORIES)),
    ...list('not_a_complaint_kind', Object.entries(NOT_A_COMPLAINT_KINDS)),
    ...list('outside_procedure_ground', Object.entries(OUTSIDE_PROCEDURE_GROUNDS)),
    ...list('referral_target', Object.entries(REFERRAL_TARGETS)),
  ];
}

async function storedReferenceValues(organizationId: string) {
  return database.owner
    .selectFrom('reference_value')
    .select(['kind', 'code', 'label', 'sort_order as sortOrder', 'active'])
    .where('organization_id', '=', organizationId)
    .orderBy('kind')
    .orderBy('sort_order')
    .execute();
}

describe('every organisation starts with the policy’s reference data', () => {
  test('a new organisation gets every code list with the domain’s Dutch labels and calendar version 1', async () => {
    const organization = await createOrganization(database.owner);
    expect(await storedReferenceValues(organization.id)).toEqual(expectedReferenceValues());
    const settings = await inOrganization(database.app, organization.id, getCurrentCalendarSettings);
    expect(settings).toEqual(DEFAULT_CALENDAR_SETTINGS);
  });

  test('the default organisation created at first start is seeded too', async () => {
    await database.owner.deleteFrom('organization').execute();
    expect(await ensureDefaultOrganization(database.owner)).toBe(true);
    const organization = await database.owner
      .selectFrom('organization')
      .select('id')
      .executeTakeFirstOrThrow();
    expect(await storedReferenceValues(organization.id)).toHaveLength(expectedReferenceValues().length);
  });

  test('the migration seeds organisations that existed before it, and seeding twice changes nothing', async () => {
    await seeds.down(database.owner as never);
    const before = await createOrganization(database.owner);
    expect(await storedReferenceValues(before.id)).toEqual([]);
    await seeds.up(database.owner as never);
    expect(await storedReferenceValues(before.id)).toEqual(expectedReferenceValues());
    await sql`select seed_organization_reference_data(${before.id}::uuid)`.execute(database.owner);
    expect(await storedReferenceValues(before.id)).toHaveLength(expectedReferenceValues().length);
    const versions = await database.owner
      .selectFrom('calendar_settings')
      .select('version')
      .where('organization_id', '=', before.id)
      .execute();
    expect(versions).toEqual([{ version: 1 }]);
  });

  test('the application role cannot call the seeding function itself', async () => {
    const organization = await createOrganization(database.owner);
    await expect(
      inOrganization(database.app, organization.id, (trx) =>
        sql`select seed_organization_reference_data(${organization.id}::uuid)`.execute(trx),
      ),
    ).rejects.toThrow(/permission denied/);
  });
});
