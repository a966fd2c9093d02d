import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { createDatabase, type Database } from '../../src/server/db/database.ts';
import { withDatabase } from '../global-setup.ts';

export type TestDatabase = {
  name: string;
  /** Owner connection: bypasses row-level security; for factories and assertions. */
  owner: Database;
  /** Application-role connection, exactly as the app uses it. */
  app: Database;
  appUrl: string;
  ownerUrl: string;
};

const silent = { error: () => {} };

/** A fresh database cloned from the migrated template, dropped when the test file ends. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const server = inject('databaseServer');
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: withDatabase(server.ownerUrl, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${admin.escapeIdentifier(server.template)}`);
  } finally {
    await admin.end();
  }
  const ownerUrl = withDatabase(server.ownerUrl, name);
  const appUrl = withDatabase(server.appUrl, name);
  const database: TestDatabase = {
    name,
    owner: createDatabase(ownerUrl, { poolSize: 2, log: silent }),
    app: createDatabase(appUrl, { poolSize: 4, log: silent }),
    appUrl,
    ownerUrl,
  };
  afterAll(async () => {
    await database.app.destroy();
    await database.owner.destroy();
    const cleanup = new pg.Client({ connectionString: withDatabase(server.ownerUrl, 'postgres') });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${name} with (force)`);
    await cleanup.end();
  });
  return database;
}
