// "Confidential" is an explicit flag with a reason, set and lifted on purpose (policy 1.3, 2.5).
// A complaint about an employee is not secret from that employee and their manager: they must talk it through
// (policy 1.3). Who sees a confidential complaint is decided by `canSeeComplaint` in permissions.ts; who may
// mark or lift is `complaint.mark_confidential` / `complaint.lift_confidential` there. This file decides what
// the flag becomes.
import { fail, hasText, type Outcome, succeed } from './result.ts';

export const CONFIDENTIALITY_REASONS = {
  sensitive_personal_matter: {
    nl: 'Gevoelige persoonlijke zaak',
    en: 'Sensitive personal matter',
  },
  complainant_asks: { nl: 'De klager vraagt erom', en: 'The complainant asks for it' },
  // policy 2.5: set only by flagging a suspected criminal offence, so the board is always told
  criminal_suspicion: {
    nl: 'Vermoeden van een strafbaar feit',
    en: 'Suspected criminal offence',
  },
  other: { nl: 'Andere reden', en: 'Other reason' },
} as const satisfies Record<string, { nl: string; en: string }>;
export type ConfidentialityReason = keyof typeof CONFIDENTIALITY_REASONS;

/** Reasons a person may choose when registering or marking; `criminal_suspicion` comes with the board's fast lane. */
export const CHOOSABLE_CONFIDENTIALITY_REASONS = [
  'sensitive_personal_matter',
  'complainant_asks',
  'other',
] as const satisfies readonly ConfidentialityReason[];
export type ChoosableConfidentialityReason = (typeof CHOOSABLE_CONFIDENTIALITY_REASONS)[number];

/** The flag as stored: `null` means not confidential. */
export type Confidentiality = Readonly<{ reason: ConfidentialityReason; text: string | null }> | null;

export type ConfidentialityRequest = Readonly<{
  reason?: ChoosableConfidentialityReason | undefined | null;
  text?: string | null | undefined;
}>;

export type ConfidentialityProblem =
  | 'confidential_reason_required'
  | 'confidential_reason_text_required'
  | 'confidentiality_lift_reason_required'
  | 'already_confidential'
  | 'not_confidential';

/** The reason a person gives: one of the choosable reasons, with a text when it is "other". */
export function checkConfidentialityRequest(
  request: ConfidentialityRequest,
): Outcome<{ confidentiality: NonNullable<Confidentiality> }, ConfidentialityProblem> {
  if (request.reason == null) return fail('confidential_reason_required');
  const text = hasText(request.text) ? request.text.trim() : null;
  if (request.reason === 'other' && text === null) return fail('confidential_reason_text_required');
  return succeed({ confidentiality: { reason: request.reason, text } });
}

/** Marking by a person (policy 1.3, 2.5): only a complaint that is not confidential yet, with a reason. */
export function decideMarkConfidential(
  current: Confidentiality,
  request: ConfidentialityRequest,
): Outcome<{ confidentiality: NonNullable<Confidentiality> }, ConfidentialityProblem> {
  if (current !== null) return fail('already_confidential');
  return checkConfidentialityRequest(request);
}

/** Lifting, with a reason: the complaint is visible to every colleague again (policy 1.4). */
export function decideLiftConfidentiality(
  current: Confidentiality,
  reason: string | null | undefined,
): Outcome<
  { confidentiality: null; previous: NonNullable<Confidentiality>; reason: string },
  ConfidentialityProblem
> {
  if (current === null) return fail('not_confidential');
  if (!hasText(reason)) return fail('confidentiality_lift_reason_required');
  return succeed({ confidentiality: null, previous: current, reason: reason.trim() });
}

/**
 * policy 2.5: a suspected criminal offence makes the complaint confidential with that reason, replacing a
 * milder reason; `changed` is false when it already was.
 */
export function confidentialityOnCriminalSuspicion(current: Confidentiality): {
  confidentiality: NonNullable<Confidentiality>;
  changed: boolean;
} {
  if (current?.reason === 'criminal_suspicion') return { confidentiality: current, changed: false };
  return { confidentiality: { reason: 'criminal_suspicion', text: null }, changed: true };
}
