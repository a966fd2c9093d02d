import type { Scoped } from '../../db/tenant-scope.ts';

const COLUMNS = [
  'id',
  'complaint_id',
  'kind',
  'recipient_to',
  'recipient_cc',
  'subject',
  'status',
  'attempts',
  'next_attempt_at',
  'last_error',
  'provider_message_id',
  'created_at',
  'sent_at',
] as const;

export async function listOutbox(
  trx: Scoped,
  filter: { status?: 'pending' | 'sending' | 'sent' | 'failed'; complaintId?: string; limit: number },
) {
  let query = trx
    .selectFrom('outbox_message')
    .select(COLUMNS)
    .orderBy('created_at', 'desc')
    .limit(filter.limit);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  if (filter.complaintId !== undefined) query = query.where('complaint_id', '=', filter.complaintId);
  return query.execute();
}

export async function findOutboxMessage(trx: Scoped, id: string) {
  return trx
    .selectFrom('outbox_message')
    .select([...COLUMNS, 'body_text'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A failed message goes back in the queue with a fresh count, e.g. after an address was corrected. */
export async function retryFailed(trx: Scoped, id: string): Promise<boolean> {
  const row = await trx
    .updateTable('outbox_message')
    .set({ status: 'pending', attempts: 0, next_attempt_at: new Date(), last_error: null })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
