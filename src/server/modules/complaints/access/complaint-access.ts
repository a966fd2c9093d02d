import {
  type Actor,
  type ComplaintAccess,
  type ComplaintPermission,
  type ComplaintReader,
  type ConfidentialityReason,
  complaintExposure,
  decideComplaintAction,
  decideTokenAction,
  otherComplaintIdsOf,
  type Role,
  type StaffActor,
  type TimelineEventFacts,
  type TimelineSight,
} from '../../../../domain/index.ts';
import type { Scoped } from '../../../db/tenant-scope.ts';
import { AppError } from '../../../http/app-error.ts';
import type { Principal } from '../../../http/principal.ts';
import { type ComplaintRow, findComplaintRows } from '../complaint.repository.ts';
import type { Visibility } from '../complaint-query.repository.ts';

export function toAccess(
  row: Pick<
    ComplaintRow,
    | 'handler_id'
    | 'responsible_manager_id'
    | 'department_id'
    | 'confidential'
    | 'confidential_reason_code'
    | 'subject_employee_id'
    | 'subject_employee_department_id'
  >,
): ComplaintAccess {
  return {
    handlerId: row.handler_id,
    responsibleManagerId: row.responsible_manager_id,
    departmentId: row.department_id,
    confidential: row.confidential,
    confidentialReason: row.confidential_reason_code as ConfidentialityReason | null,
    subjectEmployeeId: row.subject_employee_id,
    subjectEmployeeDepartmentId: row.subject_employee_department_id,
  };
}

/** What the SQL filter of lists and search needs to know about the reader (mirror of `canSeeComplaint`). */
export function visibilityOf(principal: Principal | StaffActor): Visibility {
  if ('kind' in principal && principal.kind === 'token') return { kind: 'token' };
  const staff = principal as StaffActor;
  return {
    kind: 'staff',
    userId: staff.userId,
    seesConfidential: staff.roles.some((r) => r === 'management_team' || r === 'board' || r === 'legal'),
    isManager: staff.roles.includes('manager'),
    managedDepartmentIds: staff.managedDepartmentIds,
  };
}

/**
 * Object-level check on every complaint endpoint: a complaint the caller may not see is a 404 (its
 * existence does not leak), a visible one they may not act on is a 403.
 */
export function authorize(
  principal: Principal,
  permission: ComplaintPermission,
  row: ComplaintRow | null,
): void {
  const access = row === null ? null : toAccess(row);
  const decision =
    principal.kind === 'token'
      ? decideTokenAction(principal.scope, permission, access)
      : decideComplaintAction(principal, permission, access);
  if (decision.allowed) return;
  if (decision.hidden) throw new AppError('not_found');
  throw new AppError(principal.kind === 'token' ? 'token_scope_insufficient' : 'forbidden');
}

/**
 * Whether the caller may know that this complaint exists. Anything that takes a complaint id as a
 * reference (a repeat, an MT item, a legal hold) treats a complaint for which this is false exactly like
 * an unknown id, so the answer is no existence oracle (issue 20).
 */
export function mayKnowOf(principal: Principal, row: ComplaintRow): boolean {
  const access = toAccess(row);
  const decision =
    principal.kind === 'token'
      ? decideTokenAction(principal.scope, 'complaint.view', access)
      : decideComplaintAction(principal, 'complaint.view', access);
  return decision.allowed || !decision.hidden;
}

/** The complaint ids among `ids` that exist and that the caller may know of (see `mayKnowOf`). */
export async function knownComplaintIds(
  trx: Scoped,
  principal: Principal,
  ids: readonly string[],
): Promise<Set<string>> {
  const rows = await findComplaintRows(trx, [...new Set(ids)]);
  return new Set(rows.filter((row) => mayKnowOf(principal, row)).map((row) => row.id));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The reader as the exposure rule sees them: a staff member, or an integration by its token's scope. */
export function readerOf(principal: Principal): ComplaintReader {
  return principal.kind === 'token' ? { kind: 'token', scope: principal.scope } : principal;
}

/**
 * What `timelineEventFor` needs besides the reader: the complaint itself and which of the OTHER complaints the
 * events (and `alsoIds`, e.g. a repeat's earlier complaint) point at the reader may see whole.
 */
export async function timelineSight(
  trx: Scoped,
  reader: ComplaintReader,
  complaint: ComplaintAccess,
  events: readonly TimelineEventFacts[],
  alsoIds: readonly (string | null)[] = [],
): Promise<TimelineSight> {
  const ids = [...events.flatMap(otherComplaintIdsOf), ...alsoIds.filter((id): id is string => id !== null)];
  const uuids = ids.filter((id) => UUID.test(id));
  const rows = await findComplaintRows(trx, [...new Set(uuids)]);
  const visibleOtherComplaintIds = new Set(
    rows.filter((row) => complaintExposure(reader, toAccess(row)) === 'whole').map((row) => row.id),
  );
  return { reader, complaint, visibleOtherComplaintIds };
}

/** Who acts, as the domain sees it; integrations act as an employee would (policy 1.4). */
export function domainActor(principal: Principal, role: Role = 'employee'): Actor {
  return { userId: principal.kind === 'staff' ? principal.userId : principal.tokenId, role };
}

export function eventActor(principal: Principal) {
  return principal.kind === 'staff'
    ? { actorUserId: principal.userId, actorTokenId: null }
    : { actorUserId: null, actorTokenId: principal.tokenId };
}
