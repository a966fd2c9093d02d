import type { z } from 'zod';
import type { mergeIssuesInput, policyIssue, proposeIssueInput } from '../../../contract/learning.ts';
import { POLICY_ISSUE_SOURCES, type PolicyIssueSource } from '../../../domain/index.ts';
import type { Scoped } from '../../db/tenant-scope.ts';
import { AppError, unknownReference } from '../../http/app-error.ts';
import type { StaffPrincipal } from '../../http/principal.ts';
import { knownComplaintIds } from '../complaints/index.ts';
import { withKnownComplaints } from './access/known-complaints.ts';
import * as repository from './learning.repository.ts';

type PolicyIssue = z.infer<typeof policyIssue>;

const excerpt = (text: string) => (text.length > 90 ? `${text.slice(0, 87)}…` : text);

/**
 * Everything handling put on the MT's list becomes an item (policy 2.4, 3.1): a "policy wrong/missing"
 * assessment, a manager's exception, an improvement suggestion. Each event becomes one item, once.
 */
export async function syncPolicyIssues(trx: Scoped, organizationId: string): Promise<void> {
  for (const event of await repository.findUnlistedIssueEvents(trx)) {
    let source: PolicyIssueSource;
    let description: string | null = null;
    let raisedBy = event.responsible_manager_id;
    if (event.type === 'put_on_management_team_agenda') {
      source =
        (event.payload as { finding?: string }).finding === 'policy_missing'
          ? 'policy_missing'
          : 'policy_wrong';
    } else if (event.type === 'approval_given') {
      source = 'exception';
      description = event.summary;
      raisedBy = event.actor_user_id;
    } else {
      source = 'improvement_suggestion';
      // one suggestion item per complaint: a reassessment updates the text, not the list
      if (await repository.complaintHasIssueOfSource(trx, event.complaintId, source)) continue;
      description = event.improvement_suggestions;
    }
    await repository.insertIssue(trx, {
      organizationId,
      source,
      title: `${POLICY_ISSUE_SOURCES[source].nl} — ${event.reference}: ${excerpt(event.description)}`,
      description,
      raisedBy,
      sourceEventId: event.eventId,
      complaintIds: [event.complaintId],
    });
  }
}

export function toPolicyIssue(row: Awaited<ReturnType<typeof repository.listIssues>>[number]): PolicyIssue {
  return {
    id: row.id,
    source: row.source,
    title: row.title,
    description: row.description,
    raisedBy: row.raised_by === null ? null : { id: row.raised_by, name: row.raisedByName ?? '' },
    status: row.status,
    mergedIntoId: row.merged_into_id,
    complaints: row.complaints,
    createdAt: row.created_at.toISOString(),
  };
}

export async function listPolicyIssues(
  trx: Scoped,
  staff: StaffPrincipal,
  status?: 'open' | 'decided' | 'merged',
) {
  await syncPolicyIssues(trx, staff.organizationId);
  const issues = (await repository.listIssues(trx, status ? { status } : {})).map(toPolicyIssue);
  return withKnownComplaints(trx, staff, issues);
}

/** A manager brings something to the MT that did not come from an assessment (policy 2.4). */
export async function proposePolicyIssue(
  trx: Scoped,
  staff: StaffPrincipal,
  input: z.infer<typeof proposeIssueInput>,
) {
  // a complaint the proposer may not see is refused like an unknown id (no existence oracle)
  const known = await knownComplaintIds(trx, staff, input.complaintIds);
  if (known.size !== new Set(input.complaintIds).size) throw unknownReference('complaintIds');
  const id = await repository.insertIssue(trx, {
    organizationId: staff.organizationId,
    source: 'proposed',
    title: input.title,
    description: input.description ?? null,
    raisedBy: staff.userId,
    sourceEventId: null,
    complaintIds: input.complaintIds,
  });
  const [row] = await repository.listIssues(trx, { ids: [id as string] });
  if (row === undefined) throw new AppError('not_found');
  return toPolicyIssue(row);
}

/** Items about the same policy are discussed once: their complaints move to the item they merge into. */
export async function mergePolicyIssues(
  trx: Scoped,
  staff: StaffPrincipal,
  input: z.infer<typeof mergeIssuesInput>,
) {
  const ids = [...new Set(input.issueIds.filter((id) => id !== input.intoId))];
  const rows = await repository.listIssues(trx, { ids: [input.intoId, ...ids] });
  if (rows.length !== ids.length + 1) throw unknownReference('issueIds');
  if (rows.some((r) => r.status !== 'open')) throw new AppError('policy_issue_not_open');
  await repository.moveIssueComplaints(trx, ids, input.intoId, staff.organizationId);
  await repository.setIssueStatus(trx, ids, 'merged', input.intoId);
  const [merged] = await repository.listIssues(trx, { ids: [input.intoId] });
  if (merged === undefined) throw new AppError('not_found');
  const [shown] = await withKnownComplaints(trx, staff, [toPolicyIssue(merged)]);
  return shown as PolicyIssue;
}
