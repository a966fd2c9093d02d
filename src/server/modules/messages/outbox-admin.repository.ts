import { sql } from 'kysely';
import type { Scoped } from '../../db/tenant-scope.ts';

const COLUMNS = [
  'o.id',
  'o.complaint_id',
  'o.kind',
  'o.recipient_to',
  'o.recipient_cc',
  'o.subject',
  'o.status',
  'o.attempts',
  'o.next_attempt_at',
  'o.last_error',
  'o.provider_message_id',
  'o.created_at',
  'o.sent_at',
  // what the visibility rule needs to know about the message's complaint (issue 20)
  'c.handler_id',
  'c.responsible_manager_id',
  'c.department_id',
  'c.confidential',
  'c.confidential_reason_code',
  'c.subject_employee_id',
  'e.department_id as subject_employee_department_id',
] as const;

function outboxQuery(trx: Scoped) {
  return trx
    .selectFrom('outbox_message as o')
    .leftJoin('complaint as c', 'c.id', 'o.complaint_id')
    .leftJoin('staff_user as e', 'e.id', 'c.subject_employee_id')
    .select(COLUMNS);
}

export async function listOutbox(
  trx: Scoped,
  filter: {
    status?: 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled' | 'to_post';
    complaintId?: string;
    limit: number;
  },
) {
  let query = outboxQuery(trx).orderBy('o.created_at', 'desc').limit(filter.limit);
  if (filter.status !== undefined) query = query.where('o.status', '=', filter.status);
  if (filter.complaintId !== undefined) query = query.where('o.complaint_id', '=', filter.complaintId);
  return query.execute();
}

export async function findOutboxMessage(trx: Scoped, id: string) {
  return outboxQuery(trx).select('o.body_text').where('o.id', '=', id).executeTakeFirst();
}

/** A failed message goes back in the queue with a fresh count, e.g. after an address was corrected. */
export async function retryFailed(trx: Scoped, id: string): Promise<boolean> {
  const row = await trx
    .updateTable('outbox_message')
    .set({ status: 'pending', attempts: 0, next_attempt_at: new Date(), last_error: null })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    // issue 21: not when the complainant has since been told this step by another message
    .where(({ not, exists, selectFrom, ref }) =>
      not(
        exists(
          selectFrom('outbox_message as live')
            .select('live.id')
            .whereRef('live.complaint_id', '=', ref('outbox_message.complaint_id'))
            // the same step, whatever it said: a newer message of the step supersedes the failed one
            .where(
              sql`split_part(live.step_key, ':', 1)`,
              '=',
              sql`split_part(outbox_message.step_key, ':', 1)`,
            )
            .where('live.status', 'not in', ['cancelled', 'failed']),
        ),
      ),
    )
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
