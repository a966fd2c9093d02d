import { type Kysely, sql } from 'kysely';

/**
 * Issue 21: at most one message to the complainant per step of their complaint. `step_key` names the step
 * and what it said ('assigned:<handler id>', 'extended:2026-12-20'); one live row per complaint and key (a
 * message that failed for good does not count: the step may be told again).
 * A message still waiting may be replaced by a newer one of its step or withdrawn ('cancelled': the
 * "complaint received" of a signal that turned out to be a repair request). For a complainant without
 * e-mail the same message is a letter to post ('to_post'): the worker never claims it; posting it marks it
 * 'sent' with the day it went.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table outbox_message add column step_key text`.execute(db);
  await sql`alter table outbox_message drop constraint outbox_message_status_check`.execute(db);
  await sql`
    alter table outbox_message add constraint outbox_message_status_check
      check (status in ('pending', 'sending', 'sent', 'failed', 'cancelled', 'to_post'))
  `.execute(db);
  await sql`
    create unique index outbox_message_step_once on outbox_message (complaint_id, step_key)
    where step_key is not null and status not in ('cancelled', 'failed')
  `.execute(db);
  await sql`create index outbox_message_to_post on outbox_message (created_at) where status = 'to_post'`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index outbox_message_to_post`.execute(db);
  await sql`drop index outbox_message_step_once`.execute(db);
  await sql`update outbox_message set status = 'failed' where status in ('cancelled', 'to_post')`.execute(db);
  await sql`alter table outbox_message drop constraint outbox_message_status_check`.execute(db);
  await sql`
    alter table outbox_message add constraint outbox_message_status_check
      check (status in ('pending', 'sending', 'sent', 'failed'))
  `.execute(db);
  await sql`alter table outbox_message drop column step_key`.execute(db);
}
