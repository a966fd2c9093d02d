/** PostgreSQL's answer when a write breaks a constraint: which kind, and which constraint. */
export function describeConstraintViolation(
  error: unknown,
): { kind: 'unique' | 'foreign_key' | 'check'; constraint: string } | null {
  const e = error as { code?: unknown; constraint?: unknown };
  const constraint = typeof e?.constraint === 'string' ? e.constraint : '';
  if (e?.code === '23505') return { kind: 'unique', constraint };
  if (e?.code === '23503') return { kind: 'foreign_key', constraint };
  if (e?.code === '23514') return { kind: 'check', constraint };
  return null;
}
