// The public face of the messages module: what other modules may import (docs/ARCHITECTURE.md, issue 23).
// Everything not exported here is private to the module.
export { subscribeMessagesToComplaintEvents } from './complaint-events.subscriber.ts';
export { enqueueSatisfactionRequest } from './complaint-messages.service.ts';
export {
  createMessageEventBus,
  type MessageEventBus,
  type MessageEventMap,
  messageEvents,
} from './message-events.ts';
export { enqueueMessage } from './outbox.repository.ts';
export { subscribeMessagesToPortalEvents } from './portal-events.subscriber.ts';
export { appLink } from './settings/message-settings.ts';
export { findStaffActors } from './staff-readers.repository.ts';
