import type { Database } from '../../db/database.ts';
import { inOrganization } from '../../db/tenant-scope.ts';
import { complaintsToWatch, readAdjustmentsWithin } from '../adjustments/index.ts';
import { findComplaint } from '../complaints/index.ts';
import { insertNotifications } from './notification.repository.ts';

/**
 * Issue 26 (decision 051): the term monitor's part for adjustments. For each open complaint whose complainant
 * asked for a channel or a call-back, the handler gets one notification per adjustment not followed (the same
 * warning the case page shows); a warning already notified is not repeated (dedupe key).
 */
export async function warnAboutAdjustments(owner: Database, now: Date) {
  const candidates = await complaintsToWatch(owner);
  const byOrganization = new Map<string, string[]>();
  for (const c of candidates)
    byOrganization.set(c.organization_id, [...(byOrganization.get(c.organization_id) ?? []), c.id]);
  let notified = 0;
  for (const [organizationId, ids] of byOrganization)
    await inOrganization(owner, organizationId, async (trx) => {
      for (const id of ids) {
        const row = await findComplaint(trx, id);
        if (row === undefined || row.handler_id === null) continue;
        const { warnings } = await readAdjustmentsWithin(trx, row, now);
        const inserted = await insertNotifications(
          trx,
          warnings.map((warning) => ({
            organizationId,
            userId: row.handler_id as string,
            complaintId: row.id,
            kind: `adjustment_${warning}`,
            dedupeKey: `adjustment:${row.id}:${warning}`,
          })),
        );
        notified += inserted.length;
      }
    });
  return { complaints: candidates.length, notified };
}
