import type { CurrentUser } from '../../../contract/auth.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization } from '../../db/tenant-scope.ts';
import type { StaffPrincipal } from '../../http/principal.ts';
import { findUserSecrets } from './auth.repository.ts';

export async function describeCurrentUser(db: Database, staff: StaffPrincipal): Promise<CurrentUser> {
  const user = await inOrganization(db, staff.organizationId, (trx) => findUserSecrets(trx, staff.userId));
  return {
    id: staff.userId,
    name: staff.name,
    email: staff.email,
    roles: staff.roles,
    departmentId: staff.departmentId,
    managedDepartmentIds: [...staff.managedDepartmentIds],
    organizationId: staff.organizationId,
    secondFactorEnabled: user.totp_enabled,
    mustEnrollSecondFactor: staff.mustEnrollSecondFactor,
  };
}
