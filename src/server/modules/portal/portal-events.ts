import type { Scoped } from '../../db/tenant-scope.ts';
import { createEventBus } from '../../events/event-bus.ts';
import type { ComplaintRow } from '../complaints/index.ts';

// What the public portal publishes (decision 029); subscribers run in the portal's own transaction.

export type PortalEventMap = {
  /**
   * A website complaint was registered and its acknowledgement written in the complainant's language
   * (policy 2.1); the messages module queues it. The status link is for delivery only (issue 20).
   */
  'complaint.submitted_online': {
    event: {
      complaint: { id: string; organizationId: string };
      /** By e-mail as the portal wrote it, or (issue 26: they chose letters) by post from the messages module. */
      acknowledgement:
        | { by: 'email'; to: string; subject: string; bodyText: string; secretLink: string; stepKey: string }
        | { by: 'post' };
    };
    reply: undefined;
  };
  /**
   * The complainant rated the handling on the status page (policy 3.2), once per complaint. `followUp`: a
   * low score that puts a follow-up on the timeline.
   */
  'satisfaction.rated': {
    event: { complaint: ComplaintRow; handling: number; outcome: number; followUp: boolean; at: Date };
    reply: undefined;
  };
  /**
   * The complainant added a message on the status page (issue 22: the handler is told). `key` names this
   * message, so a notification is made once.
   */
  'complainant.messaged': {
    event: { complaint: { id: string; organizationId: string }; key: string; at: Date };
    reply: undefined;
  };
};

export type PortalEventBus = ReturnType<typeof createPortalEventBus>;

export function createPortalEventBus() {
  return createEventBus<Scoped, PortalEventMap>('portal events');
}

/** The application's bus: the portal publishes on it, the composition root registers its subscribers. */
export const portalEvents: PortalEventBus = createPortalEventBus();
