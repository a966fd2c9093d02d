import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { findPendingMigrations } from '../../db/migrate.ts';

export async function pingDatabase(db: Database): Promise<void> {
  await sql`select 1`.execute(db);
}

export async function listPendingMigrations(db: Database): Promise<string[]> {
  return findPendingMigrations(db);
}

export type HealthSummary = {
  jobRunners: number;
  jobLagSeconds: number;
  lastJobRunAt: Date | null;
  outboxBacklog: number;
  outboxOldestDueSeconds: number;
  outboxFailing: number;
};

/** Installation-wide counts in one statement (health_summary(), migration 087): no organisation data. */
export async function readHealthSummary(db: Database, aliveSeconds: number): Promise<HealthSummary> {
  const { rows } = await sql<{
    job_runners: number;
    job_lag_seconds: number;
    last_job_run_at: Date | null;
    outbox_backlog: number;
    outbox_oldest_due_seconds: number;
    outbox_failing: number;
  }>`select * from health_summary(${aliveSeconds})`.execute(db);
  const row = rows[0];
  if (!row) throw new Error('health_summary() returned no row');
  return {
    jobRunners: row.job_runners,
    jobLagSeconds: row.job_lag_seconds,
    lastJobRunAt: row.last_job_run_at,
    outboxBacklog: row.outbox_backlog,
    outboxOldestDueSeconds: row.outbox_oldest_due_seconds,
    outboxFailing: row.outbox_failing,
  };
}
