import { type Kysely, sql } from 'kysely';

/**
 * Issue 20: the complainant's private status link is a secret (whoever holds it reads the case and posts as
 * the complainant). Staff-readable places (the mail text in `outbox_message`, the timeline's `message_sent`
 * payload) keep a redacted form `/klacht/status/••••`; the real link is kept in `outbox_message.secret_link`
 * only until the mail is delivered, and the worker puts it back into the mail it sends.
 * Existing rows are scrubbed here as the owner (the timeline is append-only for the app role, migration 020);
 * mail not yet sent keeps a working link by moving it to `secret_link` first.
 * `webhook_delivery.status = 'withheld'`: a delivery queued for a complaint that has become confidential
 * since is not sent (decided at delivery time).
 */
const TOKEN_IN_PATH = String.raw`(/(klacht|complaint)/status/)[A-Za-z0-9_-]{43}`;
const STATUS_URL = String.raw`https?://[^\s"'<>]*/(?:klacht|complaint)/status/[A-Za-z0-9_-]{43}`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table outbox_message add column secret_link text`.execute(db);
  await scrubStatusTokens(db);

  await sql`alter table webhook_delivery drop constraint webhook_delivery_status_check`.execute(db);
  await sql`
    alter table webhook_delivery add constraint webhook_delivery_status_check
      check (status in ('pending', 'delivered', 'failed', 'withheld'))
  `.execute(db);
}

/**
 * Moves the link of mail not yet sent to `secret_link`, then redacts every token in outbox texts and
 * timeline payloads. Runs as the owner: the application role may not update the timeline.
 */
export async function scrubStatusTokens(db: Kysely<unknown>): Promise<void> {
  await sql`
    update outbox_message set secret_link = substring(body_text from ${STATUS_URL})
    where status <> 'sent' and body_text ~ ${STATUS_URL}
  `.execute(db);
  await sql`
    update outbox_message
    set body_text = regexp_replace(body_text, ${TOKEN_IN_PATH}, '\\1••••', 'g'),
        body_html = regexp_replace(body_html, ${TOKEN_IN_PATH}, '\\1••••', 'g')
    where body_text ~ ${TOKEN_IN_PATH} or body_html ~ ${TOKEN_IN_PATH}
  `.execute(db);
  await sql`
    update complaint_event
    set payload = regexp_replace(payload::text, ${TOKEN_IN_PATH}, '\\1••••', 'g')::jsonb
    where payload::text ~ ${TOKEN_IN_PATH}
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`update webhook_delivery set status = 'failed' where status = 'withheld'`.execute(db);
  await sql`alter table webhook_delivery drop constraint webhook_delivery_status_check`.execute(db);
  await sql`
    alter table webhook_delivery add constraint webhook_delivery_status_check
      check (status in ('pending', 'delivered', 'failed'))
  `.execute(db);
  // Scrubbed tokens are gone for good; unsent mail gets its working link back in the text
  await sql`
    update outbox_message
    set body_text = regexp_replace(body_text, ${String.raw`https?://[^\s"'<>]*/(klacht|complaint)/status/••••`}, secret_link)
    where secret_link is not null
  `.execute(db);
  await sql`alter table outbox_message drop column secret_link`.execute(db);
}
