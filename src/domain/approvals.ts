import type { Assessment } from './assessment.ts';
import type { ComplaintActionPath } from './complaint-action-catalogue.ts';
import type { ComplaintState } from './complaint-state.ts';
import { fail, type Outcome, succeed } from './result.ts';
import { isManagerApproval } from './roles.ts';

// The manager's approvals (policy 2.3, 2.4, 2.6): what still needs one, which steps wait for it, who gives it,
// and which requests are still open. The server's case detail, its writes and the web's case page all ask here.

/** What a handler can ask the manager to approve. */
export const APPROVAL_REQUEST_SUBJECTS = ['answer', 'compensation', 'manager_decision', 'extension'] as const;
export type ApprovalSubject = (typeof APPROVAL_REQUEST_SUBJECTS)[number];

/** The steps an approval still to be given holds back. */
export const STEPS_WAITING_FOR: Record<ApprovalSubject, readonly ComplaintActionPath[]> = {
  // policy 2.6: the answer to an employee-caused repeat goes out only with the manager's personal approval
  answer: ['answer'],
  // policy 2.4 + 2.3: the amount is approved before it is promised (in the answer) or paid
  compensation: ['answer', 'compensation-paid'],
  // policy 2.4: "de leidinggevende beslist over de afhandeling" before the answer
  manager_decision: ['answer'],
  // policy 2.3: the manager moves the due date themselves; nothing else waits for it
  extension: [],
};

type ApprovalFacts = Pick<
  ComplaintState,
  'assessment' | 'managerApproval' | 'repeat' | 'responsibleManagerId'
>;

/** Who gives the approval: the manager put in charge of an employee-caused repeat, else the accountable one. */
export function getApproverId(state: Pick<ComplaintState, 'repeat' | 'responsibleManagerId'>): string | null {
  return state.repeat?.managingManagerId ?? state.responsibleManagerId; // policy 2.3, 2.6
}

function needsCompensationApproval(a: Assessment | null): boolean {
  return (
    a?.kind === 'policy_not_followed' &&
    a.compensation !== null &&
    !isManagerApproval(a.compensation.approval)
  );
}

function needsManagerDecision(a: Assessment | null): boolean {
  return (
    a?.kind === 'disagrees_with_policy' &&
    a.finding === 'policy_wrong_in_this_case' &&
    (a.managerDecision === null || !isManagerApproval(a.managerDecision.approval))
  );
}

function needsAnswerApproval(state: ApprovalFacts): boolean {
  const req = state.repeat?.requirements;
  return req?.managerApproval === true && !isManagerApproval(state.managerApproval, req.approvingManagerId);
}

/** The approvals the complaint still needs on the way to its answer, in the order the manager gives them. */
export function listApprovalsNeeded(state: ApprovalFacts): ApprovalSubject[] {
  const needed: ApprovalSubject[] = [];
  if (needsCompensationApproval(state.assessment)) needed.push('compensation');
  if (needsManagerDecision(state.assessment)) needed.push('manager_decision');
  if (needsAnswerApproval(state)) needed.push('answer');
  return needed;
}

/** Has the manager already decided this subject (approved it), so a second decision is one too many? */
export function isApprovalGiven(state: ApprovalFacts, subject: ApprovalSubject): boolean {
  const a = state.assessment;
  switch (subject) {
    case 'compensation':
      return a?.kind === 'policy_not_followed' && isManagerApproval(a.compensation?.approval ?? null);
    case 'manager_decision':
      return a?.kind === 'disagrees_with_policy' && isManagerApproval(a.managerDecision?.approval ?? null);
    case 'answer':
      return isManagerApproval(state.managerApproval, state.repeat?.requirements.approvingManagerId ?? null);
    case 'extension':
      return false; // an extension is given by extending the term, not as an approval
  }
}

/** The approval history of one complaint, oldest first, as the timeline holds it. */
export type ApprovalHistoryEntry = Readonly<{
  kind: 'requested' | 'given' | 'refused';
  subject: ApprovalSubject;
  at: Date;
  managerId: string | null;
}>;

export type OpenApprovalRequest = Readonly<{ subject: ApprovalSubject; managerId: string | null; at: Date }>;

/** Requests not yet followed by a decision (given or refused) on their subject; the first request counts. */
export function listOpenApprovalRequests(history: readonly ApprovalHistoryEntry[]): OpenApprovalRequest[] {
  const open = new Map<ApprovalSubject, OpenApprovalRequest>();
  for (const entry of history) {
    if (entry.kind !== 'requested') open.delete(entry.subject);
    else if (!open.has(entry.subject))
      open.set(entry.subject, { subject: entry.subject, managerId: entry.managerId, at: entry.at });
  }
  return [...open.values()];
}

export type ApprovalWait = Readonly<{
  subject: ApprovalSubject;
  approverId: string | null;
  /** When it was asked for; null while nobody has asked yet. */
  requestedAt: Date | null;
  /** The steps that wait for it (disabled until it is given). */
  holds: readonly ComplaintActionPath[];
}>;

/** Every approval still needed, with who gives it, whether it was asked for and what waits for it. */
export function listApprovalWaits(
  state: ApprovalFacts,
  open: readonly OpenApprovalRequest[],
): ApprovalWait[] {
  // The approver is who may approve now (after a transfer: the new accountable manager), not who was asked.
  return listApprovalsNeeded(state).map((subject) => {
    const request = open.find((r) => r.subject === subject);
    return {
      subject,
      approverId: getApproverId(state),
      requestedAt: request?.at ?? null,
      holds: STEPS_WAITING_FOR[subject],
    };
  });
}

/** The approval waiting that holds back the step on `path`, if any. */
export function findApprovalHolding(
  waits: readonly Readonly<{ holds: readonly string[] }>[],
  path: ComplaintActionPath,
): number {
  return waits.findIndex((w) => w.holds.includes(path));
}

/** What the request form proposes: the first approval needed that nobody asked for yet, else the first needed. */
export function proposeApprovalSubject(
  state: ApprovalFacts,
  open: readonly OpenApprovalRequest[],
): ApprovalSubject | null {
  const needed = listApprovalsNeeded(state);
  return needed.find((s) => !open.some((r) => r.subject === s)) ?? needed[0] ?? null;
}

/** Are all approvals the answer needs asked for, so the handler waits instead of asking again? */
export function isWaitingForApprover(state: ApprovalFacts, open: readonly OpenApprovalRequest[]): boolean {
  const needed = listApprovalsNeeded(state);
  return needed.length > 0 && needed.every((s) => open.some((r) => r.subject === s));
}

export type ApprovalDecisionProblem = 'approval_already_decided' | 'approval_not_requested';

/**
 * May the manager approve `subject` now? Not twice: a subject already approved is decided (policy 2.4: the
 * approval stays while its subject is unchanged).
 */
export function checkApprovalGiving(
  state: ApprovalFacts,
  subject: ApprovalSubject,
): 'approval_already_decided' | null {
  return isApprovalGiven(state, subject) ? 'approval_already_decided' : null;
}

/** A refusal answers an open request; without one there is nothing to refuse (or it was decided already). */
export function checkApprovalRefusal(
  state: ApprovalFacts,
  open: readonly OpenApprovalRequest[],
  subject: ApprovalSubject,
): Outcome<{ request: OpenApprovalRequest }, ApprovalDecisionProblem> {
  const request = open.find((r) => r.subject === subject);
  if (request !== undefined) return succeed({ request });
  return fail(isApprovalGiven(state, subject) ? 'approval_already_decided' : 'approval_not_requested');
}
