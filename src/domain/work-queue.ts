// The work queue (issue 22): which departments' queues a staff member may look at, and the open set it shows.
import { hasAnyRole, type StaffActor } from './permissions.ts';
import { MONITORED_STATUSES } from './status-sets.ts';

/**
 * The queue shows open complaints by default: every status whose procedure has not ended (the same set the
 * term monitor watches, status-sets.ts). A filter can still ask for the ended ones.
 */
export const QUEUE_OPEN_STATUSES = MONITORED_STATUSES;

/** At most this many complaints in one bulk assignment: one request, one transaction per complaint. */
export const BULK_ASSIGN_MAX = 100;

/**
 * Whose department queues (unassigned, my department) a staff member may open: managers (who hand complaints on
 * between departments, policy 2.6) and the organisation's overseers (MT, board, management assistants,
 * administrators: policy 2.2, 3.1) pick any department; everybody else their own department (policy 1.3, 2.3:
 * the department picks up its complaints).
 */
export type DepartmentQueueScope = { kind: 'any' } | { kind: 'departments'; ids: readonly string[] };

export function departmentQueueScope(actor: StaffActor): DepartmentQueueScope {
  if (hasAnyRole(actor, 'manager', 'management_team', 'board', 'management_assistant', 'admin'))
    return { kind: 'any' };
  return { kind: 'departments', ids: actor.departmentId === null ? [] : [actor.departmentId] };
}

export function mayViewDepartmentQueue(actor: StaffActor, departmentId: string): boolean {
  const scope = departmentQueueScope(actor);
  return scope.kind === 'any' || scope.ids.includes(departmentId);
}

/** The department a queue opens on when none is picked: the managed one first, then the own one. */
export function defaultQueueDepartment(actor: StaffActor): string | null {
  if (hasAnyRole(actor, 'manager') && actor.managedDepartmentIds[0]) return actor.managedDepartmentIds[0];
  return actor.departmentId;
}
