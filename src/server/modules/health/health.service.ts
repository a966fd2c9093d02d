import type { Readiness, ReadinessJobs, ReadinessOutbox } from '../../../contract/health.ts';
import type { Database } from '../../db/database.ts';
import { STALE_AFTER_MS } from '../instances/index.ts';
import {
  type HealthSummary,
  listPendingMigrations,
  pingDatabase,
  readHealthSummary,
} from './health.repository.ts';

const CHECK_TIMEOUT_MS = 2_000;
/** A due job waiting longer than this for a runner: the job runner is behind (cron slots are minutes apart). */
export const JOB_LAG_LIMIT_SECONDS = 300;
/** A due message waiting longer than this: the mail worker is behind or not running (it polls every 2 s). */
export const OUTBOX_DUE_LIMIT_SECONDS = 300;

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS).unref(),
    ),
  ]);
}

const round = (seconds: number) => Math.round(seconds);

/** The job runner: running somewhere (registry), and keeping up with due jobs. */
export function judgeJobs(summary: HealthSummary): ReadinessJobs {
  const status =
    summary.jobRunners === 0
      ? 'not_running'
      : summary.jobLagSeconds > JOB_LAG_LIMIT_SECONDS
        ? 'behind'
        : 'ok';
  return {
    status,
    runners: summary.jobRunners,
    lagSeconds: round(summary.jobLagSeconds),
    lastRunAt: summary.lastJobRunAt?.toISOString() ?? null,
  };
}

/** The mail outbox: nothing due waits long, and no message is being retried after a failed attempt. */
export function judgeOutbox(summary: HealthSummary): ReadinessOutbox {
  const status =
    summary.outboxOldestDueSeconds > OUTBOX_DUE_LIMIT_SECONDS
      ? 'behind'
      : summary.outboxFailing > 0
        ? 'failing'
        : 'ok';
  return {
    status,
    backlog: summary.outboxBacklog,
    oldestAgeSeconds: round(summary.outboxOldestDueSeconds),
    failing: summary.outboxFailing,
  };
}

const UNKNOWN = {
  jobs: { status: 'unknown', runners: 0, lagSeconds: 0, lastRunAt: null },
  outbox: { status: 'unknown', backlog: 0, oldestAgeSeconds: 0, failing: 0 },
} as const;

/**
 * Down (503) when this instance cannot serve: the database does not answer or migrations are pending.
 * Degraded (200) when it serves but the job runner or the outbox is behind. Two statements when all is well.
 */
export async function checkReadiness(db: Database): Promise<Readiness> {
  let pending: string[];
  try {
    // Reading the applied migrations is the database ping too
    pending = await withTimeout(listPendingMigrations(db));
  } catch {
    const reachable = await withTimeout(pingDatabase(db)).then(
      () => true,
      () => false,
    );
    return reachable
      ? { status: 'down', checks: { database: 'ok', migrations: 'unknown' } }
      : { status: 'down', checks: { database: 'unreachable', migrations: 'unknown' } };
  }
  if (pending.length > 0)
    return {
      status: 'down',
      checks: { database: 'ok', migrations: 'pending' },
      pendingMigrations: pending,
    };
  const summary = await withTimeout(readHealthSummary(db, STALE_AFTER_MS / 1000)).catch(() => null);
  const jobs = summary ? judgeJobs(summary) : UNKNOWN.jobs;
  const outbox = summary ? judgeOutbox(summary) : UNKNOWN.outbox;
  const healthy = jobs.status === 'ok' && outbox.status === 'ok';
  return {
    status: healthy ? 'ready' : 'degraded',
    checks: { database: 'ok', migrations: 'current', jobs: { ...jobs }, outbox: { ...outbox } },
  };
}
