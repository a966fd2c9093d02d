import type pg from 'pg';

/**
 * Decision 058: fewer round trips per scoped transaction. `scopedTransaction` (tenant-scope.ts) marks its opening
 * (`begin; select set_config(…)`) and its end (`commit`/`rollback`) with the comments below. On a connection of
 * `createDatabase` (whose `query` goes through `sendScopedMessage`) the opening is held back and travels in one
 * simple-protocol message with the transaction's first statement when that is a kept statement (decision 043)
 * already parsed on this connection: `begin; select set_config(…); execute gehoord_kept_N('…', …)`. A kept
 * statement whose text `endsTransaction` marked also carries the `commit`. So the work queue's page, the only
 * statement of its transaction, costs one round trip instead of three.
 *
 * Nothing else changes: the same role and organisation settings open the same transaction before the statement
 * runs, on the same connection, and PostgreSQL runs the statement's kept plan (EXECUTE of a protocol-level
 * prepared statement). A value goes into the message only as a literal escaped by node-postgres (strings,
 * finite numbers, booleans, null); any other value, an unkept statement or one not yet parsed here sends the
 * opening first, as before. Without the wrapper (another pool) the marked texts are ordinary SQL.
 *
 * Fails closed: a statement after a transaction that its last statement committed is refused, never run
 * outside the transaction; an error in the message leaves the transaction aborted, and the rollback is sent.
 */
export const OPENING_MARK = '/* gehoord: scoped opening */ ';
export const END_MARK = '/* gehoord: scoped end */ ';
/** Appended to a kept statement's text: it is the last statement of its transaction. */
export const ENDS_TRANSACTION = '\n/* gehoord: ends its transaction */';

/** `text` marked as the last statement of its transaction (a different text, so a different kept name). */
export function endsTransaction(text: string): string {
  return text.endsWith(ENDS_TRANSACTION) ? text : `${text}${ENDS_TRANSACTION}`;
}

type State =
  | { kind: 'idle' }
  | { kind: 'pending'; opening: string }
  | { kind: 'open' }
  | { kind: 'committed' };

type Query = (this: pg.Client, ...args: unknown[]) => unknown;
type Result = { command: string; rowCount: number | null; rows: unknown[]; fields: unknown[] };

const states = new WeakMap<object, State>();
const parsed = new WeakMap<object, Set<string>>();

const done = (command: string): Promise<Result> =>
  Promise.resolve({ command, rowCount: 0, rows: [], fields: [] });

function literal(client: pg.Client, value: unknown): string | null {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return client.escapeLiteral(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return null;
}

function literals(client: pg.Client, values: readonly unknown[]): string[] | null {
  const out: string[] = [];
  for (const value of values) {
    const text = literal(client, value);
    if (text === null) return null;
    out.push(text);
  }
  return out;
}

/**
 * Sends one call of `client.query` (`args` as given), folding the scoped transaction's opening and end into the
 * kept statement's message where it can. `name` is the kept name of a `(text, values)` call, else undefined.
 */
export function sendScopedMessage(
  client: pg.Client,
  query: Query,
  args: unknown[],
  name: string | undefined,
): unknown {
  const state = states.get(client) ?? { kind: 'idle' };
  const [text, values] = args;
  if (typeof text === 'string' && text.startsWith(OPENING_MARK)) {
    if (state.kind !== 'idle') throw new Error('a scoped transaction is already open on this connection');
    // The marks only speak to this wrapper: PostgreSQL (and its statistics) get the plain SQL
    states.set(client, { kind: 'pending', opening: text.slice(OPENING_MARK.length) });
    return done('SELECT');
  }
  if (typeof text === 'string' && text.startsWith(END_MARK)) return end(client, query, state, text);
  if (state.kind === 'committed')
    throw new Error('a statement after the last statement of its transaction was refused');

  const keptCall = name !== undefined && typeof text === 'string' && Array.isArray(values);
  if (keptCall && state.kind !== 'idle' && parsed.get(client)?.has(name)) {
    const commits = text.endsWith(ENDS_TRANSACTION);
    const given = literals(client, values);
    if (given !== null && (state.kind === 'pending' || commits))
      // without values PostgreSQL takes `execute name`; `execute name()` is a syntax error
      return folded(
        client,
        query,
        state,
        `execute ${name}${given.length > 0 ? `(${given.join(', ')})` : ''}`,
        commits,
      );
  }
  let sent: unknown;
  if (state.kind === 'pending') {
    states.set(client, { kind: 'open' });
    const opened = query.call(client, state.opening) as Promise<unknown>;
    if (args.length <= 2 && typeof text === 'string') {
      sent = opened.then(() => query.apply(client, keptCall ? [{ name, text, values }] : args));
    } else {
      // Another kind of call (a cursor): node-postgres sends queued queries in order; an opening that failed
      // leaves the transaction aborted, so this one fails too.
      opened.catch(() => undefined);
      sent = query.apply(client, args);
    }
  } else {
    sent = query.apply(client, keptCall ? [{ name, text, values }] : args);
  }
  if (keptCall && name !== undefined && sent instanceof Promise)
    sent.then(() => rememberParsed(client, name)).catch(() => undefined);
  return sent;
}

function rememberParsed(client: pg.Client, name: string): void {
  const names = parsed.get(client) ?? new Set<string>();
  names.add(name);
  parsed.set(client, names);
}

async function folded(
  client: pg.Client,
  query: Query,
  state: State & { kind: 'pending' | 'open' },
  execute: string,
  commits: boolean,
): Promise<Result> {
  const parts = state.kind === 'pending' ? [state.opening, execute] : [execute];
  if (commits) parts.push('commit');
  states.set(client, { kind: 'open' });
  const results = (await query.call(client, parts.join('; '))) as Result | Result[];
  const list = Array.isArray(results) ? results : [results];
  if (!commits) return list[list.length - 1] as Result;
  const ending = list[list.length - 1];
  // PostgreSQL answers COMMIT with ROLLBACK when the transaction had been aborted.
  if (ending?.command !== 'COMMIT') throw new Error('transaction was aborted by an earlier error');
  states.set(client, { kind: 'committed' });
  return list[list.length - 2] as Result;
}

async function end(client: pg.Client, query: Query, state: State, text: string): Promise<unknown> {
  const rollback = /rollback\s*$/i.test(text);
  states.set(client, { kind: 'idle' });
  // Nothing was sent (no statement ran) or the last statement already committed: nothing to end.
  if (state.kind === 'pending') return done(rollback ? 'ROLLBACK' : 'COMMIT');
  if (state.kind === 'committed') return done('COMMIT');
  return query.call(client, text.slice(END_MARK.length));
}
