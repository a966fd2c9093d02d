import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { asPlatform } from '../../src/server/db/tenant-scope.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganization } from '../support/factories.ts';
import { createStaffUser } from '../support/staff-factories.ts';

// Decision 047: the platform role manages organisations, never reads complaint data (grants and row-level security).

const database = await createTestDatabase();
const organization = await createOrganization(database.owner, { hostnames: ['klachten.rol.test'] });
await createStaffUser(database.owner, organization.id, { email: 'iemand@rol.test' });

const COMPLAINT_DATA = [
  'complaint',
  'complaint_event',
  'person',
  'representative',
  'complaint_attachment',
  'complaint_draft',
  'outbox_message',
  'inbound_mail',
  'complaint_access_log',
  'complaint_status_link',
  'staff_user',
  'staff_session',
  'auth_event',
  'api_token',
  'unit',
];

describe('the platform role', () => {
  test.each(COMPLAINT_DATA)('is refused %s', async (table) => {
    await expect(
      asPlatform(database.app, (trx) => sql.raw(`select count(*) from ${table}`).execute(trx)),
    ).rejects.toThrow(/permission denied/);
  });

  test('cannot read through the application role’s scoped functions either', async () => {
    await expect(
      asPlatform(database.app, (trx) => sql`select * from search_complaint_ids('a', 'b', 'c')`.execute(trx)),
    ).rejects.toThrow(/permission denied/);
  });

  test('sees every organisation and its figures as numbers only', async () => {
    const rows = await asPlatform(database.app, (trx) =>
      sql<{ organization_id: string; staff_accounts: number }>`
        select * from platform_organization_figures(now() - interval '1 year', now())`.execute(trx),
    );
    expect(rows.rows).toContainEqual(
      expect.objectContaining({ organization_id: organization.id, staff_accounts: 1 }),
    );
    const columns = Object.keys(rows.rows[0] ?? {});
    expect(columns).toEqual(['organization_id', 'staff_accounts', 'complaints_this_year']);
  });

  test('the application role cannot read the platform’s tables, even inside an organisation', async () => {
    for (const table of ['platform_admin', 'platform_session', 'platform_password_link', 'platform_audit'])
      await expect(sql.raw(`select count(*) from ${table}`).execute(database.app)).rejects.toThrow(
        /permission denied/,
      );
  });

  test('cannot switch off row-level security or become the owner', async () => {
    await expect(
      asPlatform(database.app, (trx) =>
        sql`alter table organization disable row level security`.execute(trx),
      ),
    ).rejects.toThrow(/must be owner/);
    await expect(
      asPlatform(database.app, (trx) => sql`set local role postgres`.execute(trx)),
    ).rejects.toThrow(/permission denied/);
  });
});
