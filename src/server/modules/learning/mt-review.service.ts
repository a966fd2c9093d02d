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
  COMPLAINT_CATEGORIES,
  type ComplaintCategory,
  OUTSIDE_PROCEDURE_GROUNDS,
  type OutsideProcedureGround,
  type Quarter,
  quarterRange,
} from '../../../domain/index.ts';
import type { Scoped } from '../../db/tenant-scope.ts';
import { AppError } from '../../http/app-error.ts';
import type { StaffPrincipal } from '../../http/principal.ts';
import { createAction, toImprovementAction } from './improvement-actions.service.ts';
import * as repository from './learning.repository.ts';
import { unknownIds } from './learning-access.ts';
import { syncPolicyIssues, toPolicyIssue } from './policy-issues.service.ts';

/** The quarter's figures the MT discusses (policy 3.1, 3.2). */
export async function computeQuarterFigures(
  trx: Scoped,
  quarter: Quarter,
): Promise<z.infer<typeof quarterFigures>> {
  const { from, until } = quarterRange(quarter);
  const [received, answered, compensationPaidCents, satisfaction] = await Promise.all([
    repository.countReceived(trx, from, until),
    repository.countAnswered(trx, from, until),
    repository.sumCompensationPaid(trx, from, until),
    repository.averageSatisfaction(trx, from, until),
  ]);
  return {
    quarter,
    received: received.total,
    byCategory: received.byCategory.map((r) => ({
      key: r.key,
      label:
        r.key === null
          ? 'Nog niet beoordeeld'
          : (COMPLAINT_CATEGORIES[r.key as ComplaintCategory]?.label ?? r.key),
      count: r.n,
    })),
    byDepartment: received.byDepartment.map((r) => ({
      key: r.key,
      label: r.label ?? 'Geen afdeling',
      count: r.n,
    })),
    byComplex: received.byComplex.map((r) => ({ key: r.key, label: r.label ?? 'Geen complex', count: r.n })),
    answered: answered.answered,
    answeredOnTime: answered.onTime,
    onTimeRate:
      answered.answered === 0 ? null : Math.round((answered.onTime / answered.answered) * 1000) / 1000,
    repeats: received.repeats,
    outsideProcedureByGround: received.grounds.map((r) => ({
      key: r.key,
      label: OUTSIDE_PROCEDURE_GROUNDS[r.key as OutsideProcedureGround]?.label ?? r.key,
      count: r.n,
    })),
    compensationPaidCents,
    satisfaction:
      satisfaction.responses === 0
        ? null
        : {
            responses: satisfaction.responses,
            averageHandling: satisfaction.handling === null ? null : Number(satisfaction.handling),
            averageOutcome: satisfaction.outcome === null ? null : Number(satisfaction.outcome),
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
  const issues = openIssues.map(toPolicyIssue);
  return {
    quarter,
    figures,
    repeatComplaints: repeats.map((r) => ({ id: r.id, reference: r.reference, rung: r.repeat_rung })),
    exceptions: issues.filter((i) => i.source === 'exception'),
    policyIssues: issues.filter((i) => i.source !== 'exception'),
    openActions: actions.map((a) => toImprovementAction(a, now)),
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
  if (found.length !== new Set(ids).size) throw unknownIds('attendeeIds');
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
    if (issue === undefined) throw unknownIds('policyIssueId');
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
