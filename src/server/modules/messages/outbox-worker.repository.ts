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
  // One round trip: the claim and the switch into its organisation (set_config runs only for a claimed row)
  const claimed = await sql<{ id: string }>`
    select c.id, set_config('role', ${APP_ROLE}, true), set_config(${ORGANIZATION_SETTING}, c.organization_id::text, true)
    from claim_outbox_message() c`.execute(trx);
  const next = claimed.rows[0];
  if (next === undefined) return null;
  return trx.selectFrom('outbox_message').selectAll().where('id', '=', next.id).executeTakeFirstOrThrow();
}

/**
 * Delivered: the row marked sent and, for a message on a case, the `message_sent` event on its timeline, in
 * one statement (one round trip between the server's acceptance and the commit).
 */
export async function markOutboxMessageSent(
  trx: Scoped,
  message: OutboxRow,
  providerMessageId: string,
  event: Record<string, unknown>,
) {
  await sql`
    with sent as (
      update outbox_message
      set status = 'sent', attempts = ${message.attempts + 1}, provider_message_id = ${providerMessageId},
          sent_at = ${new Date()}, last_error = null,
          -- Delivered: the secret has done its work and is not kept (issue 20)
          secret_link = null
      where id = ${message.id}
      returning id
    )
    insert into complaint_event (organization_id, complaint_id, type, at, actor_user_id, actor_token_id, summary, payload)
    select ${message.organization_id}::uuid, ${message.complaint_id}::uuid, 'message_sent', ${serverNow()}::timestamptz, null, null, ${message.subject}::text,
           ${JSON.stringify(eventPayload(message, event))}::jsonb
    from sent where ${message.complaint_id}::uuid is not null
  `.execute(trx);
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
      payload: JSON.stringify(eventPayload(message, extra)),
    })
    .execute();
}

function eventPayload(message: OutboxRow, extra: Record<string, unknown>) {
  return {
    outboxId: message.id,
    kind: message.kind,
    to: message.recipient_to,
    cc: message.recipient_cc,
    subject: message.subject,
    ...extra,
  };
}
