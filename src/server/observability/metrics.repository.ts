import { sql } from 'kysely';
import { TERM_RUNNING_STATUSES } from '../../domain/index.ts';
import type { Database } from '../db/database.ts';

// The figures /metrics reports about the whole installation (decision 046). Each is one grouped statement on
// the owner's connection — they count across organisations, which row-level security keeps from the
// application role — and returns counts and ages only: never a complaint, a person or a message text.
// Partial indexes (migration 085) keep each to the rows it counts.

export type QueueFigures = { queue: string; waiting: number; lagSeconds: number; failed: number };
export type BacklogFigures = { status: string; count: number; oldestAgeSeconds: number };
export type PastTermFigures = { organization: string; count: number };

/**
 * Per pg-boss queue: jobs due and not yet started, how long the oldest of them has been due, and the failed jobs
 * pg-boss still keeps (retries exhausted). Empty when the job runner never ran against this database.
 */
export async function jobQueueFigures(owner: Database): Promise<QueueFigures[]> {
  const { rows: schema } = await sql<{ exists: boolean }>`
    select to_regclass('pgboss.job') is not null as exists`.execute(owner);
  if (!schema[0]?.exists) return [];
  const { rows } = await sql<QueueFigures>`
    select name as queue,
           count(*) filter (where state in ('created', 'retry') and start_after <= now())::int as waiting,
           coalesce(extract(epoch from now() - min(start_after)
             filter (where state in ('created', 'retry') and start_after <= now())), 0)::float8 as "lagSeconds",
           count(*) filter (where state = 'failed')::int as failed
    from pgboss.job where state in ('created', 'retry', 'failed') group by name`.execute(owner);
  return rows;
}

/** Messages not (yet) sent, per status: queued (pending), being sent, failed, waiting to be posted. */
export async function outboxFigures(owner: Database): Promise<BacklogFigures[]> {
  const { rows } = await sql<BacklogFigures>`
    select status, count(*)::int as count,
           extract(epoch from now() - min(created_at))::float8 as "oldestAgeSeconds"
    from outbox_message where status in ('pending', 'sending', 'failed', 'to_post') group by status`.execute(
    owner,
  );
  return rows;
}

/** Webhook deliveries not delivered, per status: pending, failed (gave up), withheld (became confidential). */
export async function webhookFigures(owner: Database): Promise<BacklogFigures[]> {
  const { rows } = await sql<BacklogFigures>`
    select status, count(*)::int as count,
           extract(epoch from now() - min(created_at))::float8 as "oldestAgeSeconds"
    from webhook_delivery where status <> 'delivered' group by status`.execute(owner);
  return rows;
}

/**
 * Complaints past their term per organisation (its slug), zero included: the term runs (policy 2.3, 2.5:
 * TERM_RUNNING_STATUSES), the complaint has an answer term (policy 2.6) and its due instant has passed — the
 * rule the work queue's "te laat" filter applies.
 */
export async function pastTermFigures(owner: Database, now: Date): Promise<PastTermFigures[]> {
  const { rows } = await sql<PastTermFigures>`
    select o.slug as organization, count(c.organization_id)::int as count
    from organization o
    left join complaint c on c.organization_id = o.id
      and c.status in (${sql.join([...TERM_RUNNING_STATUSES])}) and c.has_answer_term and c.due_at < ${now}
    group by o.slug`.execute(owner);
  return rows;
}
