// The public face of the complaints module: what other modules may import (docs/ARCHITECTURE.md, issue 23).
// Everything not exported here is private to the module.
export {
  type ComplaintRow,
  findComplaintRow,
  insertAccessLog,
  insertEvent,
  insertEvents,
  updateComplaint,
} from './complaint.repository.ts';
export { authorize, knownComplaintIds, toAccess } from './complaint-access.ts';
export {
  type ComplaintEventBus,
  type ComplaintEventMap,
  type ComplaintRef,
  complaintEvents,
  createComplaintEventBus,
  type EffectReceipt,
} from './complaint-events.ts';
export type { EventSpec } from './complaint-mutation.ts';
export { subjectEmployeeDepartment } from './complaint-query.repository.ts';
export { getComplaint } from './complaint-query.service.ts';
export { type RegistrationOrigin, registerOnly } from './complaint-registration.service.ts';
export { reviveDates } from './complaint-state.mapper.ts';
