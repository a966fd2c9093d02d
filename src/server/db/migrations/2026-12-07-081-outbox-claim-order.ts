import { type Kysely, sql } from 'kysely';

/**
 * Issue 24: claim_outbox_message() takes the due row by (next_attempt_at, created_at). The partial index had
 * next_attempt_at only, so every claim sorted all rows due at the same moment (a burst queued in one
 * transaction shares its timestamp): with 3,000 such rows, each claim sorted 3,000. With both columns in the
 * index the claim reads the first unlocked row and stops.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index outbox_message_due_order on outbox_message (next_attempt_at, created_at) where status = 'pending'
  `.execute(db);
  await sql`drop index outbox_message_due`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create index outbox_message_due on outbox_message (next_attempt_at) where status = 'pending'`.execute(
    db,
  );
  await sql`drop index outbox_message_due_order`.execute(db);
}
