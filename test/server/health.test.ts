import { describe, expect, test } from 'vitest';
import { createDatabase } from '../../src/server/db/database.ts';
import { createTestApp } from '../support/app.ts';
import { createTestDatabase } from '../support/database.ts';

const database = await createTestDatabase();
const app = await createTestApp(database.app);

describe('health', () => {
  test('live answers while the process runs', async () => {
    const response = await app.inject({ url: '/health/live' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  test('ready when the database answers and migrations are current', async () => {
    const response = await app.inject({ url: '/health/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ready', checks: { database: 'ok', migrations: 'current' } });
  });

  test('not ready (503) when the database is unreachable', async () => {
    const gone = createDatabase('postgres://nobody:x@127.0.0.1:1/none', { log: { error: () => {} } });
    const offline = await createTestApp(gone);
    const response = await offline.inject({ url: '/health/ready' });
    expect(response.statusCode).toBe(503);
    expect(response.json().checks.database).toBe('unreachable');
    await gone.destroy();
  });

  test('not ready (503) when a migration is pending', async () => {
    const applied = await database.owner
      .selectFrom('kysely_migration' as never)
      .selectAll()
      .execute();
    await database.owner.deleteFrom('kysely_migration' as never).execute();
    try {
      const response = await app.inject({ url: '/health/ready' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({
        checks: { migrations: 'pending' },
        pendingMigrations: expect.any(Array),
      });
    } finally {
      await database.owner
        .insertInto('kysely_migration' as never)
        .values(applied as never)
        .execute();
    }
  });
});
