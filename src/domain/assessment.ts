import { type Cents, isPositiveCents } from './money.ts';
import { fail, hasText, type Outcome, succeed } from './result.ts';
import { type Approval, isManagerApproval } from './roles.ts';

// The usual verdict on a complaint (policy 2.4).
export const VERDICTS = {
  upheld: 'Gegrond',
  partly_upheld: 'Deels gegrond',
  not_upheld: 'Ongegrond',
} as const;
export type Verdict = keyof typeof VERDICTS;

export type Compensation = Readonly<{ amountCents: Cents; approval: Approval | null; paidAt: Date | null }>;

/** Kind A: our policy or procedure was not followed (policy 2.4, first kind). */
export type PolicyNotFollowedAssessment = Readonly<{
  kind: 'policy_not_followed';
  verdict: Verdict;
  apologyOffered: boolean;
  errorAdmitted: boolean;
  demonstrableDamage: boolean;
  compensation: Compensation | null;
}>;

// Kind B outcomes after discussing with colleagues (policy 2.4, second kind).
export const POLICY_FINDINGS = {
  policy_right: { label: 'Het beleid klopt: uitleggen aan de klager', toManagementTeam: false },
  policy_wrong: {
    label: 'Het beleid klopt niet: leidinggevende bespreekt het in het MT',
    toManagementTeam: true,
  },
  policy_wrong_in_this_case: {
    label: 'Het beleid klopt niet in dit geval: leidinggevende beslist',
    toManagementTeam: false,
  },
  policy_missing: {
    label: 'Er ontbreekt beleid: leidinggevende bespreekt het in het MT',
    toManagementTeam: true,
  },
} as const;
export type PolicyFinding = keyof typeof POLICY_FINDINGS;

export type ManagerDecision = Readonly<{ approval: Approval; text: string }>;

/** Kind B: the complainant disagrees with our policy or procedure (policy 2.4, second kind). */
export type DisagreesWithPolicyAssessment = Readonly<{
  kind: 'disagrees_with_policy';
  verdict: Verdict;
  discussedWithColleagues: boolean;
  finding: PolicyFinding;
  explanation: string | null;
  managerDecision: ManagerDecision | null;
  /** When (and by whom; null when the answer brought it) the finding was put on the MT's agenda (policy 2.4, 3.1). */
  managementTeamAgenda?: Readonly<{ at: Date; byUserId: string | null }> | null;
}>;

export type Assessment = PolicyNotFollowedAssessment | DisagreesWithPolicyAssessment;

export type AssessmentProblem =
  | 'apology_required'
  | 'error_admission_required'
  | 'verdict_conflicts_with_error'
  | 'compensation_required_for_damage'
  | 'compensation_requires_demonstrable_damage'
  | 'compensation_amount_invalid'
  | 'compensation_requires_approval'
  | 'colleague_discussion_required'
  | 'explanation_required'
  | 'manager_decision_required';

export type AssessmentEffect = Readonly<{ type: 'put_on_management_team_agenda'; finding: PolicyFinding }>;

function checkPolicyNotFollowed(a: PolicyNotFollowedAssessment): AssessmentProblem | null {
  if (!a.apologyOffered) return 'apology_required'; // policy 2.4: "we bieden onze excuses aan"
  if (!a.errorAdmitted) return 'error_admission_required'; // policy 2.4: "geven toe dat er een fout is gemaakt"
  if (a.verdict === 'not_upheld') return 'verdict_conflicts_with_error'; // policy 2.4: an admitted error is not "ongegrond"
  // policy 2.4: demonstrable (financial) damage is compensated, and only then
  if (a.demonstrableDamage && a.compensation === null) return 'compensation_required_for_damage';
  if (!a.demonstrableDamage && a.compensation !== null) return 'compensation_requires_demonstrable_damage';
  if (a.compensation === null) return null;
  if (!isPositiveCents(a.compensation.amountCents)) return 'compensation_amount_invalid'; // whole cents
  // policy 2.4 + 2.3: the manager, ultimately responsible, approves the amount before it is promised
  if (!isManagerApproval(a.compensation.approval)) return 'compensation_requires_approval';
  return null;
}

function checkDisagreesWithPolicy(a: DisagreesWithPolicyAssessment): AssessmentProblem | null {
  if (!a.discussedWithColleagues) return 'colleague_discussion_required'; // policy 2.4: "bespreken met collega's"
  if (a.finding === 'policy_right' && !hasText(a.explanation)) return 'explanation_required'; // policy 2.4: explain it
  if (a.finding === 'policy_wrong_in_this_case') {
    // policy 2.4: "de leidinggevende beslist over de afhandeling", decision recorded
    const decision = a.managerDecision;
    if (decision === null || !isManagerApproval(decision.approval) || !hasText(decision.text)) {
      return 'manager_decision_required';
    }
  }
  return null;
}

/** Is the assessment complete enough to answer on? Also lists what it sets in motion. */
export function checkAssessment(
  assessment: Assessment,
): Outcome<{ effects: AssessmentEffect[] }, AssessmentProblem> {
  const problem =
    assessment.kind === 'policy_not_followed'
      ? checkPolicyNotFollowed(assessment)
      : checkDisagreesWithPolicy(assessment);
  if (problem !== null) return fail(problem);
  // policy 2.4 + 3.1: wrong or missing policy goes via the manager to the MT
  const toAgenda =
    assessment.kind === 'disagrees_with_policy' && POLICY_FINDINGS[assessment.finding].toManagementTeam;
  return succeed({
    effects: toAgenda ? [{ type: 'put_on_management_team_agenda', finding: assessment.finding }] : [],
  });
}

/** Approved compensation must be paid before the complaint is closed (policy 2.4). */
export function isCompensationSettled(assessment: Assessment | null): boolean {
  if (assessment?.kind !== 'policy_not_followed' || assessment.compensation === null) return true;
  return assessment.compensation.paidAt !== null;
}
