import type { Readiness } from '../../../contract/health.ts';
import type { Database } from '../../db/database.ts';
import { listPendingMigrations, pingDatabase } from './health.repository.ts';

const CHECK_TIMEOUT_MS = 2_000;

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS).unref(),
    ),
  ]);
}

/** Ready means: the database answers and every migration this code knows has been applied. */
export async function checkReadiness(db: Database): Promise<Readiness> {
  try {
    await withTimeout(pingDatabase(db));
  } catch {
    return { status: 'unavailable', checks: { database: 'unreachable', migrations: 'unknown' } };
  }
  try {
    const pending = await withTimeout(listPendingMigrations(db));
    return pending.length === 0
      ? { status: 'ready', checks: { database: 'ok', migrations: 'current' } }
      : {
          status: 'unavailable',
          checks: { database: 'ok', migrations: 'pending' },
          pendingMigrations: pending,
        };
  } catch {
    return { status: 'unavailable', checks: { database: 'ok', migrations: 'unknown' } };
  }
}
