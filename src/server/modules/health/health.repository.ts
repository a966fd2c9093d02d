import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { findPendingMigrations } from '../../db/migrate.ts';

export async function pingDatabase(db: Database): Promise<void> {
  await sql`select 1`.execute(db);
}

export async function listPendingMigrations(db: Database): Promise<string[]> {
  return findPendingMigrations(db);
}
