import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Database } from '../../../db/database.ts';
import { beatHeart, claimInstance, type InstanceRow, removeInstance } from '../instance.repository.ts';

export const HEARTBEAT_INTERVAL_MS = 10_000;
/** An instance that has not beaten its heart for this long is considered gone (a crash on another host). */
export const STALE_AFTER_MS = 45_000;

type StorageDriver = InstanceRow['storage_driver'];
type Identity = { host: string; pid: number; storageDriver: StorageDriver };

/**
 * Attachments on one machine's disk (STORAGE_DRIVER=local) cannot be shared: with such an instance, any
 * second instance on the same database would answer for files it does not have. With S3 on both sides
 * several instances are fine.
 */
export function mayRunBeside(self: StorageDriver, other: StorageDriver): boolean {
  return self === 's3' && other === 's3';
}

/**
 * An entry from this host whose process no longer runs is a crash (SIGKILL, power cut): gone, without waiting
 * for its heartbeat to go stale. The same pid on this host is an earlier incarnation of this very process
 * (a container restarted with pid 1), so gone too.
 */
export function isGoneFromHere(
  row: Pick<InstanceRow, 'host' | 'pid'>,
  self: Pick<Identity, 'host' | 'pid'>,
  isRunning: (pid: number) => boolean,
): boolean {
  if (row.host !== self.host) return false;
  return row.pid === self.pid || !isRunning(row.pid);
}

function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class InstanceConflictError extends Error {}

export function describeConflict(self: StorageDriver, other: InstanceRow): string {
  const where = self === 'local' ? 'on this instance' : 'on the other one';
  return (
    `another Gehoord instance already uses this database (host ${other.host}, pid ${other.pid}, ` +
    `since ${other.started_at.toISOString()}). Attachments on one machine's disk (STORAGE_DRIVER=local ${where}) ` +
    `cannot be shared, so only one instance may run: stop the other one, or use STORAGE_DRIVER=s3 on every instance.`
  );
}

export type RegisteredInstance = { id: string; stop(): Promise<void> };

/**
 * Registers this server in the database at start-up (issue 20) and keeps a heartbeat while it runs; refuses
 * with InstanceConflictError when it may not run beside an instance already there.
 */
export async function registerInstance(
  db: Database,
  options: {
    storageDriver: StorageDriver;
    /** 'worker' (`npm run worker`): registered so readiness sees a job runner, never a start-up conflict. */
    kind?: 'web' | 'worker';
    runsJobs?: boolean;
    onHeartbeatError?: (error: unknown) => void;
    onReinstated?: () => void;
  },
): Promise<RegisteredInstance> {
  const self = {
    id: randomUUID(),
    host: hostname(),
    pid: process.pid,
    storage_driver: options.storageDriver,
    kind: options.kind ?? 'web',
    runs_jobs: options.runsJobs ?? false,
  };
  const conflict = await claimInstance(db, self, {
    staleAfterMs: STALE_AFTER_MS,
    isGone: (row) => isGoneFromHere(row, self, processIsRunning),
    // A worker runs beside the web instance whose files it shares (decision 020); only web instances conflict
    conflictsWith: (row) =>
      self.kind === 'web' && row.kind === 'web' && !mayRunBeside(options.storageDriver, row.storage_driver),
  });
  if (conflict) throw new InstanceConflictError(describeConflict(options.storageDriver, conflict));
  const timer = setInterval(() => {
    beatHeart(db, self).then(
      (present) => (present ? undefined : options.onReinstated?.()),
      (error: unknown) => options.onHeartbeatError?.(error),
    );
  }, HEARTBEAT_INTERVAL_MS);
  timer.unref();
  return {
    id: self.id,
    stop: async () => {
      clearInterval(timer);
      await removeInstance(db, self.id);
    },
  };
}
