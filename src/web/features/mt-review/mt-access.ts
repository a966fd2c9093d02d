import { canDoOrganizationAction } from '../../../domain/permissions.ts';
import { useCurrentUser } from '../auth/use-current-user.ts';

/**
 * What the signed-in person may do in the MT review (policy 3.1, 2.4): managers and up see and propose, the MT
 * (with board and admins) records meetings and decisions. The API checks the same matrix; this hides what would
 * be refused anyway.
 */
export function useMtAccess() {
  const user = useCurrentUser().data;
  if (!user) return { userId: null, canReview: false, canManage: false, seesAllReports: false };
  const actor = {
    userId: user.id,
    roles: user.roles,
    departmentId: user.departmentId,
    managedDepartmentIds: user.managedDepartmentIds,
  };
  return {
    userId: user.id,
    canReview: canDoOrganizationAction(actor, 'mt_review.propose'),
    canManage: canDoOrganizationAction(actor, 'mt_review.manage'),
    // issue 24: the sector benchmark is organisation-wide, for those who see every report
    seesAllReports: canDoOrganizationAction(actor, 'reports.view_all'),
  };
}
