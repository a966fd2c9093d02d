import {
  type Actor,
  type ComplaintAccess,
  type ComplaintPermission,
  decideComplaintAction,
  decideTokenAction,
  type Role,
} from '../../../domain/index.ts';
import { AppError } from '../../http/app-error.ts';
import type { Principal } from '../../http/principal.ts';
import type { ComplaintRow } from './complaint.repository.ts';

export function toAccess(row: ComplaintRow): ComplaintAccess {
  return {
    handlerId: row.handler_id,
    responsibleManagerId: row.responsible_manager_id,
    departmentId: row.department_id,
    confidential: row.confidential,
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

/** Who acts, as the domain sees it; integrations act as an employee would (policy 1.4). */
export function domainActor(principal: Principal, role: Role = 'employee'): Actor {
  return { userId: principal.kind === 'staff' ? principal.userId : principal.tokenId, role };
}

export function eventActor(principal: Principal) {
  return principal.kind === 'staff'
    ? { actorUserId: principal.userId, actorTokenId: null }
    : { actorUserId: null, actorTokenId: principal.tokenId };
}
