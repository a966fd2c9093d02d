import type { Scoped } from '../../db/tenant-scope.ts';
import { createEventBus } from '../../events/event-bus.ts';

// What the privacy module publishes (decision 029); subscribers run in the erasure's own transaction.

export type PrivacyEventMap = {
  /**
   * A complaint is being erased (retention, erasure on request, an erasure re-applied after a restore), before
   * the SQL function anonymises it: a subscriber removes what it keeps of the complaint elsewhere (decision 049:
   * the stored theme runs), so it commits or rolls back with the erasure.
   */
  'complaint.erased': { event: { complaintId: string }; reply: undefined };
};

export type PrivacyEventBus = ReturnType<typeof createPrivacyEventBus>;

export function createPrivacyEventBus() {
  return createEventBus<Scoped, PrivacyEventMap>('privacy events');
}

/** The application's bus: privacy publishes on it, the composition root registers its subscribers. */
export const privacyEvents: PrivacyEventBus = createPrivacyEventBus();
