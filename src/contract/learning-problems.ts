import type { ActionTransitionProblem, MtDecisionProblem } from '../domain/index.ts';

type Entry = { status: number; nl: string; en: string };
const refused = (nl: string, en: string) => ({ status: 422, nl, en }) as const;

/** Refusals of the MT review and improvement actions (policy 3.1). */
export const learningProblemCatalog = {
  meeting_locked: {
    status: 409,
    nl: 'Dit verslag is vastgesteld en kan niet meer worden gewijzigd.',
    en: 'These minutes have been approved and can no longer be changed.',
  },
  decision_reason_required: refused(
    'Geef aan waarom er geen actie nodig is.',
    'State why no action is needed.',
  ),
  decision_action_required: refused(
    'Beschrijf de verbeteractie die het MT afspreekt.',
    'Describe the improvement action the MT agrees on.',
  ),
  action_transition_not_allowed: {
    status: 409,
    nl: 'Deze statuswijziging van de verbeteractie kan niet.',
    en: 'This status change of the improvement action is not possible.',
  },
  action_drop_reason_required: refused(
    'Geef aan waarom de verbeteractie vervalt.',
    'State why the improvement action is dropped.',
  ),
  action_result_required: refused(
    'Beschrijf wat de verbeteractie heeft opgeleverd.',
    'Describe what the improvement action achieved.',
  ),
  action_agreement_requires_management_team: refused(
    'Alleen het MT spreekt een voorgestelde verbeteractie af.',
    'Only the MT agrees on a proposed improvement action.',
  ),
  policy_issue_not_open: {
    status: 409,
    nl: 'Dit punt is al besproken of samengevoegd.',
    en: 'This item has already been decided or merged.',
  },
} as const satisfies Record<MtDecisionProblem | ActionTransitionProblem, Entry> & Record<string, Entry>;
