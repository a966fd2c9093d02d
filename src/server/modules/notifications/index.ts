// The public face of the notifications module: what other modules may import (docs/ARCHITECTURE.md, issue 23).
// Everything not exported here is private to the module.
export { subscribeNotificationsToComplaintEvents } from './complaint-events.subscriber.ts';
export { subscribeNotificationsToMessageEvents } from './message-events.subscriber.ts';
export { insertNotifications, listActiveUserIdsWithRole } from './notification.repository.ts';
export { subscribeNotificationsToPortalEvents } from './portal-events.subscriber.ts';
