import { createHash } from 'node:crypto';
import type { Scoped } from '../../../db/tenant-scope.ts';
import { AppError } from '../../../http/app-error.ts';
import {
  findIdempotentResponse,
  insertIdempotentResponse,
  lockIdempotencyKey,
} from '../idempotency.repository.ts';

export type IdempotentResult<T> = { status: number; body: T; replayed: boolean };

/**
 * `Idempotency-Key` for creating calls: a retried request gets the first result back instead of a duplicate.
 * Runs inside the caller's transaction, so the stored response commits (or rolls back) with the work itself;
 * an advisory lock makes a concurrent retry wait for the first attempt instead of racing it.
 */
export async function withIdempotency<T>(
  trx: Scoped,
  scope: { organizationId: string; caller: string; operation: string },
  key: string | undefined,
  request: unknown,
  work: () => Promise<{ status: number; body: T }>,
): Promise<IdempotentResult<T>> {
  if (key === undefined) return { ...(await work()), replayed: false };
  const requestHash = createHash('sha256').update(JSON.stringify(request)).digest('hex');
  await lockIdempotencyKey(trx, `${scope.organizationId}|${scope.caller}|${key}`);
  const stored = await findIdempotentResponse(trx, scope.caller, key);
  if (stored !== undefined) {
    if (stored.operation !== scope.operation || stored.request_hash !== requestHash) {
      throw new AppError('idempotency_key_reused');
    }
    return { status: stored.response_status, body: stored.response_body as T, replayed: true };
  }
  const result = await work();
  await insertIdempotentResponse(trx, {
    organizationId: scope.organizationId,
    caller: scope.caller,
    key,
    operation: scope.operation,
    requestHash,
    status: result.status,
    body: result.body,
  });
  return { ...result, replayed: false };
}
