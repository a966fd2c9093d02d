import { type Assessment, type AssessmentProblem, checkAssessment } from './assessment.ts';
import { mayShowComplaint } from './complaint-exposure.ts';
import type { ComplaintAccess, StaffActor } from './permissions.ts';
import { fail, hasText, type Outcome, succeed } from './result.ts';
import { type Approval, isManagerApproval } from './roles.ts';

// Contacts with the complainant; phone or in person is the rule, written only the exception (policy 2.3).
export const CONTACT_KINDS = {
  phone: 'Telefonisch',
  in_person: 'Persoonlijk',
  email: 'E-mail',
  letter: 'Brief',
} as const;
export type ContactKind = keyof typeof CONTACT_KINDS;
export type ContactRecord = Readonly<{ kind: ContactKind; at: Date }>;

export type LegalAdvice = Readonly<{ approval: Approval; summary: string }>;

/** Extra conditions on the answer, set by a repeat complaint (policy 2.6). */
export type AnswerRequirements = Readonly<{
  managerApproval: boolean;
  approvingManagerId: string | null;
  legalAdvice: boolean;
  standByDecision: boolean;
  lastResponseStatement: boolean;
}>;

export const NO_EXTRA_REQUIREMENTS: AnswerRequirements = Object.freeze({
  managerApproval: false,
  approvingManagerId: null,
  legalAdvice: false,
  standByDecision: false,
  lastResponseStatement: false,
});

/** What the handler declares about the answer text they are about to send. */
export type AnswerDraft = Readonly<{
  adoptsLegalAdvice: boolean;
  standsByEarlierDecision: boolean;
  statesLastResponse: boolean;
}>;

export type AnswerContext = Readonly<{
  contacts: readonly ContactRecord[];
  writtenOnlyReason: string | null;
  assessment: Assessment | null;
  managerApproval: Approval | null;
  legalAdvice: LegalAdvice | null;
  requirements: AnswerRequirements;
  draft: AnswerDraft;
}>;

export type AnswerProblem =
  | 'answer_requires_contact'
  | 'answer_requires_assessment'
  | AssessmentProblem
  | 'answer_requires_manager_approval'
  | 'answer_requires_legal_advice'
  | 'answer_must_adopt_legal_advice'
  | 'answer_must_stand_by_decision'
  | 'answer_must_state_last_response';

/** Everything still in the way of sending the answer, in checklist order (empty = ready). */
export function listAnswerBlockers(ctx: AnswerContext): AnswerProblem[] {
  const blockers: AnswerProblem[] = [];
  const spoken = ctx.contacts.some((c) => c.kind === 'phone' || c.kind === 'in_person');
  // policy 2.3: discuss by phone or in person; "alleen bij uitzondering" written-only, with a reason
  if (!spoken && !hasText(ctx.writtenOnlyReason)) blockers.push('answer_requires_contact');
  // policy 2.4: every answer rests on an assessment against policy and procedures
  if (ctx.assessment === null) blockers.push('answer_requires_assessment');
  else {
    const checked = checkAssessment(ctx.assessment);
    if (!checked.ok) blockers.push(checked.reason);
  }
  const { requirements: req, draft } = ctx;
  // policy 2.6: the manager personally approves the answer to an employee-caused repeat
  if (req.managerApproval && !isManagerApproval(ctx.managerApproval, req.approvingManagerId)) {
    blockers.push('answer_requires_manager_approval');
  }
  // policy 2.6: lawyer escalation → legal advice, adopted in the answer
  if (req.legalAdvice && (ctx.legalAdvice === null || ctx.legalAdvice.approval.role !== 'legal')) {
    blockers.push('answer_requires_legal_advice');
  } else if (req.legalAdvice && !draft.adoptsLegalAdvice) blockers.push('answer_must_adopt_legal_advice');
  // policy 2.6: no new facts → we stand by the decision (with understanding)
  if (req.standByDecision && !draft.standsByEarlierDecision) blockers.push('answer_must_stand_by_decision');
  // policy 2.6: the second repeat without new facts → "de laatste keer dat we reageren"
  if (req.lastResponseStatement && !draft.statesLastResponse)
    blockers.push('answer_must_state_last_response');
  return blockers;
}

export type AnswerParties = Readonly<{ managerId: string | null; managementAssistantIds: readonly string[] }>;

export type AnswerRecipient =
  | { readonly role: 'complainant' }
  | { readonly role: 'manager' | 'management_assistant'; readonly userId: string };

export type AnswerRecipients = Readonly<{ to: readonly AnswerRecipient[]; cc: readonly AnswerRecipient[] }>;

/** Only for rows routed before issue 19: routing now refuses a department without a manager. */
export type RecipientProblem = 'manager_unknown';

/**
 * The solution goes to the complainant "met een cc aan de leidinggevende en managementassistent" (policy 2.3).
 * A department without an assistant is shown on the case from the moment it is routed (see routing.ts); the
 * answer then goes in cc to the manager only and is never held back for it.
 */
export function computeAnswerRecipients(
  parties: AnswerParties,
): Outcome<{ recipients: AnswerRecipients }, RecipientProblem> {
  if (!hasText(parties.managerId)) return fail('manager_unknown');
  const assistants = [...new Set(parties.managementAssistantIds.filter(hasText))];
  const cc: AnswerRecipient[] = [
    { role: 'manager', userId: parties.managerId },
    ...assistants.map((userId) => ({ role: 'management_assistant' as const, userId })),
  ];
  return succeed({ recipients: { to: [{ role: 'complainant' }], cc } });
}

export type AnswerCheck =
  | Readonly<{ ok: true; recipients: AnswerRecipients }>
  | Readonly<{ ok: false; reason: AnswerProblem | RecipientProblem; blockers: readonly AnswerProblem[] }>;

/** The answer may go out: first blocker as the reason, all blockers for a checklist (policy 2.3, 2.4, 2.6). */
export function checkAnswer(ctx: AnswerContext, parties: AnswerParties): AnswerCheck {
  const blockers = listAnswerBlockers(ctx);
  const first = blockers[0];
  if (first !== undefined) return { ok: false, reason: first, blockers };
  const computed = computeAnswerRecipients(parties);
  return computed.ok ? computed : { ok: false, reason: computed.reason, blockers: [] };
}

/**
 * The cc of an answer narrowed to those who may see the complaint whole (policy 2.3 under issue 20): the
 * answer to a confidential complaint never goes, with its text, to a colleague who may not open it. A cc'd
 * colleague the rule does not know (`readers` lacks them) is left out too.
 */
export function ccWhoMaySee(
  cc: readonly AnswerRecipient[],
  readers: ReadonlyMap<string, StaffActor>,
  complaint: ComplaintAccess,
): AnswerRecipient[] {
  return cc.filter((r) => {
    if (!('userId' in r)) return false;
    const reader = readers.get(r.userId);
    return reader !== undefined && mayShowComplaint(reader, complaint);
  });
}
