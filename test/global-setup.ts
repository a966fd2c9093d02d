import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDatabase } from '../src/server/db/database.ts';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '../src/server/db/embedded-postgres.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { APP_ROLE } from '../src/server/db/roles.ts';

export const TEMPLATE_DATABASE = 'gehoord_template';

export type TestDatabaseServer = {
  /** Superuser URL of the maintenance database; the test's database name is swapped in. */
  ownerUrl: string;
  /** URL of the application role (password included); the test's database name is swapped in. */
  appUrl: string;
  template: string;
};

declare module 'vitest' {
  export interface ProvidedContext {
    databaseServer: TestDatabaseServer;
  }
}

const quiet = { info: () => {}, warn: console.warn, debug: () => {} };

/**
 * One PostgreSQL for the whole run: embedded in a temporary folder, or TEST_DATABASE_URL (a superuser URL).
 * Migrates a template database once; every test file clones its own database from it.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedPostgres | null = null;
  let dataDir: string | null = null;
  let ownerUrl = process.env.TEST_DATABASE_URL;
  let appUrl: string;
  if (ownerUrl) {
    appUrl = await ensureAppRoleLogin(ownerUrl);
  } else {
    // Not under a 0700 directory: the server runs as the `postgres` OS user when we are root.
    dataDir = await mkdtemp(path.join(tmpdir(), 'gehoord-test-'));
    embedded = await startEmbeddedPostgres(dataDir, quiet, { databaseName: TEMPLATE_DATABASE });
    ownerUrl = embedded.ownerUrl;
    appUrl = embedded.appUrl;
  }

  const template = withDatabase(ownerUrl, TEMPLATE_DATABASE);
  await recreateDatabase(ownerUrl, TEMPLATE_DATABASE, { keepIfEmbedded: embedded !== null });
  const owner = createDatabase(template, { poolSize: 1, log: console });
  try {
    await migrateToLatest(owner);
  } finally {
    await owner.destroy();
  }

  project.provide('databaseServer', { ownerUrl, appUrl, template: TEMPLATE_DATABASE });

  return async () => {
    await embedded?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function recreateDatabase(ownerUrl: string, name: string, options: { keepIfEmbedded: boolean }) {
  const client = new pg.Client({ connectionString: withDatabase(ownerUrl, 'postgres') });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount && options.keepIfEmbedded) return;
    await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`);
    await client.query(`create database ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/** Against an external server the application role gets a throw-away password for this run. */
async function ensureAppRoleLogin(ownerUrl: string): Promise<string> {
  const password = `test-${Math.random().toString(36).slice(2)}`;
  const client = new pg.Client({ connectionString: withDatabase(ownerUrl, 'postgres') });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_roles where rolname = $1', [APP_ROLE]);
    const verb = exists.rowCount ? 'alter' : 'create';
    await client.query(`${verb} role ${APP_ROLE} login password ${client.escapeLiteral(password)}`);
  } finally {
    await client.end();
  }
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = password;
  return url.toString();
}
