import type { Scoped } from '../../db/tenant-scope.ts';
import { createEventBus } from '../../events/event-bus.ts';

// What the messages module publishes (decision 029); subscribers run in the publisher's transaction.

export type MessageEventMap = {
  /** A message was given up on (permanent refusal or attempts used up) and marked failed. */
  'message.dead_lettered': {
    event: { message: { id: string; organization_id: string; complaint_id: string | null }; at: Date };
    reply: undefined;
  };
  /**
   * The complainant answered by e-mail and the reply went on their case's timeline (the mailbox). `key`
   * names this message (the inbound mail), so who is told is told once. Runs in the mailbox's transaction.
   */
  'complainant.replied': {
    event: { complaint: { id: string; organizationId: string }; key: string; at: Date };
    reply: undefined;
  };
};

export type MessageEventBus = ReturnType<typeof createMessageEventBus>;

export function createMessageEventBus() {
  return createEventBus<Scoped, MessageEventMap>('message events');
}

/** The application's bus: the outbox worker publishes on it, the composition root registers its subscribers. */
export const messageEvents: MessageEventBus = createMessageEventBus();
