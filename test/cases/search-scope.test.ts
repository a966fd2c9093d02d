import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { inOrganization } from '../../src/server/db/tenant-scope.ts';
import { createTestApp } from '../support/app.ts';
import { createComplaintWorld, register } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganization } from '../support/factories.ts';

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const other = await createOrganization(database.owner, {
  name: 'Andere corporatie',
  hostnames: ['andere.test'],
});

const search = (trx: Parameters<Parameters<typeof inOrganization>[2]>[0]) =>
  sql<{ id: string }>`select search_complaint_ids('lekkage', '%lekkage%', '%LEKKAGE%') as id`
    .execute(trx)
    .then((r) => r.rows.map((row) => row.id));

describe('search runs outside row-level security (migration 053), so it must scope itself', () => {
  test("it finds the organisation's own complaints, never another's, and nothing without an organisation", async () => {
    const mine = await register(world.as.eva, {
      channel: 'phone',
      complainantId: world.tenant.id,
      description: 'Lekkage in de badkamer, al weken.',
    });
    expect(await inOrganization(database.app, world.organization.id, search)).toEqual([mine.id]);
    expect(await inOrganization(database.app, other.id, search)).toEqual([]);
    // The application role without an organisation in scope (a forgotten scope) finds nothing
    const unscoped = await database.app.transaction().execute(async (trx) => {
      await sql`set local role gehoord_app`.execute(trx);
      return search(trx);
    });
    expect(unscoped).toEqual([]);
    const response = await world.as.eva.request({ method: 'GET', url: '/api/complaints?q=lekkage' });
    expect(response.json().items.map((c: { id: string }) => c.id)).toEqual([mine.id]);
  });
});
