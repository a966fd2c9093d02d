import type { CurrentUser } from '../../../contract/auth.ts';
import type { ComplaintDetail } from '../../../contract/complaints.ts';
import {
  type Assessment,
  type ComplaintAccess,
  type ComplaintActionType,
  type ComplaintPermission,
  type ComplaintStatus,
  decideComplaintAction,
  isPolicyFindingOpen,
  listAvailableActions,
  mayMarkLetterPosted,
  type NextStep,
} from '../../../domain/index.ts';
import type { Messages } from '../../i18n/messages.nl.ts';
import type { ComplaintActionPath } from '../complaints/complaints-api.ts';

export type ActionKey = keyof Messages['complaint']['action'];

type ActionRule = {
  path: ComplaintActionPath;
  permission: ComplaintPermission;
  /** A lifecycle step: the domain's whitelist decides per status. */
  lifecycle?: ComplaintActionType;
  /** Otherwise: the statuses the API accepts it in ('any' for contact moments and notes). */
  statuses?: readonly ComplaintStatus[] | 'any';
};

// Every action on the case page, with the rule that allows it; the API enforces the same rules.
export const ACTION_RULES: Record<ActionKey, ActionRule> = {
  triage: { path: 'triage', permission: 'complaint.handle', lifecycle: 'accept_as_complaint' },
  recordWithoutAnswerDuty: {
    path: 'record-without-answer-duty',
    permission: 'complaint.handle',
    lifecycle: 'record_without_answer_duty',
  },
  assign: { path: 'assign', permission: 'complaint.assign', statuses: ['new', 'in_progress'] },
  pickUp: { path: 'assign', permission: 'complaint.assign', statuses: ['new', 'in_progress'] },
  transfer: { path: 'transfer', permission: 'complaint.transfer', statuses: ['new', 'in_progress'] },
  contact: { path: 'contacts', permission: 'complaint.log_contact', statuses: 'any' },
  note: { path: 'notes', permission: 'complaint.log_contact', statuses: 'any' },
  writtenOnly: { path: 'written-only', permission: 'complaint.handle', statuses: ['in_progress'] },
  assessment: { path: 'assessment', permission: 'complaint.handle', statuses: ['in_progress'] },
  requestApproval: {
    path: 'approval-requests',
    permission: 'complaint.handle',
    statuses: ['in_progress', 'declined_outside_procedure'],
  },
  approve: { path: 'approvals', permission: 'complaint.decide', statuses: ['in_progress'] },
  legalAdvice: { path: 'legal-advice', permission: 'complaint.give_legal_advice', statuses: ['in_progress'] },
  compensationPaid: {
    path: 'compensation-paid',
    permission: 'complaint.handle',
    statuses: ['in_progress', 'answered'],
  },
  extension: { path: 'extensions', permission: 'complaint.decide', lifecycle: 'extend_term' },
  answer: { path: 'answer', permission: 'complaint.handle', lifecycle: 'answer' },
  explanation: { path: 'explanation', permission: 'complaint.handle', lifecycle: 'send_explanation' },
  close: { path: 'close', permission: 'complaint.handle', lifecycle: 'close' },
  withdraw: { path: 'withdraw', permission: 'complaint.handle', lifecycle: 'withdraw' },
  criminalOffence: {
    path: 'criminal-offence',
    permission: 'complaint.handle',
    lifecycle: 'flag_criminal_offence',
  },
  // policy 1.3, 2.5: in any status; the flag itself decides which of the two is possible
  markConfidential: { path: 'confidential', permission: 'complaint.mark_confidential', statuses: 'any' },
  liftConfidential: { path: 'confidential/lift', permission: 'complaint.lift_confidential', statuses: 'any' },
  committee: { path: 'committee', permission: 'complaint.handle', lifecycle: 'refer_to_committee' },
  committeeReference: {
    path: 'committee/reference',
    permission: 'complaint.handle',
    lifecycle: 'record_committee_reference',
  },
  committeeRuling: {
    path: 'committee/ruling',
    permission: 'complaint.handle',
    lifecycle: 'record_committee_ruling',
  },
  boardDecision: {
    path: 'committee/board-decision',
    permission: 'complaint.record_board_decision',
    lifecycle: 'record_board_decision',
  },
  committeeFollowUp: {
    path: 'committee/follow-up',
    permission: 'complaint.handle',
    lifecycle: 'record_committee_follow_up',
  },
  boardTrackDecision: {
    path: 'board-track/decision',
    permission: 'complaint.record_board_decision',
    lifecycle: 'decide_board_track',
  },
  // policy 2.2: registration data, corrected with a reason in any status
  changeComplex: { path: 'housing-complex', permission: 'complaint.handle', statuses: 'any' },
  // issue 21, policy 1.1: like a contact moment, whoever may see the complaint, in any status
  changeLanguage: { path: 'complainant-locale', permission: 'complaint.log_contact', statuses: 'any' },
  // policy 2.4: the manager's choice on a wrong or missing policy, in any status (also withdrawn)
  policyFinding: { path: 'policy-finding', permission: 'complaint.decide', statuses: 'any' },
  // policy 2.5: management assistants post the letter too (mayMarkLetterPosted decides below)
  letterPosted: { path: 'letter-posted', permission: 'complaint.handle', lifecycle: 'record_letter_posted' },
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
  'legalAdvice',
  'extension',
  'answer',
  'explanation',
  'letterPosted',
  'compensationPaid',
  'close',
  'withdraw',
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
    'status' | 'alreadyConfidential' | 'notConfidential'
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
  const statusAllowed = rule.lifecycle
    ? listAvailableActions(status).includes(rule.lifecycle)
    : rule.statuses === 'any' || (rule.statuses ?? []).includes(status);
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
  if (decision.allowed) return { enabled: true };
  const reason = PERMISSION_REASON[rule.permission];
  return { enabled: false, reason: reason ? t.complaint.disabled[reason] : t.complaint.disabled.handler };
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
