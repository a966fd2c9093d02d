import { CompiledQuery, type Kysely, type QueryExecutorProvider } from 'kysely';
import type pg from 'pg';
import type { DB } from './schema.ts';
import { sendScopedMessage } from './scoped-messages.ts';

/**
 * Decision 043: a few hot statements of fixed text go to PostgreSQL as named (prepared) statements, so each
 * pooled connection parses them once and, once PostgreSQL finds its generic plan as good as the custom ones
 * (after five runs), stops planning them too. Everything else stays unnamed: planned per run with its values.
 *
 * A statement opts in with `keepPlan(text)` before it is run; the pool's clients (createDatabase) then send that
 * exact text under its name. Names are per process and never reused for another text, so a connection cannot
 * run the wrong statement. At most MAX_KEPT_STATEMENTS texts are kept per process (and so per connection); later
 * ones run unnamed, so a query builder making many shapes cannot fill PostgreSQL's memory.
 *
 * Row-level security is unaffected: PostgreSQL plans a statement under the policies of the role that runs it
 * and re-plans a kept plan when the role changes; the organisation comes from `current_setting` at execution.
 * A kept statement must name its columns (no `select *` from a table): a migration that changes a table under
 * a running server would otherwise fail its kept plan ("cached plan must not change result type").
 */
export const MAX_KEPT_STATEMENTS = 128;

const names = new Map<string, string>();

/** Marks `text` as a statement whose plan each connection keeps; returns it unchanged. */
export function keepPlan(text: string): string {
  if (!names.has(text) && names.size < MAX_KEPT_STATEMENTS) names.set(text, `gehoord_kept_${names.size + 1}`);
  return text;
}

/** A fixed statement whose plan is kept, ready for `executeQuery`. */
export function keptStatement<R>(text: string, parameters: readonly unknown[]): CompiledQuery<R> {
  return CompiledQuery.raw(keepPlan(text), [...parameters]) as CompiledQuery<R>;
}

/** A query builder's statement or a `sql` template: anything Kysely compiles to one statement. */
type Keepable<R> = { compile(executorProvider: QueryExecutorProvider): CompiledQuery<R> };

/**
 * Decision 055: runs a statement of fixed shape (the registration's inserts and reads) as a kept statement. The
 * builder compiles it as usual; its text is kept, so each connection parses and plans it once. Use it only for
 * statements whose text does not depend on the values (one text per shape), and name the columns returned.
 */
export async function executeKept<R>(db: Kysely<DB>, query: Keepable<R>): Promise<R[]> {
  const compiled = query.compile(db);
  keepPlan(compiled.sql);
  return (await db.executeQuery(compiled)).rows;
}

/** The name `text` is sent under, if it is kept. */
export function keptStatementName(text: string): string | undefined {
  return names.get(text);
}

/**
 * Makes `client` send kept statements by name. Kysely calls `query(text, values)`; that call becomes
 * `query({ name, text, values })`, which node-postgres parses on this connection the first time only.
 * Scoped transactions' openings and ends go through `sendScopedMessage` (decision 058).
 */
export function sendKeptStatementsByName(client: pg.Client | pg.PoolClient): void {
  client.query = function (this: pg.Client, ...args: unknown[]) {
    // Looked up per call: whatever the class's query is now (tests wrap it to count round trips)
    const query = Object.getPrototypeOf(this).query as (this: pg.Client, ...args: unknown[]) => unknown;
    const [text, values] = args;
    const name =
      typeof text === 'string' && Array.isArray(values) && args.length === 2 ? names.get(text) : undefined;
    return sendScopedMessage(this, query, args, name);
  } as pg.Client['query'];
}
