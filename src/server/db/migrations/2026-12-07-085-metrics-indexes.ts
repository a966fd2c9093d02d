import { type Kysely, sql } from 'kysely';

/**
 * Issue 25 (decision 046): the figures /metrics reports are one grouped statement each, computed at most once a
 * minute. On the national data set (1 M complaints) the count of complaints past their term per organisation
 * read the whole table (230,000 buffers, 1.5 s); this partial index holds only the complaints whose term runs
 * (statuses of TERM_RUNNING_STATUSES with an answer term), so the count is an index-only scan of those
 * (≈ 900 buffers, < 1 ms). The outbox and webhook backlogs are counted from partial indexes of the rows not yet
 * delivered, which stay small however many messages were ever sent.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index complaint_term_running on complaint (due_at, organization_id)
    where status in ('new', 'in_progress', 'declined_outside_procedure') and has_answer_term
  `.execute(db);
  await sql`
    create index outbox_message_undelivered on outbox_message (status, created_at)
    where status in ('pending', 'sending', 'failed', 'to_post')
  `.execute(db);
  await sql`
    create index webhook_delivery_undelivered on webhook_delivery (status, created_at) where status <> 'delivered'
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index webhook_delivery_undelivered`.execute(db);
  await sql`drop index outbox_message_undelivered`.execute(db);
  await sql`drop index complaint_term_running`.execute(db);
}
