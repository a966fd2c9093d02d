// The public face of the complaints module: what other modules may import (docs/ARCHITECTURE.md, issue 23).
// Everything not exported here is private to the module.
export type { ComplaintRow } from './complaint.repository.ts';
export {
  type ComplaintEventBus,
  type ComplaintEventMap,
  type ComplaintRef,
  complaintEvents,
  createComplaintEventBus,
  type EffectReceipt,
} from './complaint-events.ts';
export type { EventSpec } from './complaint-mutation.ts';
