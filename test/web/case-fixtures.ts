import type { CurrentUser } from '../../src/contract/auth.ts';
import type { ComplaintDetail } from '../../src/contract/complaints.ts';

// The case page's web rules (which actions, which up front) are tested on the same few people and the same bare
// complaint detail; the fields those rules read are filled, the rest left out.

export const EVA = '00000000-0000-4000-8000-000000000001';
export const SANNE = '00000000-0000-4000-8000-000000000002';
export const DEPARTMENT = '00000000-0000-4000-8000-0000000000d1';

export function staffUser(id: string, roles: CurrentUser['roles'], managed: string[] = []): CurrentUser {
  return {
    id,
    name: 'x',
    email: 'x@example.nl',
    roles,
    departmentId: DEPARTMENT,
    managedDepartmentIds: managed,
    organizationId: '00000000-0000-4000-8000-0000000000aa',
    secondFactorEnabled: false,
    mustEnrollSecondFactor: false,
  };
}

/** A complaint of Sanne's department handled by Eva (unless `extra` says otherwise), nothing waiting. */
export function caseDetail(
  status: ComplaintDetail['status'],
  nextSteps: ComplaintDetail['nextSteps'] = [],
  extra: Partial<ComplaintDetail> = {},
) {
  return {
    status,
    nextSteps,
    approvals: { waiting: [], proposedSubject: null },
    assessment: null,
    explanationLetter: null,
    handler: { id: EVA, name: 'Eva' },
    responsibleManager: { id: SANNE, name: 'Sanne' },
    department: { id: DEPARTMENT, name: 'Klantcontact' },
    confidential: false,
    confidentialReason: null,
    subject: null,
    subjectEmployeeDepartmentId: null,
    ...extra,
  } as unknown as ComplaintDetail;
}
