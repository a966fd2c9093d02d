// The public face of the staff module: what other modules may import (docs/ARCHITECTURE.md, issue 23).
// Everything not exported here is private to the module.
export { departmentExists, insertStaffUser, isActiveStaffMember } from './staff.service.ts';
