import pg from 'pg';
import { afterAll } from 'vitest';

/**
 * Records the SQL every `pg` client sends while `during` runs: one entry per round trip, so tests can hold a
 * request to its budget of round trips (docs/performance.md). The client's `query` is restored after the file.
 */
export function recordStatements() {
  const statements: string[] = [];
  const parameters: unknown[][] = [];
  let recording = false;
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    if (recording) {
      const first = args[0] as string | { text?: string; values?: unknown[] };
      statements.push(typeof first === 'string' ? first : String(first?.text));
      parameters.push(((typeof first === 'string' ? args[1] : first?.values) as unknown[] | undefined) ?? []);
    }
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  afterAll(() => {
    pg.Client.prototype.query = query;
  });
  /** `parameters[i]` are the values `statements[i]` was sent with (for an EXPLAIN of it). */
  return async function during<T>(
    run: () => Promise<T>,
  ): Promise<{ result: T; statements: string[]; parameters: unknown[][] }> {
    statements.length = 0;
    parameters.length = 0;
    recording = true;
    try {
      return { result: await run(), statements: [...statements], parameters: [...parameters] };
    } finally {
      recording = false;
    }
  };
}
