// The public face of the complaints module: what other modules may import (docs/ARCHITECTURE.md, issue 23).
// Everything not exported here is private to the module.

export {
  authorize,
  knownComplaintIds,
  mayKnowOf,
  timelineSight,
  toAccess,
  visibilityOf,
} from './access/complaint-access.ts';
export {
  type ComplaintRow,
  insertAccessLog,
  insertEvent,
  insertEvents,
  updateComplaint,
} from './complaint.repository.ts';
// The single assignment, so a bulk assignment (manager module, issue 22) runs exactly the same step per complaint.
export { assignHandler } from './complaint-actions.service.ts';
export {
  type ComplaintEventBus,
  type ComplaintEventMap,
  type ComplaintRef,
  complaintEvents,
  createComplaintEventBus,
  type EffectReceipt,
} from './complaint-events.ts';
export { findComplaint } from './complaint-lookup.service.ts';
export { type EventSpec, etagOf, mutateComplaint, parseIfMatch } from './complaint-mutation.service.ts';
// Query fragments (SQL expressions that run nothing) for other modules' repositories, so the visibility rule
// and the concerned employee's department are written once (decision 030).
export { subjectEmployeeDepartment, type Visibility, visible } from './complaint-query.repository.ts';
export { getComplaint } from './complaint-query.service.ts';
export { type RegistrationOrigin, registerOnly } from './complaint-registration.service.ts';
export { reviveDates } from './mappers/complaint-state.mapper.ts';
