import type { Scoped } from '../../db/tenant-scope.ts';
import type { Principal } from '../../http/principal.ts';
import type { AccessEntry, AccessReader } from './access-log.repository.ts';
import * as accessLog from './access-log.repository.ts';

export type { AccessEntry, AccessLogFilter, AccessReader } from './access-log.repository.ts';

/**
 * The access log's one writer for other modules (AVG): records one read (or change) of personal data in the
 * caller's transaction, so the entry exists exactly when the read happened.
 */
export async function recordAccess(trx: Scoped, reader: AccessReader, entry: AccessEntry): Promise<void> {
  await accessLog.recordAccess(trx, reader, entry);
}

/** One entry per complaint shown in a list or file (drill-down rows, a dossier), in the caller's transaction. */
export async function recordAccesses(
  trx: Scoped,
  reader: AccessReader,
  entries: readonly AccessEntry[],
): Promise<void> {
  await accessLog.recordAccesses(trx, reader, entries);
}

/** A read of a person's complaint list; an id that is no person here (or elsewhere) leaves no entry. */
export async function recordPersonComplaintsRead(trx: Scoped, principal: Principal, personId: string) {
  await accessLog.recordPersonComplaintsRead(trx, principal, personId);
}

/** The access log as the privacy officer and the subject-access export read it (newest first, filtered). */
export async function listAccessLog(trx: Scoped, filter: accessLog.AccessLogFilter) {
  return accessLog.listAccessLog(trx, filter);
}
