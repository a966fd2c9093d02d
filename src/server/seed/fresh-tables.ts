import { BULK_TABLES } from './deferred-maintenance.ts';
import type { Executor } from './seed-loader.ts';

// Writing the national data set's ≈ 8 GB twice — once to the write-ahead log, once to the tables — costs
// PostgreSQL about as much CPU as parsing it. PostgreSQL skips the log for a table whose storage was created in
// the same transaction when the server runs with wal_level = minimal (it syncs the files at commit instead),
// and COPY … FREEZE writes rows already frozen into such a table (no hint-bit writes or freezing later). So
// when the bulk tables, and every table that refers to them, are still empty (a fresh database), the load
// truncates them inside its own transaction: that gives them new storage and changes nothing else. A crash or
// an error rolls the truncation back with the rest.

/** Server settings for a bulk load on the embedded PostgreSQL (bench and `npm run seed` start it themselves). */
export const BULK_LOAD_SETTINGS: Readonly<Record<string, string>> = {
  wal_level: 'minimal',
  max_wal_senders: '0',
  max_wal_size: '8GB',
  checkpoint_timeout: '30min',
  shared_buffers: '512MB',
};

/** The bulk tables and every table that refers to them, directly or through others. */
async function tablesToTruncate(client: Executor): Promise<string[]> {
  const result = await client.query(
    `with recursive referring (oid) as (
       select c.oid from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = current_schema() and c.relname = any($1::text[])
       union
       select k.conrelid from pg_constraint k join referring r on k.confrelid = r.oid where k.contype = 'f'
     )
     select quote_ident(c.relname) as name from referring r join pg_class c on c.oid = r.oid order by 1`,
    [BULK_TABLES],
  );
  return result.rows.map((row) => row.name as string);
}

/**
 * Truncates the bulk tables (and those referring to them) when every one of them is empty; returns whether it
 * did, i.e. whether COPY may use FREEZE. Must run inside the load's transaction.
 */
export async function truncateWhenEmpty(client: Executor): Promise<boolean> {
  const tables = await tablesToTruncate(client);
  if (tables.length === 0) return false;
  const probe = tables.map((t) => `(select exists (select 1 from ${t}))`).join(' or ');
  const nonEmpty = (await client.query(`select ${probe} as found`)).rows[0]?.found === true;
  if (nonEmpty) return false;
  await client.query(`truncate ${tables.join(', ')}`);
  return true;
}
