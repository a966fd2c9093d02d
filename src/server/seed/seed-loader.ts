import type pg from 'pg';
import { copyIn } from './copy-in.ts';
import { COLUMN_KINDS_QUERY, type ColumnKinds, toColumnKinds } from './copy-text.ts';
import type { PreparedCorporation, PreparedTable } from './prepared-corporation.ts';
import type { SeedProgress } from './seed-progress.ts';

// Loads generated rows as the database owner (row-level security does not apply; every row carries its
// organization_id), with COPY FROM STDIN in ≈ 4 MB chunks.

export type Executor = pg.ClientBase;

/** Every table the loader writes with COPY. */
export const LOADED_TABLES = [
  'organization',
  'department',
  'staff_user',
  'housing_complex',
  'unit',
  'person',
  'contractor',
  'representative',
  'complaint',
  'complaint_event',
  'board_notification',
  'complaint_satisfaction',
];

export async function readColumnKinds(client: Executor): Promise<ColumnKinds> {
  return toColumnKinds((await client.query(COLUMN_KINDS_QUERY, [LOADED_TABLES])).rows);
}

const IDENTIFIER = /^[a-z_]+$/;

export async function insertPrepared(
  client: Executor,
  prepared: PreparedTable,
  progress: SeedProgress | null,
  freeze = false,
): Promise<void> {
  if (prepared.rows === 0) return;
  const { table } = prepared;
  for (const name of [table, ...prepared.columns])
    if (!IDENTIFIER.test(name)) throw new Error(`unexpected table or column name ${name}`);
  // FREEZE only into tables truncated in this transaction (fresh-tables.ts): PostgreSQL refuses it otherwise.
  const statement = `copy ${table} (${prepared.columns.join(', ')}) from stdin${freeze ? ' with (freeze)' : ''}`;
  // One COPY per chunk, so the progress bar moves while a large table loads.
  for (const chunk of prepared.chunks) {
    const rows = await copyIn(client, statement, [chunk]);
    progress?.added(table, rows);
  }
}

/** Departments and their managers refer to each other: managers are set once the staff exist. */
async function setDepartmentManagers(client: Executor, managers: string) {
  await client.query(
    `update department d set manager_user_id = v.manager_user_id
     from json_to_recordset($1::json) as v (id uuid, manager_user_id uuid) where d.id = v.id`,
    [managers],
  );
}

/** Later registrations continue after the generated numbers (K-2026-00401 follows K-2026-00400). */
async function upsertSequences(client: Executor, sequences: string) {
  await client.query(
    `insert into complaint_sequence (organization_id, year, last_number)
     select organization_id, year, last_number from json_populate_recordset(null::complaint_sequence, $1::json)
     on conflict (organization_id, year)
     do update set last_number = greatest(complaint_sequence.last_number, excluded.last_number)`,
    [sequences],
  );
}

/** Inserts one prepared corporation in foreign-key order, inside the caller's transaction. */
export async function insertCorporation(
  client: Executor,
  prepared: PreparedCorporation,
  progress: SeedProgress | null,
  /** Tables truncated in this transaction: their COPY may write frozen rows. */
  frozen: ReadonlySet<string> = new Set(),
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of prepared.tables) {
    await insertPrepared(client, table, progress, frozen.has(table.table));
    counts[table.table] = table.rows;
  }
  await setDepartmentManagers(client, prepared.departmentManagers);
  await upsertSequences(client, prepared.sequences);
  return counts;
}
