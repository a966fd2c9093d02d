import { type Executor, LOADED_TABLES } from './seed-loader.ts';

// A large load is several times faster without the secondary indexes (trigram, full-text, the work-queue
// b-trees) and foreign-key checks: keeping indexes current and checking every row's references one by one
// costs more than building each index once and checking each foreign key in one join afterwards (what
// pg_restore does too). Both are dropped and restored inside the load's own transaction, so a crash or an
// error rolls back to the old definitions: the database is never left without them. Primary keys, unique
// and check constraints stay throughout.

// The organisation, its departments and staff are few rows: their indexes stay
export const BULK_TABLES = LOADED_TABLES.filter(
  (table) => !['organization', 'department', 'staff_user'].includes(table),
);

type Dropped = { table: string; name: string; definition: string };
export type Deferred = { indexes: Dropped[]; foreignKeys: Dropped[] };

export async function dropIndexesAndForeignKeys(client: Executor): Promise<Deferred> {
  const indexes = (
    await client.query(
      `select quote_ident(t.relname) as table, quote_ident(ic.relname) as name,
              pg_get_indexdef(i.indexrelid) as definition
       from pg_index i
       join pg_class ic on ic.oid = i.indexrelid
       join pg_class t on t.oid = i.indrelid
       join pg_namespace n on n.oid = t.relnamespace
       where n.nspname = current_schema() and t.relname = any($1::text[])
         and not i.indisprimary and not i.indisunique
         and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
       order by t.relname, ic.relname`,
      [BULK_TABLES],
    )
  ).rows as Dropped[];
  const foreignKeys = (
    await client.query(
      `select quote_ident(t.relname) as table, quote_ident(c.conname) as name,
              pg_get_constraintdef(c.oid) as definition
       from pg_constraint c
       join pg_class t on t.oid = c.conrelid
       join pg_namespace n on n.oid = t.relnamespace
       where n.nspname = current_schema() and t.relname = any($1::text[]) and c.contype = 'f'
       order by t.relname, c.conname`,
      [BULK_TABLES],
    )
  ).rows as Dropped[];
  for (const fk of foreignKeys) await client.query(`alter table ${fk.table} drop constraint ${fk.name}`);
  for (const index of indexes) await client.query(`drop index ${index.name}`);
  return { indexes, foreignKeys };
}

/**
 * Rebuilds the indexes with enough memory to sort in one pass (PostgreSQL builds b-tree and GIN indexes in
 * parallel), then adds the foreign keys back: each validates every row in one query, so a wrong reference
 * still fails the load.
 */
export async function restoreIndexesAndForeignKeys(
  client: Executor,
  deferred: Deferred,
  onStep: (label: string, kind: 'indexes' | 'foreign keys') => void = () => {},
): Promise<void> {
  await client.query(`set local maintenance_work_mem = '1GB'`);
  await client.query('set local max_parallel_maintenance_workers = 2');
  const steps = deferred.indexes.length + deferred.foreignKeys.length;
  let done = 0;
  for (const index of deferred.indexes) {
    done += 1;
    onStep(`indexen / indexes ${done}/${steps}: ${index.name}`, 'indexes');
    await client.query(index.definition);
  }
  for (const fk of deferred.foreignKeys) {
    done += 1;
    onStep(`verwijzingen / foreign keys ${done}/${steps}: ${fk.name}`, 'foreign keys');
    await client.query(`alter table ${fk.table} add constraint ${fk.name} ${fk.definition}`);
  }
}

// Decision 056: every complaint has a search row (migration 098), written by a row trigger on insert. A bulk load
// turns that trigger off and drops the search rows' trigram index, then writes the rows of every loaded complaint
// in one statement and builds the index once, like the others (a trigger and a GIN insert per copied row cost
// far more). Inside the load's transaction, so an error restores both.
export type DeferredSearchRows = { index: string | null };

export async function deferSearchRows(client: Executor): Promise<DeferredSearchRows> {
  const { rows } = await client.query(
    `select pg_get_indexdef(i.indexrelid) as definition from pg_index i
      join pg_class ic on ic.oid = i.indexrelid
     where ic.relname = 'complaint_search_names_trgm'`,
  );
  const index = (rows[0]?.definition as string | undefined) ?? null;
  await client.query('alter table complaint disable trigger complaint_search_names_insert');
  if (index) await client.query('drop index complaint_search_names_trgm');
  return { index };
}

export async function restoreSearchRows(client: Executor, deferred: DeferredSearchRows): Promise<void> {
  await client.query('select complaint_search_names_fill()');
  if (deferred.index) await client.query(deferred.index);
  await client.query('alter table complaint enable trigger complaint_search_names_insert');
}
