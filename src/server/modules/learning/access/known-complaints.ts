import type { Scoped } from '../../../db/tenant-scope.ts';
import type { Principal } from '../../../http/principal.ts';
import { knownComplaintIds } from '../../complaints/index.ts';

/**
 * Issue 20: an MT item, an improvement action or the agenda's repeats name only the complaints the reader may
 * know of (`knownComplaintIds`, the one rule); a linked complaint hidden from the reader is left out, so its id
 * and reference do not leave through the MT's lists. Whoever may see it (the MT) still gets it.
 */
export async function withKnownComplaints<T extends { complaints: readonly { id: string }[] }>(
  trx: Scoped,
  reader: Principal,
  items: readonly T[],
): Promise<T[]> {
  const known = await knownComplaintIds(
    trx,
    reader,
    items.flatMap((item) => item.complaints.map((c) => c.id)),
  );
  return items.map((item) => ({ ...item, complaints: item.complaints.filter((c) => known.has(c.id)) }));
}
