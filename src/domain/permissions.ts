// Who may do what (policy 1.3, 1.4, 2.3, 2.5, 2.6, 3.1): one readable matrix, decided without I/O.
import type { ConfidentialityReason } from './confidentiality.ts';

export const STAFF_ROLES = [
  'employee',
  'manager',
  'management_assistant',
  'management_team',
  'board',
  'legal',
  'admin',
  'privacy_officer',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export type StaffActor = Readonly<{
  userId: string;
  roles: readonly StaffRole[];
  departmentId: string | null;
  /** Departments this person is the manager (leidinggevende) of. */
  managedDepartmentIds: readonly string[];
}>;

/** What a permission check needs to know about one complaint. */
export type ComplaintAccess = Readonly<{
  handlerId: string | null;
  responsibleManagerId: string | null;
  /** The handling department; its manager is accountable (policy 2.3). */
  departmentId: string | null;
  /** Marked confidential on purpose, with a reason (policy 1.3, 2.5). */
  confidential: boolean;
  /** Why it is confidential; `null` when it is not. */
  confidentialReason: ConfidentialityReason | null;
  /** The employee the complaint is about, if any (policy 1.3). */
  subjectEmployeeId: string | null;
  /** That employee's own department now, whose manager is their manager (policy 1.3). */
  subjectEmployeeDepartmentId: string | null;
}>;

export const COMPLAINT_PERMISSIONS = [
  'complaint.view',
  'complaint.register',
  'complaint.log_contact',
  'complaint.assign',
  'complaint.transfer',
  'complaint.handle',
  'complaint.decide',
  'complaint.give_legal_advice',
  'complaint.record_board_decision',
  'complaint.mark_confidential',
  'complaint.lift_confidential',
] as const;
export type ComplaintPermission = (typeof COMPLAINT_PERMISSIONS)[number];

export const ORGANIZATION_PERMISSIONS = [
  'complaints.list_all',
  'mt_review.manage',
  'mt_review.propose',
  'reports.view_all',
  'reports.view_department',
  'employee_repeat_events.view',
  'admin.manage_users',
  'admin.manage_reference_data',
  'admin.manage_api_tokens',
  'admin.view_audit_log',
  'privacy.manage',
  'privacy.view_access_log',
] as const;
export type OrganizationPermission = (typeof ORGANIZATION_PERMISSIONS)[number];

/** Organisation-wide actions by role. Every staff member is an employee too (policy 1.4). */
export const ORGANIZATION_MATRIX: Record<OrganizationPermission, readonly StaffRole[]> = {
  'complaints.list_all': [
    'employee',
    'manager',
    'management_assistant',
    'management_team',
    'board',
    'legal',
    'admin',
    'privacy_officer',
  ],
  'mt_review.manage': ['management_team', 'board', 'admin'], // policy 3.1: the MT records its review and decisions
  'mt_review.propose': ['manager', 'management_team', 'board', 'admin'], // policy 2.4: managers bring policy issues to the MT
  'reports.view_all': ['management_team', 'board', 'management_assistant'], // policy 3.2
  'reports.view_department': ['manager', 'management_team', 'board', 'management_assistant'], // policy 2.2
  'employee_repeat_events.view': ['manager'], // policy 2.6: for the manager's assessment of the employee only
  'admin.manage_users': ['admin'],
  'admin.manage_reference_data': ['admin'],
  'admin.manage_api_tokens': ['admin'],
  'admin.view_audit_log': ['admin'],
  // AVG: retention terms, legal holds, subject access and erasure; the access log (accountability)
  'privacy.manage': ['privacy_officer', 'admin'],
  'privacy.view_access_log': ['privacy_officer', 'admin'],
};

export type Decision = { allowed: true } | { allowed: false; hidden: boolean };

const ALLOW: Decision = { allowed: true };
const REFUSE: Decision = { allowed: false, hidden: false };
const HIDE: Decision = { allowed: false, hidden: true };

function hasRole(actor: StaffActor, ...roles: StaffRole[]): boolean {
  return roles.some((role) => actor.roles.includes(role));
}

/** Does the actor hold one of these roles? */
export const hasAnyRole = hasRole;

export function isResponsibleManager(actor: StaffActor, complaint: ComplaintAccess): boolean {
  if (!hasRole(actor, 'manager')) return false;
  if (complaint.responsibleManagerId === actor.userId) return true;
  return complaint.departmentId !== null && actor.managedDepartmentIds.includes(complaint.departmentId);
}

function managesDepartmentOf(actor: StaffActor, departmentId: string | null): boolean {
  return (
    hasRole(actor, 'manager') && departmentId !== null && actor.managedDepartmentIds.includes(departmentId)
  );
}

/**
 * THE rule for who sees a confidential complaint (docs/permissions.md, "Vertrouwelijke klachten"); the SQL
 * filter of lists and search (complaint-query.repository.ts) is tested against it. A complaint that is not
 * confidential is visible to every colleague (policy 1.4).
 * - Always: the MT, the board and the legal adviser (policy 2.2, 3.1, 3.2, 2.6), the handler and the
 *   accountable manager (the named responsible manager or the manager of the handling department, policy 2.3).
 * - Also the employee the complaint is about and that employee's manager: a complaint is talked through with
 *   the person it concerns (policy 1.3), so confidential means "not for the rest of the organisation".
 * - Except for a suspected criminal offence (policy 2.5, straight to the board): then not the employee it is
 *   about (in no position, not even as handler or MT member, so nobody is tipped off) and not their manager
 *   unless that manager is the accountable one.
 */
export function canSeeComplaint(actor: StaffActor, complaint: ComplaintAccess): boolean {
  if (!complaint.confidential) return true;
  const criminal = complaint.confidentialReason === 'criminal_suspicion';
  const isConcerned = complaint.subjectEmployeeId !== null && complaint.subjectEmployeeId === actor.userId;
  if (criminal && isConcerned) return false; // policy 2.5
  if (hasRole(actor, 'management_team', 'board', 'legal')) return true;
  if (complaint.handlerId === actor.userId) return true;
  if (isResponsibleManager(actor, complaint)) return true;
  if (criminal) return false;
  return isConcerned || managesDepartmentOf(actor, complaint.subjectEmployeeDepartmentId); // policy 1.3
}

/**
 * Decides one action on one complaint. A complaint the actor may not see is `hidden` (answer 404, so its
 * existence does not leak); a visible complaint the actor may not act on is refused (403).
 */
export function decideComplaintAction(
  actor: StaffActor,
  action: ComplaintPermission,
  complaint: ComplaintAccess | null,
): Decision {
  if (action === 'complaint.register') return ALLOW; // policy 1.4: everyone registers what they hear
  if (complaint === null) return HIDE;
  if (!canSeeComplaint(actor, complaint)) return HIDE;
  const isHandler = complaint.handlerId === actor.userId;
  const isManager = isResponsibleManager(actor, complaint);
  switch (action) {
    case 'complaint.view':
    case 'complaint.log_contact': // policy 1.4: all complaint contacts are recorded, by whoever has them
      return ALLOW;
    case 'complaint.assign': // policy 2.6: the manager decides who handles; an unassigned complaint may be picked up
      return isManager || complaint.handlerId === null ? ALLOW : REFUSE;
    case 'complaint.transfer': // policy 2.6: the manager moves it; the handler may hand it on to whom it concerns
      return isManager || isHandler ? ALLOW : REFUSE;
    case 'complaint.handle': // policy 1.3, 2.3: handled by the employee concerned, the manager stays responsible
      return isHandler || isManager ? ALLOW : REFUSE;
    case 'complaint.decide': // policy 2.4, 2.6: exceptions, approvals, extensions are the manager's
      return isManager ? ALLOW : REFUSE;
    case 'complaint.give_legal_advice': // policy 2.6: the legal adviser advises on lawyer escalations
      return hasRole(actor, 'legal') ? ALLOW : REFUSE;
    case 'complaint.record_board_decision': // policy 1.3, 2.5: the board decides on committee advice and offences
      return hasRole(actor, 'board') ? ALLOW : REFUSE;
    case 'complaint.mark_confidential': // policy 1.3, 2.5: those handling it or overseeing it; AVG: the privacy officer
      return isHandler || isManager || hasRole(actor, 'management_team', 'board', 'privacy_officer')
        ? ALLOW
        : REFUSE;
    case 'complaint.lift_confidential':
      // policy 2.5: what went to the board for a suspected offence is the board's to release
      if (complaint.confidentialReason === 'criminal_suspicion')
        return hasRole(actor, 'board') ? ALLOW : REFUSE;
      // policy 2.3: the accountable manager, or those above them
      return isManager || hasRole(actor, 'management_team', 'board') ? ALLOW : REFUSE;
  }
}

export function canDoOrganizationAction(actor: StaffActor, action: OrganizationPermission): boolean {
  return hasRole(actor, ...ORGANIZATION_MATRIX[action]);
}

/** API token scopes for integrations: never confidential complaints, never manager, legal or admin actions. */
export const TOKEN_SCOPES = ['read', 'register', 'full'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const TOKEN_SCOPE_MATRIX: Record<TokenScope, readonly ComplaintPermission[]> = {
  read: ['complaint.view'],
  register: ['complaint.view', 'complaint.register'],
  full: ['complaint.view', 'complaint.register', 'complaint.log_contact', 'complaint.handle'],
};

export function decideTokenAction(
  scope: TokenScope,
  action: ComplaintPermission,
  complaint: ComplaintAccess | null,
): Decision {
  if (action !== 'complaint.register' && (complaint === null || complaint.confidential)) return HIDE;
  return TOKEN_SCOPE_MATRIX[scope].includes(action) ? ALLOW : REFUSE;
}
