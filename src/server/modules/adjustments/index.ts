// The public face of the adjustments module: what other modules may import (docs/ARCHITECTURE.md, issue 23).
// Everything not exported here is private to the module.
export { adjustmentsOfPerson, complaintsToWatch, readAdjustmentsWithin } from './adjustments.service.ts';
export { subscribeAdjustmentsToComplaintEvents } from './complaint-events.subscriber.ts';
