import type { z } from 'zod';
import type {
  agenda,
  decisionInput,
  meeting,
  newMeetingInput,
  quarterFigures,
  updateMeetingInput,
} from '../../../contract/learning.ts';
import {
  checkMtDecision,
  type Quarter,
  quarterRange,
  satisfactionScoreShown,
  summarizeSatisfaction,
  summarizeTimeliness,
} from '../../../domain/index.ts';
import type { Scoped } from '../../db/tenant-scope.ts';
import { AppError, unknownReference } from '../../http/app-error.ts';
import type { StaffPrincipal } from '../../http/principal.ts';
import { calendarSettingsFor } from '../reference-data/index.ts';
import * as measures from '../reports/index.ts';
import { type Dimension, groupLabel, type ReportScope } from '../reports/index.ts';
import { withKnownComplaints } from './access/known-complaints.ts';
import { createAction, toImprovementAction } from './improvement-actions.service.ts';
import * as repository from './learning.repository.ts';

import { syncPolicyIssues, toPolicyIssue } from './policy-issues.service.ts';

const shownMean = (answers: number, mean: number | null) =>
  mean === null || !satisfactionScoreShown(answers) ? null : Math.round(mean * 100) / 100;

/**
 * The quarter's figures the MT discusses (policy 3.1, 3.2), from the report measures (docs/measures.md):
 * the agenda and the quarterly report cannot disagree.
 */
export async function computeQuarterFigures(
  trx: Scoped,
  quarter: Quarter,
): Promise<z.infer<typeof quarterFigures>> {
  const scope: ReportScope = { period: { ...quarterRange(quarter), label: quarter }, departmentId: null };
  const [counts, byCategory, byDepartment, byComplex, grounds, answered, compensation, scores, settings] =
    await Promise.all([
      measures.countSets(trx, scope, ['received', 'repeats']),
      measures.countBy(trx, scope, 'received', 'category'),
      measures.countBy(trx, scope, 'received', 'department'),
      measures.countBy(trx, scope, 'received', 'complex'),
      measures.countBy(trx, scope, 'outside_procedure', 'ground'),
      measures.answeredComplaints(trx, scope),
      measures.compensationPaid(trx, scope),
      measures.satisfactionScores(trx, scope),
      calendarSettingsFor(trx),
    ]);
  const timeliness = summarizeTimeliness(answered, settings);
  const satisfaction = summarizeSatisfaction(scores, timeliness.answered);
  const groups = (rows: measures.Breakdown, dimension: Dimension) =>
    rows.map((r) => ({ key: r.key, label: groupLabel(dimension, r.key, r.label), count: r.n }));
  return {
    quarter,
    received: counts.received,
    byCategory: groups(byCategory, 'category'),
    byDepartment: groups(byDepartment, 'department'),
    byComplex: groups(byComplex, 'complex'),
    answered: timeliness.answered,
    answeredOnTime: timeliness.onTimeOriginal,
    onTimeRate:
      timeliness.onTimeOriginalRate === null ? null : Math.round(timeliness.onTimeOriginalRate * 1000) / 1000,
    repeats: counts.repeats,
    outsideProcedureByGround: groups(grounds, 'ground'),
    compensationPaidCents: compensation.cents,
    // decision 050: no mean on fewer than the minimum answers, whoever reads the figures (screen, API, PDF)
    satisfaction:
      satisfaction.responses === 0
        ? null
        : {
            responses: satisfaction.responses,
            averageHandling: shownMean(satisfaction.responses, satisfaction.meanHandling),
            averageOutcome: shownMean(satisfaction.responses, satisfaction.meanOutcome),
          },
  };
}

/** The generated agenda: figures, repeats, exceptions, open policy issues and open actions (policy 3.1). */
export async function buildAgenda(
  trx: Scoped,
  staff: StaffPrincipal,
  quarter: Quarter,
  now: Date,
): Promise<z.infer<typeof agenda>> {
  await syncPolicyIssues(trx, staff.organizationId);
  const { from, until } = quarterRange(quarter);
  const [figures, repeats, openIssues, actions, meetings] = await Promise.all([
    computeQuarterFigures(trx, quarter),
    repository.listRepeatComplaints(trx, from, until),
    repository.listIssues(trx, { status: 'open' }),
    repository.listActions(trx, { openOnly: true }),
    repository.listMeetings(trx, quarter),
  ]);
  const issues = await withKnownComplaints(trx, staff, openIssues.map(toPolicyIssue));
  // the repeats are complaints themselves: one item holding the complaints the reader may know of
  const [shownRepeats] = await withKnownComplaints(trx, staff, [{ complaints: repeats }]);
  return {
    quarter,
    figures,
    repeatComplaints: (shownRepeats?.complaints ?? []).map((r) => ({
      id: r.id,
      reference: r.reference,
      rung: r.repeat_rung,
    })),
    exceptions: issues.filter((i) => i.source === 'exception'),
    policyIssues: issues.filter((i) => i.source !== 'exception'),
    openActions: await withKnownComplaints(
      trx,
      staff,
      actions.map((a) => toImprovementAction(a, now)),
    ),
    meetings: meetings.map((m) => ({ id: m.id, heldOn: m.held_on, status: m.status })),
  };
}

export async function getMeeting(trx: Scoped, id: string): Promise<z.infer<typeof meeting>> {
  const row = await repository.findMeeting(trx, id);
  if (row === undefined) throw new AppError('not_found');
  const [attendees, decisions] = await Promise.all([
    repository.staffNames(trx, row.attendee_ids),
    repository.listDecisions(trx, id),
  ]);
  return {
    id: row.id,
    quarter: row.quarter as Quarter,
    heldOn: row.held_on,
    attendees: attendees.map((a) => ({ id: a.id, name: a.name })),
    otherAttendees: row.other_attendees,
    minutes: row.minutes,
    status: row.status,
    approvedAt: row.approved_at?.toISOString() ?? null,
    approvedBy: row.approved_by === null ? null : { id: row.approved_by, name: row.approvedByName ?? '' },
    decisions: decisions.map((d) => ({
      id: d.id,
      policyIssueId: d.policy_issue_id,
      subject: d.subject,
      decision: d.decision,
      reason: d.reason,
      improvementActionId: d.improvement_action_id,
      decidedBy: d.decidedBy,
      at: d.created_at.toISOString(),
    })),
  };
}

async function checkAttendees(trx: Scoped, ids: string[] | undefined) {
  if (ids === undefined) return;
  const found = await repository.staffNames(trx, [...new Set(ids)]);
  if (found.length !== new Set(ids).size) throw unknownReference('attendeeIds');
}

export async function createMeeting(
  trx: Scoped,
  staff: StaffPrincipal,
  input: z.infer<typeof newMeetingInput>,
) {
  await checkAttendees(trx, input.attendeeIds);
  const id = await repository.insertMeeting(trx, {
    organizationId: staff.organizationId,
    quarter: input.quarter,
    heldOn: input.heldOn,
    attendeeIds: [...new Set(input.attendeeIds)],
    otherAttendees: input.otherAttendees ?? null,
    minutes: input.minutes,
    createdBy: staff.userId,
  });
  return getMeeting(trx, id);
}

async function lockedMeeting(trx: Scoped, id: string) {
  const row = await repository.findMeeting(trx, id, { forUpdate: true });
  if (row === undefined) throw new AppError('not_found');
  return { row, locked: row.status === 'approved' };
}

export async function updateMeeting(trx: Scoped, id: string, input: z.infer<typeof updateMeetingInput>) {
  const { locked } = await lockedMeeting(trx, id);
  if (locked) throw new AppError('meeting_locked');
  await checkAttendees(trx, input.attendeeIds);
  await repository.updateMeeting(trx, id, {
    ...(input.heldOn !== undefined ? { held_on: input.heldOn } : {}),
    ...(input.attendeeIds !== undefined ? { attendee_ids: [...new Set(input.attendeeIds)] } : {}),
    ...(input.otherAttendees !== undefined ? { other_attendees: input.otherAttendees } : {}),
    ...(input.minutes !== undefined ? { minutes: input.minutes } : {}),
  });
  return getMeeting(trx, id);
}

/** One decision per item; a new action is created with the item's complaints linked (policy 3.1). */
export async function recordDecision(
  trx: Scoped,
  staff: StaffPrincipal,
  meetingId: string,
  input: z.infer<typeof decisionInput>,
  now: Date,
) {
  const { locked } = await lockedMeeting(trx, meetingId);
  const checked = checkMtDecision({
    meetingLocked: locked,
    decision: input.decision,
    reason: input.reason ?? null,
    hasAction: input.action !== undefined,
  });
  if (!checked.ok) throw new AppError(checked.reason);
  const issueId = input.policyIssueId ?? null;
  if (issueId !== null) {
    const [issue] = await repository.listIssues(trx, { ids: [issueId] });
    if (issue === undefined) throw unknownReference('policyIssueId');
    if (issue.status !== 'open') throw new AppError('policy_issue_not_open');
  }
  const action =
    input.decision === 'new_action' && input.action
      ? await createAction(
          trx,
          staff,
          { ...input.action, policyIssueIds: issueId === null ? [] : [issueId] },
          now,
        )
      : null;
  await repository.insertDecision(trx, {
    organizationId: staff.organizationId,
    meetingId,
    policyIssueId: issueId,
    subject: input.subject,
    decision: input.decision,
    reason: input.reason ?? null,
    improvementActionId: action?.id ?? null,
    decidedBy: staff.userId,
  });
  if (issueId !== null) await repository.setIssueStatus(trx, [issueId], 'decided');
  return getMeeting(trx, meetingId);
}

/** Approving locks the record for good: it is the minutes archive. */
export async function approveMeeting(trx: Scoped, staff: StaffPrincipal, id: string, now: Date) {
  const { locked } = await lockedMeeting(trx, id);
  if (locked) throw new AppError('meeting_locked');
  await repository.updateMeeting(trx, id, {
    status: 'approved',
    approved_at: now,
    approved_by: staff.userId,
  });
  return getMeeting(trx, id);
}
