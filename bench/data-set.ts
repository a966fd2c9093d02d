import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { createDatabase } from '../src/server/db/database.ts';
import { startEmbeddedPostgres } from '../src/server/db/embedded-postgres.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { hashPassword } from '../src/server/modules/auth/credentials/password-hashing.ts';
import { BULK_LOAD_SETTINGS } from '../src/server/seed/fresh-tables.ts';
import type { ScaleName } from '../src/server/seed/scales.ts';
import { GENERATOR_VERSION, type SeedSummary, seedDataSet } from '../src/server/seed/seed-data-set.ts';
import { FIRST_ORGANIZATION_SLUG } from './bench-context.ts';
import { ROOT } from './gehoord-process.ts';

// The benchmark's own data directory under data/bench: migrated and seeded once, then reused by later runs
// of the same scale and seed (the national set takes minutes to load). --fresh starts over.

export const BENCH_PASSWORD = process.env.SEED_PASSWORD ?? 'Benchmark-Gehoord-2026';
const quiet = { info: () => {}, warn: (m: string) => console.warn(m), debug: () => {} };

export function dataDirFor(scale: ScaleName, seed: number): string {
  return path.join(ROOT, 'data', 'bench', `${scale}-seed${seed}`);
}

async function migrateAndSeed(
  ownerUrl: string,
  scale: ScaleName,
  seed: number,
  now: Date,
): Promise<SeedSummary> {
  const owner = createDatabase(ownerUrl, { poolSize: 1, log: console });
  try {
    await migrateToLatest(owner);
  } finally {
    await owner.destroy();
  }
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    return await seedDataSet(client, {
      scale,
      seed,
      now,
      passwordHash: await hashPassword(BENCH_PASSWORD),
      progress: true,
    });
  } finally {
    await client.end();
  }
}

export async function prepareDataSet(
  scale: ScaleName,
  seed: number,
  options: { fresh: boolean; now: Date },
): Promise<{ dataDir: string; summary: SeedSummary | null; reused: boolean }> {
  const dataDir = dataDirFor(scale, seed);
  const marker = path.join(dataDir, 'seed-summary.json');
  if (!options.fresh && existsSync(marker)) {
    const summary = JSON.parse(readFileSync(marker, 'utf8')) as SeedSummary;
    if (summary.generatorVersion === GENERATOR_VERSION) return { dataDir, summary, reused: true };
  }
  await rm(dataDir, { recursive: true, force: true });
  await mkdir(dataDir, { recursive: true });
  // The loading server runs with the bulk-load settings (wal_level minimal: see fresh-tables.ts); the
  // benchmark's own server starts later with the ordinary ones.
  const embedded = await startEmbeddedPostgres(dataDir, quiet, { settings: BULK_LOAD_SETTINGS });
  try {
    const summary = await migrateAndSeed(embedded.ownerUrl, scale, seed, options.now);
    await writeFile(marker, `${JSON.stringify(summary, null, 2)}\n`);
    return { dataDir, summary, reused: false };
  } finally {
    await embedded.stop();
  }
}

/**
 * `--external`: the database of DATABASE_OWNER_URL. A data set found there is used as it is (it cannot be
 * dropped for you); sign-in then needs the password it was loaded with (BENCH_PASSWORD, or SEED_PASSWORD).
 */
export async function prepareExternalDataSet(
  ownerUrl: string,
  scale: ScaleName,
  seed: number,
  now: Date,
): Promise<{ dataDir: string; summary: SeedSummary | null; reused: boolean }> {
  const dataDir = path.join(ROOT, 'data', 'bench', 'external');
  await mkdir(dataDir, { recursive: true });
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  let exists = false;
  try {
    const found = await client.query(
      "select 1 from pg_tables where tablename = 'organization' and schemaname = 'public'",
    );
    if (found.rows.length > 0)
      exists =
        (await client.query('select 1 from organization where slug = $1', [FIRST_ORGANIZATION_SLUG])).rows
          .length > 0;
  } finally {
    await client.end();
  }
  if (exists) return { dataDir, summary: null, reused: true };
  return { dataDir, summary: await migrateAndSeed(ownerUrl, scale, seed, now), reused: false };
}
