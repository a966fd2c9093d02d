import type { Database } from '../../src/server/db/database.ts';
import type { DB } from '../../src/server/db/schema.ts';

/** How many rows a table holds (as the owner: every organisation), for "nothing was written" checks. */
export async function rowCount(owner: Database, table: keyof DB & string): Promise<number> {
  const { n } = await owner
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}
