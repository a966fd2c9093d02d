import type { PrivacyEventBus } from '../privacy/index.ts';
import { forgetErasedComplaint } from './themes.service.ts';

// The learning module's part in what privacy publishes (decision 029): an erased complaint leaves the stored
// theme runs in the erasure's transaction (decision 049).

export function subscribeLearningToPrivacyEvents(bus: PrivacyEventBus): void {
  bus.subscribe('complaint.erased', 'learning', async (trx, { complaintId }) => {
    await forgetErasedComplaint(trx, complaintId);
    return undefined;
  });
}
