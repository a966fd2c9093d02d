import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { sendKeptStatementsByName } from './kept-statements.ts';
import type { DB } from './schema.ts';

export type Database = Kysely<DB>;

type Log = { error(obj: object, msg: string): void };

// timestamptz stays a Date; bigint counts come back as strings unless parsed.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));
// Calendar days stay 'YYYY-MM-DD' strings (the domain's LocalDate): a Date would shift them by the time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
const DATE_ARRAY_OID = 1182 as (typeof pg.types.builtins)[keyof typeof pg.types.builtins]; // not in pg's builtins list
const TEXT_ARRAY_OID = 1009 as (typeof pg.types.builtins)[keyof typeof pg.types.builtins];
pg.types.setTypeParser(DATE_ARRAY_OID, pg.types.getTypeParser(TEXT_ARRAY_OID));

/** A pooled Kysely instance. Every pg client gets an error listener: a server restart must not crash Node. */
export function createDatabase(
  connectionString: string,
  options: { poolSize?: number; log: Log; applicationName?: string },
): Database {
  const pool = new pg.Pool({
    connectionString,
    max: options.poolSize ?? 10,
    application_name: options.applicationName ?? 'gehoord',
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  pool.on('error', (error) => options.log.error({ err: error }, 'idle database connection failed'));
  // The pool only listens on idle clients; a checked-out client that loses its server emits
  // 'error' with no listener, which kills the process (node-postgres issue #1324).
  pool.on('connect', (client) => {
    client.on('error', (error) => options.log.error({ err: error }, 'database connection failed'));
    // Decision 043: the hot statements marked with keepPlan are parsed (and planned) once per connection
    sendKeptStatementsByName(client);
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  pools.set(db, pool);
  return db;
}

const pools = new WeakMap<Database, pg.Pool>();

/** The pool's connections right now, for /metrics (decision 046); null for a database not made here. */
export function poolUse(db: Database): { total: number; idle: number; waiting: number; max: number } | null {
  const pool = pools.get(db);
  return pool
    ? { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max }
    : null;
}
