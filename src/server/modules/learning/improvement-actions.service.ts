import type { z } from 'zod';
import type {
  actionDetail,
  actionListQuery,
  improvementAction,
  newActionInput,
  updateActionInput,
} from '../../../contract/learning.ts';
import {
  ACTION_STATUSES,
  decideActionTransition,
  isActionOverdue,
  nextQuarter,
  type Quarter,
  quarterOfDay,
  quarterRange,
  toLocalDate,
} from '../../../domain/index.ts';
import type { Scoped } from '../../db/tenant-scope.ts';
import { AppError, unknownReference } from '../../http/app-error.ts';
import type { Principal, StaffPrincipal } from '../../http/principal.ts';
import { knownComplaintIds } from '../complaints/index.ts';
import { publishIntegrationEvent } from '../integrations/index.ts';
import { departmentExists, isActiveStaffMember } from '../staff/index.ts';
import { withKnownComplaints } from './access/known-complaints.ts';
import { isManagementTeam } from './access/learning-access.ts';
import * as repository from './learning.repository.ts';
import { themeForAction } from './themes.service.ts';

type ActionRow = Awaited<ReturnType<typeof repository.listActions>>[number];
type ImprovementAction = z.infer<typeof improvementAction>;

export function toImprovementAction(row: ActionRow, now: Date): ImprovementAction {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    owner: row.owner_id === null ? null : { id: row.owner_id, name: row.ownerName ?? '' },
    department: row.department_id === null ? null : { id: row.department_id, name: row.departmentName ?? '' },
    dueOn: row.due_on,
    status: row.status,
    overdue: isActionOverdue(row.status, row.due_on, toLocalDate(now)),
    droppedReason: row.dropped_reason,
    result: row.result,
    scope: {
      category: row.scope_category,
      housingComplexId: row.scope_housing_complex_id,
      contractorId: row.scope_contractor_id,
    },
    complaints: row.complaints,
    policyIssueIds: row.policyIssueIds,
    sourceTheme: sourceThemeOf(row.source_theme),
    createdAt: row.created_at.toISOString(),
    completedAt: row.completed_at?.toISOString() ?? null,
  };
}

/** What the action recorded of the theme it was made from (issue 26). */
function sourceThemeOf(stored: unknown): ImprovementAction['sourceTheme'] {
  if (stored === null || typeof stored !== 'object') return null;
  const theme = stored as { quarter: Quarter; key: string; name: string; size: number };
  return { quarter: theme.quarter, key: theme.key, name: theme.name, size: theme.size };
}

async function checkPeople(
  trx: Scoped,
  ownerId: string | null | undefined,
  departmentId: string | null | undefined,
) {
  if (ownerId && !(await isActiveStaffMember(trx, ownerId))) throw unknownReference('ownerId');
  if (departmentId && !(await departmentExists(trx, departmentId))) throw unknownReference('departmentId');
}

/**
 * The scope that decides which later complaints count as "of that kind": given explicitly, or the most
 * common category, complex and contractor among the complaints that led to the action.
 */
async function deriveScope(trx: Scoped, complaintIds: string[]) {
  if (complaintIds.length === 0) return { category: null, housingComplexId: null, contractorId: null };
  const rows = await repository.findComplaintScopeFacts(trx, complaintIds);
  const mostCommon = (values: (string | null)[]) => {
    const counts = new Map<string, number>();
    for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  };
  return {
    category: mostCommon(rows.map((r) => r.category)),
    housingComplexId: mostCommon(rows.map((r) => r.housing_complex_id)),
    contractorId: mostCommon(rows.map((r) => r.subject_contractor_id)),
  };
}

/** The MT agrees an action; a manager's proposal starts as `proposed` (policy 3.1). */
export async function createAction(
  trx: Scoped,
  staff: StaffPrincipal,
  input: z.infer<typeof newActionInput>,
  now: Date,
): Promise<ImprovementAction> {
  await checkPeople(trx, input.ownerId, input.departmentId);
  const issueComplaints = await repository.issueComplaintIds(trx, input.policyIssueIds);
  if (input.policyIssueIds.length > 0) {
    const issues = await repository.listIssues(trx, { ids: input.policyIssueIds });
    if (issues.length !== new Set(input.policyIssueIds).size) throw unknownReference('policyIssueIds');
  }
  // a complaint the caller may not see is refused like an unknown id (no existence oracle)
  if ((await knownComplaintIds(trx, staff, input.complaintIds)).size !== new Set(input.complaintIds).size) {
    throw unknownReference('complaintIds');
  }
  // issue 26: made from a theme, the action links the theme's complaints the caller may know of
  const theme = input.theme
    ? await themeForAction(trx, staff, input.theme.quarter as Quarter, input.theme.key)
    : null;
  if (input.theme && theme === null) throw unknownReference('theme');
  const complaintIds = [
    ...new Set([...input.complaintIds, ...issueComplaints, ...(theme?.complaintIds ?? [])]),
  ];
  const derived = await deriveScope(trx, complaintIds);
  const id = await repository.insertAction(trx, {
    organizationId: staff.organizationId,
    title: input.title,
    description: input.description ?? null,
    ownerId: input.ownerId ?? null,
    departmentId: input.departmentId ?? null,
    dueOn: input.dueOn ?? null,
    status: isManagementTeam(staff) ? 'agreed' : 'proposed',
    scope: input.scope
      ? {
          category: input.scope.category ?? null,
          housingComplexId: input.scope.housingComplexId ?? null,
          contractorId: input.scope.contractorId ?? null,
        }
      : derived,
    createdBy: staff.userId,
    sourceTheme: theme?.source ?? null,
    complaintIds,
    policyIssueIds: [...new Set(input.policyIssueIds)],
  });
  await publishActionChange(trx, staff.organizationId, id, 'created');
  const [row] = await repository.listActions(trx, { ids: [id] });
  if (row === undefined) throw new AppError('not_found');
  return toImprovementAction(row, now);
}

export async function listActions(
  trx: Scoped,
  staff: StaffPrincipal,
  query: z.infer<typeof actionListQuery>,
  now: Date,
) {
  const rows = await repository.listActions(trx, {
    ...(query.status ? { status: query.status } : {}),
    ...(query.ownerId ? { ownerId: query.ownerId === 'me' ? staff.userId : query.ownerId } : {}),
    ...(query.departmentId ? { departmentId: query.departmentId } : {}),
  });
  const actions = await withKnownComplaints(
    trx,
    staff,
    rows.map((row) => toImprovementAction(row, now)),
  );
  return query.overdue === undefined ? actions : actions.filter((a) => a.overdue === query.overdue);
}

/** The action with its history and — once done — how complaints of that kind developed afterwards. */
/** Integrations (the corporation's own planning) hear about every change of an improvement action. */
async function publishActionChange(trx: Scoped, organizationId: string, actionId: string, change: string) {
  const [row] = await repository.listActions(trx, { ids: [actionId] });
  if (row === undefined) return;
  await publishIntegrationEvent(trx, {
    organizationId,
    type: 'improvement_action.changed',
    complaintId: null,
    payload: {
      change,
      improvementAction: {
        id: row.id,
        title: row.title,
        status: row.status,
        dueOn: row.due_on,
        ownerId: row.owner_id,
        departmentId: row.department_id,
        complaintIds: row.complaints.map((c) => c.id),
      },
    },
  });
}

export async function getAction(
  trx: Scoped,
  reader: Principal,
  id: string,
  now: Date,
): Promise<z.infer<typeof actionDetail>> {
  const [row] = await repository.listActions(trx, { ids: [id] });
  if (row === undefined) throw new AppError('not_found');
  const [action] = await withKnownComplaints(trx, reader, [toImprovementAction(row, now)]);
  if (action === undefined) throw new AppError('not_found');
  const notes = await repository.listActionNotes(trx, id);
  const scope = action.scope;
  const hasScope = scope.category !== null || scope.housingComplexId !== null || scope.contractorId !== null;
  let effect: z.infer<typeof actionDetail>['effect'] = null;
  if (hasScope) {
    // From four quarters before the action started until now, so "before" and "after" can be compared
    let startQuarter = quarterOfDay(toLocalDate(row.created_at));
    for (let i = 0; i < 4; i++) {
      const [y, q] = startQuarter.split('-Q').map(Number) as [number, number];
      startQuarter = q === 1 ? `${y - 1}-Q4` : `${y}-Q${(q - 1) as 1 | 2 | 3}`;
    }
    const counts = await repository.countComplaintsPerQuarter(trx, scope, quarterRange(startQuarter).from);
    const byQuarter = new Map(counts.map((c) => [c.quarter, c.n]));
    const completedQuarter = row.completed_at ? quarterOfDay(toLocalDate(row.completed_at)) : null;
    const current = quarterOfDay(toLocalDate(now));
    const quarters = [];
    for (let q = startQuarter; q <= current; q = nextQuarter(q)) {
      quarters.push({
        quarter: q,
        count: byQuarter.get(q) ?? 0,
        afterCompletion: completedQuarter !== null && q > completedQuarter,
      });
    }
    const parts = [
      scope.category ? `categorie ${scope.category}` : null,
      scope.housingComplexId ? 'hetzelfde complex' : null,
      scope.contractorId ? 'dezelfde aannemer' : null,
    ].filter(Boolean);
    effect = { basis: parts.join(', '), quarters };
  }
  return {
    ...action,
    notes: notes.map((n) => ({
      kind: n.kind,
      text: n.text,
      author: n.author,
      at: n.created_at.toISOString(),
    })),
    effect,
  };
}

/** Owners update progress; the MT agrees proposals; dropping needs a reason, done needs a result. */
export async function updateAction(
  trx: Scoped,
  staff: StaffPrincipal,
  id: string,
  input: z.infer<typeof updateActionInput>,
  now: Date,
) {
  const current = await repository.findActionForUpdate(trx, id);
  if (current === undefined) throw new AppError('not_found');
  const managementTeam = isManagementTeam(staff);
  if (!managementTeam && current.owner_id !== staff.userId) throw new AppError('forbidden');
  if (!managementTeam && input.ownerId !== undefined && input.ownerId !== current.owner_id)
    throw new AppError('forbidden');
  await checkPeople(trx, input.ownerId, undefined);
  const values: Record<string, unknown> = {};
  if (input.status !== undefined && input.status !== current.status) {
    const decided = decideActionTransition({
      from: current.status,
      to: input.status,
      byManagementTeam: managementTeam,
      reason: input.reason ?? null,
      result: input.result ?? null,
    });
    if (!decided.ok) throw new AppError(decided.reason);
    values.status = input.status;
    if (input.status === 'dropped') values.dropped_reason = input.reason;
    if (input.status === 'done') {
      values.result = input.result;
      values.completed_at = now;
    }
    await repository.insertActionNote(trx, {
      organizationId: staff.organizationId,
      actionId: id,
      authorId: staff.userId,
      kind: 'status_change',
      text: `${ACTION_STATUSES[current.status].nl} → ${ACTION_STATUSES[input.status].nl}${input.reason ? `: ${input.reason}` : ''}`,
    });
  }
  if (input.ownerId !== undefined) values.owner_id = input.ownerId;
  if (input.dueOn !== undefined) values.due_on = input.dueOn;
  if (Object.keys(values).length > 0) {
    await repository.updateAction(trx, id, values);
    await publishActionChange(
      trx,
      staff.organizationId,
      id,
      input.status !== undefined ? 'status' : 'updated',
    );
  }
  if (input.note) {
    await repository.insertActionNote(trx, {
      organizationId: staff.organizationId,
      actionId: id,
      authorId: staff.userId,
      kind: 'note',
      text: input.note,
    });
  }
  return getAction(trx, staff, id, now);
}
