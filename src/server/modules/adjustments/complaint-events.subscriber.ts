import { ADJUSTMENT_KINDS } from '../../../domain/index.ts';
import type { ComplaintEventBus } from '../complaints/index.ts';
import { addAdjustmentsAtIntake } from './adjustments.repository.ts';

// The adjustments module's part in a registration (decision 052): what the complainant asked for at intake is
// stored in the registration's own transaction, before the acknowledgement is queued (subscribed before
// messages), so the acknowledgement already goes by the channel and in the print they asked for.

export function subscribeAdjustmentsToComplaintEvents(bus: ComplaintEventBus): void {
  bus.subscribe('complaint.registered', 'adjustments', async (trx, { complaint, adjustments }) => {
    if (adjustments === null || adjustments.rows.length === 0) return [];
    const stored = await addAdjustmentsAtIntake(trx, {
      organizationId: complaint.organizationId,
      personId: adjustments.personId,
      rows: adjustments.rows,
      recordedBy: adjustments.recordedBy,
      recordedVia: adjustments.recordedVia,
      now: adjustments.at,
    });
    // the timeline names the kinds, never their values (as the case page's change does)
    const kinds = ADJUSTMENT_KINDS.filter((kind) => stored.includes(kind));
    return kinds.length === 0 ? [] : [{ type: 'adjustments_changed', payload: { kinds } }];
  });
}
