import type { Database } from '../../../db/database.ts';
import { inOrganization } from '../../../db/tenant-scope.ts';
import type { BlobStorage } from '../../../storage/blob-storage.ts';
import * as repository from '../privacy.repository.ts';
import { eraseComplaint } from '../retention.service.ts';
import type { ErasureLedgerEntry } from './erasure-ledger.ts';

const ORDER = { complaint: 0, representative: 1, person: 2 } as const;

export type ReapplyResult = { entries: number; reapplied: number; files: number; failed: number };

/**
 * After a restore from a backup older than some erasures: erase those ids again (complaints first, then
 * the people behind them). What is already anonymised is skipped, so running it twice changes nothing.
 */
export async function reapplyErasures(
  owner: Database,
  storage: BlobStorage | null,
  entries: readonly ErasureLedgerEntry[],
  log: { error(obj: object, msg: string): void },
): Promise<ReapplyResult> {
  const unique = new Map<string, ErasureLedgerEntry>();
  for (const entry of entries) unique.set(`${entry.kind}:${entry.id}`, entry);
  const ordered = [...unique.values()].sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
  const result: ReapplyResult = { entries: ordered.length, reapplied: 0, files: 0, failed: 0 };
  for (const entry of ordered) {
    try {
      const { changed, keys } = await inOrganization(owner, entry.organizationId, async (trx) => {
        if (entry.kind === 'complaint') {
          const keys = await eraseComplaint(trx, entry.id, 'reapply');
          return { changed: (await repository.erasedInThisTransaction(trx)).length > 0, keys };
        }
        const changed =
          entry.kind === 'person'
            ? await repository.anonymisePerson(trx, entry.id, 'reapply')
            : await repository.anonymiseRepresentative(trx, entry.id, 'reapply');
        return { changed, keys: [] as string[] };
      });
      if (changed) result.reapplied += 1;
      for (const key of keys) {
        await storage?.delete(key);
        result.files += 1;
      }
    } catch (error) {
      result.failed += 1;
      log.error({ err: error, kind: entry.kind, id: entry.id }, 'could not re-apply an erasure');
    }
  }
  return result;
}
