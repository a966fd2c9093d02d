import type { ErrorCode } from '../../../../contract/errors.ts';
import {
  type ComplaintCategory,
  decideRoute,
  listDepartmentAssistantIds,
  type ManagerTakesReason,
  type Route,
  type RoutingRequest,
  type RoutingStaff,
} from '../../../../domain/index.ts';
import type { Scoped } from '../../../db/tenant-scope.ts';
import { AppError, unknownReference } from '../../../http/app-error.ts';
import * as repository from '../complaint.repository.ts';
import { findOrganizationRoutingRule } from '../routing-settings.service.ts';

/** Where the complaint is now; the route starts from here. */
export type RoutingStart = Readonly<{
  handlerId: string | null;
  departmentId: string | null;
  concernedDepartmentId: string | null;
  managerId: string | null;
}>;

/** A routing request with ids only; the subject and handlers are looked up here. */
export type RoutingAsk =
  | { kind: 'registration'; departmentId: string | null }
  | {
      kind: 'triage';
      category: ComplaintCategory | null;
      subject:
        | { kind: 'employee'; employeeId: string }
        | { kind: 'department'; departmentId: string }
        | { kind: 'contractor'; responsibleDepartmentId: string | null }
        | { kind: 'none' };
      managerTakes: ManagerTakesReason | null;
      suspectedCriminalOffence: boolean;
    }
  | { kind: 'transfer'; departmentId: string; handlerId: string | null };

export type AppliedRoute = Readonly<{
  route: Route;
  /** Complaint columns that follow the route (the state's own fields are in `route`). */
  columns: {
    handler_id: string | null;
    department_id: string | null;
    concerned_department_id: string | null;
    responsible_manager_id: string | null;
    management_assistant_ids: string[];
    manager_takes_reason: string | null;
  };
  /** The `routed` timeline event, or null when nothing about who handles it changed. */
  event: { type: 'routed'; summary: string | null; payload: Record<string, unknown> } | null;
}>;

async function staffOf(trx: Scoped, id: string | null): Promise<RoutingStaff | null> {
  if (id === null) return null;
  const staff = await repository.findStaffMember(trx, id);
  return staff === undefined
    ? null
    : { id: staff.id, active: staff.active, departmentId: staff.department_id };
}

/**
 * Looks up what the domain's `decideRoute` needs, lets it decide, and turns the route into columns and a
 * `routed` event (from → to, why). A refusal throws its own code; the caller's transaction changes nothing.
 */
export async function routeComplaint(
  trx: Scoped,
  start: RoutingStart,
  ask: RoutingAsk,
  reasonText: string | null = null,
): Promise<AppliedRoute> {
  let request: RoutingRequest;
  if (ask.kind === 'triage') {
    const subject = ask.subject;
    // policy 1.3: read only here, so registrations and transfers keep their round-trip budget
    const organizationRule = await findOrganizationRoutingRule(trx);
    if (subject.kind === 'employee') {
      const employee = await staffOf(trx, subject.employeeId);
      if (employee === null) throw unknownReference('subject.employeeId');
      request = {
        kind: 'triage',
        category: ask.category,
        subject: { kind: 'employee', employee },
        managerTakes: ask.managerTakes,
        organizationRule,
        suspectedCriminalOffence: ask.suspectedCriminalOffence,
      };
    } else
      request = {
        kind: 'triage',
        category: ask.category,
        subject,
        managerTakes: ask.managerTakes,
        organizationRule,
        suspectedCriminalOffence: ask.suspectedCriminalOffence,
      };
  } else if (ask.kind === 'transfer') {
    const handler = await staffOf(trx, ask.handlerId);
    if (ask.handlerId !== null && handler === null) throw unknownReference('handlerId');
    request = { kind: 'transfer', departmentId: ask.departmentId, handler };
  } else request = ask;

  const subjectDepartment =
    request.kind === 'triage'
      ? request.subject.kind === 'employee'
        ? request.subject.employee.departmentId
        : request.subject.kind === 'department'
          ? request.subject.departmentId
          : request.subject.kind === 'contractor'
            ? request.subject.responsibleDepartmentId
            : null
      : request.departmentId;
  // the current handler, the intake department and the departments in one round trip (with the handler's
  // and the intake department's own)
  const context = await repository.findRoutingContext(trx, start.handlerId, [
    start.departmentId,
    start.concernedDepartmentId,
    subjectDepartment,
  ]);
  const currentHandler: RoutingStaff | null = context.handler;
  const { intakeDepartmentId } = context;
  const found = context.departments;
  // policy 2.3: the cc goes to the department's own assistants — the rule the set-up gaps check too
  const departments = found.map(({ staff, ...d }) => ({
    ...d,
    assistantIds: listDepartmentAssistantIds(d.id, staff),
  }));
  const decided = decideRoute({
    request,
    currentHandler,
    currentDepartmentId: start.departmentId,
    currentConcernedDepartmentId: start.concernedDepartmentId,
    intakeDepartmentId,
    departments,
  });
  if (!decided.ok) throw new AppError(decided.reason as ErrorCode);
  const route = decided.route;
  const columns = {
    handler_id: route.handlerId,
    department_id: route.handlingDepartmentId,
    concerned_department_id: route.concernedDepartmentId,
    responsible_manager_id: route.managerId,
    management_assistant_ids: [...route.assistantIds],
    manager_takes_reason: route.managerTakesReason,
  };
  // A registration says where it landed only when no one picked it up (a queue, or nowhere yet)
  const changed =
    ask.kind === 'registration'
      ? route.handlerId === null
      : ask.kind === 'transfer' ||
        start.handlerId !== route.handlerId ||
        start.departmentId !== route.handlingDepartmentId ||
        start.managerId !== route.managerId;
  if (!changed) return { route, columns, event: null };
  const names = await repository.findStaffNames(trx, [
    start.handlerId,
    start.managerId,
    route.handlerId,
    route.managerId,
    ...route.assistantIds,
  ]);
  const person = (id: string | null) =>
    id === null ? null : { id, name: names.find((n) => n.id === id)?.name ?? '' };
  const department = (id: string | null) =>
    id === null ? null : { id, name: departments.find((d) => d.id === id)?.name ?? '' };
  return {
    route,
    columns,
    event: {
      type: 'routed',
      summary: reasonText,
      payload: {
        from:
          ask.kind === 'registration'
            ? null
            : {
                handler: person(start.handlerId),
                department: department(start.departmentId),
                manager: person(start.managerId),
              },
        to: {
          handler: person(route.handlerId),
          department: department(route.handlingDepartmentId),
          manager: person(route.managerId),
          assistants: route.assistantIds.map((id) => person(id)),
        },
        concernedDepartment: department(route.concernedDepartmentId),
        basis: route.basis,
        policy: route.policy,
        managerTakesReason: route.managerTakesReason,
        notices: route.notices,
      },
    },
  };
}
