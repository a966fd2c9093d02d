import { sql } from 'kysely';
import { serverNow } from '../../clock.ts';
import { APP_ROLE, ORGANIZATION_SETTING } from '../../db/roles.ts';
import type { Scoped } from '../../db/tenant-scope.ts';

// The outbox worker's statements (outbox-worker.ts): claim, mark, and the timeline trace of a delivery.

/**
 * Locks the next due message (`claim_outbox_message()`: FOR UPDATE SKIP LOCKED) and enters its organisation
 * for the rest of the transaction (application role, row-level security). Null when none is due.
 */
export async function claimNextOutboxMessage(trx: Scoped) {
  const claimed = await sql<{
    id: string;
    organization_id: string;
  }>`select * from claim_outbox_message()`.execute(trx);
  const next = claimed.rows[0];
  if (next === undefined) return null;
  await sql`select set_config('role', ${APP_ROLE}, true), set_config(${ORGANIZATION_SETTING}, ${next.organization_id}, true)`.execute(
    trx,
  );
  return trx.selectFrom('outbox_message').selectAll().where('id', '=', next.id).executeTakeFirstOrThrow();
}

export async function markOutboxMessageSent(
  trx: Scoped,
  message: Pick<OutboxRow, 'id' | 'attempts'>,
  providerMessageId: string,
) {
  await trx
    .updateTable('outbox_message')
    .set({
      status: 'sent',
      attempts: message.attempts + 1,
      provider_message_id: providerMessageId,
      sent_at: new Date(),
      last_error: null,
      // Delivered: the secret has done its work and is not kept (issue 20)
      secret_link: null,
    })
    .where('id', '=', message.id)
    .execute();
}

/** A failed attempt: due again later, or given up on (`permanent`). */
export async function markOutboxAttemptFailed(
  trx: Scoped,
  id: string,
  attempt: { permanent: boolean; attempts: number; lastError: string; nextAttemptAt: Date },
) {
  await trx
    .updateTable('outbox_message')
    .set({
      status: attempt.permanent ? 'failed' : 'pending',
      attempts: attempt.attempts,
      last_error: attempt.lastError,
      next_attempt_at: attempt.nextAttemptAt,
    })
    .where('id', '=', id)
    .execute();
}

export type OutboxRow = {
  id: string;
  organization_id: string;
  complaint_id: string | null;
  kind: string;
  recipient_to: string[];
  recipient_cc: string[];
  subject: string;
  body_text: string;
  attempts: number;
};

/** The delivery (or its giving up) on the case's timeline. */
export async function insertMessageEvent(
  trx: Scoped,
  message: OutboxRow,
  type: 'message_sent' | 'message_failed',
  extra: Record<string, unknown>,
) {
  await trx
    .insertInto('complaint_event')
    .values({
      organization_id: message.organization_id,
      complaint_id: message.complaint_id as string,
      type,
      at: serverNow(),
      actor_user_id: null,
      actor_token_id: null,
      summary: message.subject,
      payload: JSON.stringify({
        outboxId: message.id,
        kind: message.kind,
        to: message.recipient_to,
        cc: message.recipient_cc,
        subject: message.subject,
        ...extra,
      }),
    })
    .execute();
}
