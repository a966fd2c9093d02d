import type { TransferInput } from '../../../contract/complaints.ts';
import { type ComplaintState, getActionRule, isActionOffered } from '../../../domain/index.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import type { Principal } from '../../http/principal.ts';
import { domainActor } from './access/complaint-access.ts';
import type { ComplaintRow } from './complaint.repository.ts';
import { type MutationContext, type MutationResult, mutateComplaint } from './complaint-mutation.service.ts';
import { type AppliedRoute, type RoutingStart, routeComplaint } from './routing/complaint-routing.ts';

/** Where the stored complaint is now, as the start of a new route. */
export function routingStart(row: ComplaintRow): RoutingStart {
  return {
    handlerId: row.handler_id,
    departmentId: row.department_id,
    concernedDepartmentId: row.concerned_department_id,
    managerId: row.responsible_manager_id,
  };
}

/**
 * Adds a route to a step's result: handler, accountable manager and cc in the state, the departments and the
 * manager-takes reason in the columns, and the `routed` event on the timeline.
 */
export function withRoute(
  ctx: Pick<MutationContext, 'state'>,
  result: MutationResult,
  routed: AppliedRoute,
): MutationResult {
  const base: ComplaintState = result.state ?? ctx.state;
  const { route, columns, event } = routed;
  return {
    ...result,
    state: {
      ...base,
      handlerId: route.handlerId,
      responsibleManagerId: route.managerId,
      managementAssistantIds: route.assistantIds,
    },
    columns: {
      ...(result.columns ?? {}),
      department_id: columns.department_id,
      concerned_department_id: columns.concerned_department_id,
      manager_takes_reason: columns.manager_takes_reason,
    },
    events: [...result.events, ...(event === null ? [] : [event])],
  };
}

/** policy 2.6: in an employee-caused repeat only the manager in charge decides who handles it. */
export function requireRepeatManager(ctx: MutationContext) {
  const manager = ctx.state.repeat?.managingManagerId ?? null;
  if (manager !== null && manager !== domainActor(ctx.principal).userId)
    throw new AppError('handler_assignment_requires_manager');
}

/**
 * "Doorzetten naar een andere afdeling" (policy 1.3, 2.6): the complaint moves to another department, to a
 * named employee there or to its unassigned queue; handler, department, accountable manager and cc move
 * together. Allowed to the accountable manager and to the handler handing it on (`complaint.transfer`).
 */
export function transferComplaint(
  db: Database,
  principal: Principal,
  id: string,
  ifMatch: number | undefined,
  input: TransferInput,
) {
  return mutateComplaint(
    db,
    principal,
    id,
    { permission: getActionRule('transfer').permission, ifMatch },
    async (ctx) => {
      if (!isActionOffered('transfer', ctx.state.status)) throw new AppError('transition_not_allowed');
      requireRepeatManager(ctx);
      const routed = await routeComplaint(
        ctx.trx,
        routingStart(ctx.row),
        { kind: 'transfer', departmentId: input.departmentId, handlerId: input.handlerId ?? null },
        input.reason,
      );
      return withRoute(ctx, { events: [] }, routed);
    },
  );
}
