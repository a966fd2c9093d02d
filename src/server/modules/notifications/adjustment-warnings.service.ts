import type { Database } from '../../db/database.ts';
import { inOrganization } from '../../db/tenant-scope.ts';
import { complaintsToWatch, readAdjustmentsWithin } from '../adjustments/index.ts';
import { findComplaint } from '../complaints/index.ts';
import { insertNotifications } from './notification.repository.ts';

/**
 * Issue 26 (decision 051): the term monitor's part for adjustments. For each open complaint whose complainant
 * asked for a channel or a call-back, the handler gets one notification per adjustment not followed (the same
 * warning the case page shows); a warning already notified is not repeated (dedupe key). Decision 053: an open
 * call-back task is notified once too (the case's next steps list it at once; the notification follows within
 * the hour this job runs).
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
        const { warnings, callBack } = await readAdjustmentsWithin(trx, row, now);
        const handler = { organizationId, userId: row.handler_id as string, complaintId: row.id };
        const inserted = await insertNotifications(trx, [
          ...warnings.map((warning) => ({
            ...handler,
            kind: `adjustment_${warning}`,
            dedupeKey: `adjustment:${row.id}:${warning}`,
          })),
          // decision 053: a call-back to make reaches the handler once per open task (it opens with a message)
          ...(callBack === null
            ? []
            : [{ ...handler, kind: 'call_back_due', dedupeKey: `call_back:${row.id}:${callBack.since}` }]),
        ]);
        notified += inserted.length;
      }
    });
  return { complaints: candidates.length, notified };
}
