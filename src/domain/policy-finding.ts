import {
  type Assessment,
  type AssessmentEffect,
  type DisagreesWithPolicyAssessment,
  POLICY_FINDINGS,
  type PolicyFinding,
} from './assessment.ts';
import { fail, hasText, type Outcome, succeed } from './result.ts';
import { type Approval, isManagerApproval } from './roles.ts';

// Kind B findings that are the manager's to take further (policy 2.4): policy wrong or missing ("de
// leidinggevende bespreekt het in het MT") and policy wrong in this case ("de leidinggevende beslist").
export const FINDINGS_FOR_MANAGER: readonly PolicyFinding[] = [
  'policy_wrong',
  'policy_missing',
  'policy_wrong_in_this_case',
];

// What the manager does with such a finding; labels are what users see.
export const MANAGER_ROUTES = {
  management_team: { nl: 'Op de MT-agenda', en: 'On the MT agenda' },
  exception: { nl: 'Zelf beslissen (uitzondering)', en: 'Decide myself (exception)' },
} as const;
export type ManagerRoute = keyof typeof MANAGER_ROUTES;

export type ManagerRouteChoice =
  | { readonly route: 'management_team' }
  | { readonly route: 'exception'; readonly text: string };

export type PolicyFindingEffect = Readonly<{
  type: 'refer_policy_finding_to_manager';
  finding: PolicyFinding;
}>;

export type PolicyFindingProblem =
  | 'policy_finding_not_for_manager'
  | 'policy_finding_already_on_agenda'
  | 'policy_finding_already_decided'
  | 'manager_decision_required';

/** A kind-B assessment whose finding the manager must take further (policy 2.4). */
export function isFindingForManager(
  assessment: Assessment | null,
): assessment is DisagreesWithPolicyAssessment {
  return assessment?.kind === 'disagrees_with_policy' && FINDINGS_FOR_MANAGER.includes(assessment.finding);
}

/**
 * policy 2.4: the manager gets the finding when the assessment is recorded, not only with the answer; a
 * reassessment with the same finding does not refer it again.
 */
export function referPolicyFinding(previous: Assessment | null, next: Assessment): PolicyFindingEffect[] {
  if (!isFindingForManager(next)) return [];
  if (previous?.kind === 'disagrees_with_policy' && previous.finding === next.finding) return [];
  return [{ type: 'refer_policy_finding_to_manager', finding: next.finding }];
}

/** Still waiting for the manager: neither on the MT's agenda nor decided as an exception (policy 2.4). */
export function isAwaitingManagerRoute(assessment: Assessment | null): boolean {
  if (!isFindingForManager(assessment)) return false;
  return !assessment.managementTeamAgenda && assessment.managerDecision === null;
}

/** Can the manager still choose something for this finding (policy 2.4)? */
export function isPolicyFindingOpen(assessment: Assessment | null): boolean {
  if (!isFindingForManager(assessment) || assessment.managerDecision !== null) return false;
  return !assessment.managementTeamAgenda || assessment.finding === 'policy_wrong_in_this_case';
}

/**
 * The manager's choice (policy 2.4, 3.1): put the finding on the MT's agenda (exactly once), or decide this
 * case as an exception with a recorded text. Policy wrong in this case still needs the manager's decision
 * on the case after it went to the MT.
 */
export function decidePolicyFinding(
  assessment: Assessment | null,
  choice: ManagerRouteChoice,
  approval: Approval,
): Outcome<{ assessment: DisagreesWithPolicyAssessment; effects: AssessmentEffect[] }, PolicyFindingProblem> {
  if (!isFindingForManager(assessment)) return fail('policy_finding_not_for_manager');
  if (!isManagerApproval(approval)) return fail('manager_decision_required');
  const onAgenda = Boolean(assessment.managementTeamAgenda);
  if (choice.route === 'management_team') {
    if (onAgenda) return fail('policy_finding_already_on_agenda');
    if (assessment.managerDecision !== null) return fail('policy_finding_already_decided');
    return succeed({
      assessment: { ...assessment, managementTeamAgenda: { at: approval.at, byUserId: approval.byUserId } },
      effects: [{ type: 'put_on_management_team_agenda', finding: assessment.finding }],
    });
  }
  if (assessment.managerDecision !== null) return fail('policy_finding_already_decided');
  if (onAgenda && assessment.finding !== 'policy_wrong_in_this_case')
    return fail('policy_finding_already_decided');
  if (!hasText(choice.text)) return fail('manager_decision_required');
  return succeed({
    assessment: { ...assessment, managerDecision: { approval, text: choice.text.trim() } },
    effects: [],
  });
}

/**
 * At the answer, a wrong or missing policy the manager has not taken further yet goes to the MT's agenda
 * (policy 2.4, 3.1) — once: not when the manager already put it there or decided it as an exception.
 */
export function putOnAgendaAtAnswer(
  assessment: Assessment | null,
  at: Date,
): { assessment: Assessment | null; effects: AssessmentEffect[] } {
  if (assessment?.kind !== 'disagrees_with_policy') return { assessment, effects: [] };
  if (!POLICY_FINDINGS[assessment.finding].toManagementTeam) return { assessment, effects: [] };
  if (assessment.managementTeamAgenda || assessment.managerDecision !== null)
    return { assessment, effects: [] };
  return {
    assessment: { ...assessment, managementTeamAgenda: { at, byUserId: null } },
    effects: [{ type: 'put_on_management_team_agenda', finding: assessment.finding }],
  };
}
