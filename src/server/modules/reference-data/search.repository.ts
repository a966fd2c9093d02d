import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';

// The search box's SQL: a fragment the reference-data repositories put in their WHERE (words from search.ts).

function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * `word1 AND word2 …`, where each word appears in at least one of the given text expressions.
 * Expressions are SQL fragments over the query's own aliases (e.g. sql`c.name`).
 */
export function matchesAllWords<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  words: string[],
  columns: Expression<unknown>[],
): Expression<SqlBool> {
  return eb.and(
    words.map((word) =>
      eb.or(columns.map((column) => sql<SqlBool>`${column}::text ilike ${containsPattern(word)}`)),
    ),
  );
}
