import type { SeedProgress } from './seed-progress.ts';

// Loads generated rows as the database owner (row-level security does not apply; every row carries its
// organization_id). pg-copy-streams is not installed, so rows go in as large batches through
// json_populate_recordset: one parameter per statement, parsed by PostgreSQL itself.

export type Executor = {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
};
export type Row = Record<string, unknown>;

const BATCH_BYTES = 4_000_000;
const IDENTIFIER = /^[a-z_]+$/;

function columnsOf(rows: readonly Row[]): string[] {
  const columns = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) columns.add(key);
  for (const column of columns)
    if (!IDENTIFIER.test(column)) throw new Error(`unexpected column name ${column}`);
  return [...columns];
}

export async function insertRows(
  client: Executor,
  table: string,
  rows: readonly Row[],
  progress: SeedProgress | null,
): Promise<void> {
  if (rows.length === 0) return;
  if (!IDENTIFIER.test(table)) throw new Error(`unexpected table name ${table}`);
  const columns = columnsOf(rows).join(', ');
  const statement = `insert into ${table} (${columns}) select ${columns} from json_populate_recordset(null::${table}, $1::json)`;
  let batch: string[] = [];
  let bytes = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await client.query(statement, [`[${batch.join(',')}]`]);
    progress?.added(table, batch.length);
    batch = [];
    bytes = 0;
  };
  for (const row of rows) {
    const json = JSON.stringify(row);
    batch.push(json);
    bytes += json.length;
    if (bytes >= BATCH_BYTES) await flush();
  }
  await flush();
}

/** Departments and their managers refer to each other: managers are set once the staff exist. */
export async function setDepartmentManagers(
  client: Executor,
  managers: readonly { id: string; manager_user_id: string }[],
) {
  if (managers.length === 0) return;
  await client.query(
    `update department d set manager_user_id = v.manager_user_id
     from json_to_recordset($1::json) as v (id uuid, manager_user_id uuid) where d.id = v.id`,
    [JSON.stringify(managers)],
  );
}

/** Later registrations continue after the generated numbers (K-2026-00401 follows K-2026-00400). */
export async function upsertSequences(client: Executor, rows: readonly Row[]) {
  if (rows.length === 0) return;
  await client.query(
    `insert into complaint_sequence (organization_id, year, last_number)
     select organization_id, year, last_number from json_populate_recordset(null::complaint_sequence, $1::json)
     on conflict (organization_id, year)
     do update set last_number = greatest(complaint_sequence.last_number, excluded.last_number)`,
    [JSON.stringify(rows)],
  );
}
