import type { ComplaintActionType } from './complaint-actions.ts';
import { listAvailableActions } from './complaint-lifecycle.ts';
import type { ComplaintStatus } from './complaint-state.ts';
import type { ComplaintPermission } from './permissions.ts';
import {
  ALL_COMPLAINT_STATUSES,
  APPROVAL_REQUEST_STATUSES,
  COMPENSATION_STATUSES,
  MERGEABLE_STATUSES,
  REASSIGNABLE_STATUSES,
} from './status-sets.ts';

// The action catalogue: every step staff can take on a complaint (one API path each), who may take it (the
// permission the write is authorized with), in which statuses it is offered and which domain guards it consults.
// The server's routes and services and the web's case page all take it from here.

export type ComplaintActionRule = Readonly<{
  /** The permission `mutateComplaint` checks (see permissions.ts for who holds it). */
  permission: ComplaintPermission;
  /** The policy clause(s) the step carries out. */
  policy: string;
  /** A lifecycle step: the whitelist (TRANSITIONS in complaint-lifecycle.ts) decides per status, with its guard. */
  lifecycle?: ComplaintActionType;
  /** Otherwise: the statuses the step is accepted in ('any': every status). */
  statuses?: readonly ComplaintStatus[] | 'any';
  /** Further domain functions (exported from src/domain) the step consults besides the permission and status. */
  guards: readonly string[];
}>;

// biome-ignore format: one row per API path, read as a table
export const COMPLAINT_ACTION_RULES = {
  // policy 1.2, 2.5: triage decides between three lifecycle steps, all whitelisted from the same statuses
  'triage':                     { permission: 'complaint.handle', policy: '1.2, 2.5', lifecycle: 'accept_as_complaint', guards: ['findCommitteePrecedent'] },
  'record-without-answer-duty': { permission: 'complaint.handle', policy: '2.6', lifecycle: 'record_without_answer_duty', guards: [] },
  // before triage the handler is simply picked up or handed on; afterwards it is the lifecycle's assign_handler
  'assign':                     { permission: 'complaint.assign', policy: '1.3, 2.3, 2.6', statuses: REASSIGNABLE_STATUSES, guards: ['isResponsibleManager'] },
  'transfer':                   { permission: 'complaint.transfer', policy: '1.3, 2.3, 2.6', statuses: REASSIGNABLE_STATUSES, guards: ['isResponsibleManager'] },
  'contacts':                   { permission: 'complaint.log_contact', policy: '1.4, 2.3', statuses: 'any', guards: [] },
  'notes':                      { permission: 'complaint.log_contact', policy: '1.4', statuses: 'any', guards: [] },
  'written-only':               { permission: 'complaint.handle', policy: '2.3', statuses: ['in_progress'], guards: [] },
  'assessment':                 { permission: 'complaint.handle', policy: '2.4', statuses: ['in_progress'], guards: ['referPolicyFinding'] },
  'approval-requests':          { permission: 'complaint.handle', policy: '2.3, 2.4, 2.6', statuses: APPROVAL_REQUEST_STATUSES, guards: [] },
  'approvals':                  { permission: 'complaint.decide', policy: '2.4, 2.6', statuses: ['in_progress'], guards: ['checkApprovalGiving'] },
  // policy 2.3, 2.4, 2.6: the manager refuses an open request, with a reason
  'approval-refusals':          { permission: 'complaint.decide', policy: '2.3, 2.4, 2.6', statuses: APPROVAL_REQUEST_STATUSES, guards: ['checkApprovalRefusal'] },
  'legal-advice':               { permission: 'complaint.give_legal_advice', policy: '2.6', statuses: ['in_progress'], guards: [] },
  'compensation-paid':          { permission: 'complaint.handle', policy: '2.4', statuses: COMPENSATION_STATUSES, guards: [] },
  'extensions':                 { permission: 'complaint.decide', policy: '2.3', lifecycle: 'extend_term', guards: [] },
  'answer':                     { permission: 'complaint.handle', policy: '2.3, 2.4, 2.6', lifecycle: 'answer', guards: [] },
  // policy 2.4, 3.1: the manager's choice on a wrong or missing policy, in any status (also withdrawn)
  'policy-finding':             { permission: 'complaint.decide', policy: '2.4, 3.1', statuses: 'any', guards: ['decidePolicyFinding', 'isPolicyFindingOpen'] },
  'explanation':                { permission: 'complaint.handle', policy: '2.5', lifecycle: 'send_explanation', guards: ['chooseExplanationDelivery'] },
  // policy 2.5: management assistants post the letter too, so the write only needs to see the complaint
  'letter-posted':              { permission: 'complaint.view', policy: '2.5', lifecycle: 'record_letter_posted', guards: ['mayMarkLetterPosted'] },
  'close':                      { permission: 'complaint.handle', policy: '2.4, 1.3', lifecycle: 'close', guards: [] },
  'withdraw':                   { permission: 'complaint.handle', policy: '1.3', lifecycle: 'withdraw', guards: [] },
  // issue 22: a complaint received twice is merged into the other one while still at its start (decision 035)
  'merge':                      { permission: 'complaint.handle', policy: '1.4', statuses: MERGEABLE_STATUSES, guards: ['decideMerge'] },
  'criminal-offence':           { permission: 'complaint.handle', policy: '2.5', lifecycle: 'flag_criminal_offence', guards: ['confidentialityOnCriminalSuspicion'] },
  'board-track/decision':       { permission: 'complaint.record_board_decision', policy: '2.5', lifecycle: 'decide_board_track', guards: ['checkBoardTrackOpen'] },
  // policy 1.3, 2.5: in any status; the flag itself decides which of the two is possible
  'confidential':               { permission: 'complaint.mark_confidential', policy: '1.3, 2.5', statuses: 'any', guards: ['decideMarkConfidential'] },
  'confidential/lift':          { permission: 'complaint.lift_confidential', policy: '1.3, 2.5', statuses: 'any', guards: ['decideLiftConfidentiality'] },
  'committee':                  { permission: 'complaint.handle', policy: '1.3', lifecycle: 'refer_to_committee', guards: [] },
  'committee/reference':        { permission: 'complaint.handle', policy: '1.3', lifecycle: 'record_committee_reference', guards: [] },
  'committee/ruling':           { permission: 'complaint.handle', policy: '1.3', lifecycle: 'record_committee_ruling', guards: [] },
  'committee/board-decision':   { permission: 'complaint.record_board_decision', policy: '1.3', lifecycle: 'record_board_decision', guards: [] },
  'committee/follow-up':        { permission: 'complaint.handle', policy: '1.3', lifecycle: 'record_committee_follow_up', guards: [] },
  // policy 2.2: registration data, corrected with a reason in any status
  'housing-complex':            { permission: 'complaint.handle', policy: '2.2', statuses: 'any', guards: ['decideHousingComplexChange'] },
  // issue 21, policy 1.1: like a contact moment, whoever may see the complaint, in any status
  'complainant-locale':         { permission: 'complaint.log_contact', policy: '1.1', statuses: 'any', guards: ['decideComplainantLocaleChange'] },
} as const satisfies Record<string, ComplaintActionRule>;

export type ComplaintActionPath = keyof typeof COMPLAINT_ACTION_RULES;

export const COMPLAINT_ACTION_PATHS = Object.keys(COMPLAINT_ACTION_RULES) as readonly ComplaintActionPath[];

/** The rule of one path, widened to the common shape. */
export function getActionRule(path: ComplaintActionPath): ComplaintActionRule {
  return COMPLAINT_ACTION_RULES[path];
}

/** Is the step on `path` offered in `status`? (Guards and the permission may still refuse it.) */
export function isActionOffered(path: ComplaintActionPath, status: ComplaintStatus): boolean {
  const rule = getActionRule(path);
  if (rule.lifecycle !== undefined) return listAvailableActions(status).includes(rule.lifecycle);
  return rule.statuses === 'any' || (rule.statuses ?? []).includes(status);
}

/** The statuses in which the step on `path` is offered. */
export function listActionStatuses(path: ComplaintActionPath): ComplaintStatus[] {
  return ALL_COMPLAINT_STATUSES.filter((status) => isActionOffered(path, status));
}
