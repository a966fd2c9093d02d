import type { CurrentUser } from '../../../contract/auth.ts';
import type { ComplaintDetail } from '../../../contract/complaints.ts';
import {
  type Assessment,
  type ComplaintAccess,
  type ComplaintActionPath,
  type ComplaintActionRule,
  type ComplaintPermission,
  decideComplaintAction,
  findApprovalHolding,
  getActionRule,
  isActionOffered,
  isPolicyFindingOpen,
  mayMarkLetterPosted,
  type NextStep,
} from '../../../domain/index.ts';
import type { Messages } from '../../i18n/messages.nl.ts';

export type ActionKey = keyof Messages['complaint']['action'];

type ActionRule = ComplaintActionRule & { path: ComplaintActionPath };

/** A case-page action takes its permission, statuses and guards from the domain's catalogue, by API path. */
function ruleOf(path: ComplaintActionPath): ActionRule {
  return { path, ...getActionRule(path) };
}

// Every action on the case page, with the rule that allows it: the domain's catalogue, which the API enforces too.
export const ACTION_RULES: Record<ActionKey, ActionRule> = {
  triage: ruleOf('triage'),
  recordWithoutAnswerDuty: ruleOf('record-without-answer-duty'),
  assign: ruleOf('assign'),
  pickUp: ruleOf('assign'),
  transfer: ruleOf('transfer'),
  contact: ruleOf('contacts'),
  note: ruleOf('notes'),
  writtenOnly: ruleOf('written-only'),
  assessment: ruleOf('assessment'),
  requestApproval: ruleOf('approval-requests'),
  approve: ruleOf('approvals'),
  refuseApproval: ruleOf('approval-refusals'),
  legalAdvice: ruleOf('legal-advice'),
  compensationPaid: ruleOf('compensation-paid'),
  extension: ruleOf('extensions'),
  answer: ruleOf('answer'),
  explanation: ruleOf('explanation'),
  close: ruleOf('close'),
  withdraw: ruleOf('withdraw'),
  merge: ruleOf('merge'),
  criminalOffence: ruleOf('criminal-offence'),
  markConfidential: ruleOf('confidential'),
  liftConfidential: ruleOf('confidential/lift'),
  committee: ruleOf('committee'),
  committeeReference: ruleOf('committee/reference'),
  committeeRuling: ruleOf('committee/ruling'),
  boardDecision: ruleOf('committee/board-decision'),
  committeeFollowUp: ruleOf('committee/follow-up'),
  boardTrackDecision: ruleOf('board-track/decision'),
  changeComplex: ruleOf('housing-complex'),
  changeLanguage: ruleOf('complainant-locale'),
  policyFinding: ruleOf('policy-finding'),
  // policy 2.5: management assistants post the letter too (mayMarkLetterPosted decides below)
  letterPosted: ruleOf('letter-posted'),
};

/** The order in which the actions are offered: roughly the order of the policy's path. */
export const ACTION_ORDER: ActionKey[] = [
  'triage',
  'recordWithoutAnswerDuty',
  'pickUp',
  'assign',
  'transfer',
  'contact',
  'note',
  'assessment',
  'policyFinding',
  'writtenOnly',
  'requestApproval',
  'approve',
  'refuseApproval',
  'legalAdvice',
  'extension',
  'answer',
  'explanation',
  'letterPosted',
  'compensationPaid',
  'close',
  'withdraw',
  'merge',
  'criminalOffence',
  'boardTrackDecision',
  'markConfidential',
  'liftConfidential',
  'committee',
  'committeeReference',
  'committeeRuling',
  'boardDecision',
  'committeeFollowUp',
  'changeComplex',
  'changeLanguage',
];

export type Availability = { enabled: true } | { enabled: false; reason: string };

const PERMISSION_REASON: Record<
  ComplaintPermission,
  Exclude<
    keyof Messages['complaint']['disabled'],
    'status' | 'alreadyConfidential' | 'notConfidential' | 'awaitingApproval' | 'noApprovalRequest'
  > | null
> = {
  'complaint.view': null,
  'complaint.register': null,
  'complaint.log_contact': null,
  'complaint.assign': 'assign',
  'complaint.transfer': 'transfer',
  'complaint.handle': 'handler',
  'complaint.decide': 'manager',
  'complaint.give_legal_advice': 'legal',
  'complaint.record_board_decision': 'board',
  'complaint.mark_confidential': 'markConfidential',
  'complaint.lift_confidential': 'liftConfidential',
};

/** What the permission check needs, from the detail the server sent. */
export function accessOf(complaint: ComplaintDetail): ComplaintAccess {
  return {
    handlerId: complaint.handler?.id ?? null,
    responsibleManagerId: complaint.responsibleManager?.id ?? null,
    departmentId: complaint.department?.id ?? null,
    confidential: complaint.confidential,
    confidentialReason: complaint.confidentialReason?.code ?? null,
    subjectEmployeeId: complaint.subject?.kind === 'employee' ? (complaint.subject.id ?? null) : null,
    subjectEmployeeDepartmentId: complaint.subjectEmployeeDepartmentId,
  };
}

/** May this user take this step now? If not, why not, in words (shown beside the disabled button). */
export function decideAvailability(
  key: ActionKey,
  complaint: ComplaintDetail,
  user: CurrentUser,
  t: Messages,
): Availability {
  const rule = ACTION_RULES[key];
  const status = complaint.status;
  const statusAllowed = isActionOffered(rule.path, status);
  if (!statusAllowed)
    return { enabled: false, reason: t.complaint.disabled.status(t.complaint.status[status]) };
  if (
    key === 'recordWithoutAnswerDuty' &&
    !complaint.nextSteps.some((s) => s.code === 'record_without_answer_duty')
  )
    return { enabled: false, reason: t.complaint.disabled.status(t.complaint.status[status]) };
  if (key === 'triage' && complaint.nextSteps.some((s) => s.code === 'record_without_answer_duty'))
    return { enabled: false, reason: t.complaint.disabled.status(t.complaint.status[status]) };
  if (key === 'pickUp' && complaint.handler?.id === user.id)
    return { enabled: false, reason: t.complaint.disabled.assign };
  if (key === 'markConfidential' && complaint.confidential)
    return { enabled: false, reason: t.complaint.disabled.alreadyConfidential };
  if (key === 'liftConfidential' && !complaint.confidential)
    return { enabled: false, reason: t.complaint.disabled.notConfidential };
  if (key === 'policyFinding' && !isPolicyFindingOpen(complaint.assessment as Assessment | null))
    return { enabled: false, reason: t.complaint.disabled.policyFinding };
  const letterWaiting = complaint.explanationLetter !== null && complaint.explanationLetter.postedOn === null;
  if (
    (key === 'letterPosted' && !letterWaiting) ||
    (key === 'explanation' && complaint.explanationLetter !== null)
  )
    return { enabled: false, reason: t.complaint.disabled.status(t.complaint.status[status]) };
  const actor = {
    userId: user.id,
    roles: user.roles,
    departmentId: user.departmentId,
    managedDepartmentIds: user.managedDepartmentIds,
  };
  const access = accessOf(complaint);
  if (key === 'letterPosted')
    return mayMarkLetterPosted(actor, access)
      ? { enabled: true }
      : { enabled: false, reason: t.complaint.disabled.letterPosted };
  const decision = decideComplaintAction(actor, rule.permission, access);
  if (decision.allowed) return decideApprovalWait(key, rule, complaint, t);
  const reason = PERMISSION_REASON[rule.permission];
  return { enabled: false, reason: reason ? t.complaint.disabled[reason] : t.complaint.disabled.handler };
}

/**
 * policy 2.3, 2.4, 2.6: a step that waits for the manager's approval is shown waiting, with the approver's name
 * (the server's detail says which approvals hold which steps); refusing needs a request to refuse.
 */
function decideApprovalWait(
  key: ActionKey,
  rule: ActionRule,
  complaint: ComplaintDetail,
  t: Messages,
): Availability {
  const waiting = complaint.approvals.waiting;
  if (key === 'refuseApproval' && !waiting.some((w) => w.requestedAt !== null))
    return { enabled: false, reason: t.complaint.disabled.noApprovalRequest };
  const held = waiting[findApprovalHolding(waiting, rule.path)];
  if (held === undefined) return { enabled: true };
  return { enabled: false, reason: t.complaint.disabled.awaitingApproval(held.approver?.name ?? null) };
}

/** Which action takes the next step the domain names; for approval it depends on who looks. */
export function actionForStep(step: NextStep, isManager: boolean): ActionKey | null {
  const map: Partial<Record<NextStep, ActionKey>> = {
    triage: 'triage',
    record_without_answer_duty: 'recordWithoutAnswerDuty',
    assign_handler: 'assign',
    contact_complainant: 'contact',
    record_assessment: 'assessment',
    complete_assessment: 'assessment',
    obtain_manager_approval: isManager ? 'approve' : 'requestApproval',
    ...(isManager ? { await_manager_approval: 'approve' as const } : {}),
    obtain_legal_advice: 'legalAdvice',
    send_answer: 'answer',
    send_explanation: 'explanation',
    post_explanation_letter: 'letterPosted',
    decide_policy_finding: 'policyFinding',
    pay_compensation: 'compensationPaid',
    close: 'close',
    record_committee_reference: 'committeeReference',
    record_committee_ruling: 'committeeRuling',
    record_board_decision: 'boardDecision',
    record_committee_follow_up: 'committeeFollowUp',
    send_board_track_explanation: 'explanation',
    decide_board_track: 'boardTrackDecision',
  };
  return map[step] ?? null;
}
