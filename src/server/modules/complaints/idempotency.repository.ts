import { sql } from 'kysely';
import type { Scoped } from '../../db/tenant-scope.ts';

// All SQL of `Idempotency-Key` handling (idempotency.ts).

/** Makes a concurrent retry with the same key wait until this transaction ends (advisory lock). */
export async function lockIdempotencyKey(trx: Scoped, lockKey: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${lockKey}, 0))`.execute(trx);
}

export async function findIdempotentResponse(trx: Scoped, caller: string, key: string) {
  return trx
    .selectFrom('idempotency_key')
    .select(['operation', 'request_hash', 'response_status', 'response_body'])
    .where('caller', '=', caller)
    .where('key', '=', key)
    .executeTakeFirst();
}

export async function insertIdempotentResponse(
  trx: Scoped,
  row: {
    organizationId: string;
    caller: string;
    key: string;
    operation: string;
    requestHash: string;
    status: number;
    body: unknown;
  },
): Promise<void> {
  await trx
    .insertInto('idempotency_key')
    .values({
      organization_id: row.organizationId,
      caller: row.caller,
      key: row.key,
      operation: row.operation,
      request_hash: row.requestHash,
      response_status: row.status,
      response_body: JSON.stringify(row.body),
    })
    .execute();
}
