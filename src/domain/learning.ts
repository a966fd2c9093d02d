import { fail, hasText, type Outcome, succeed } from './result.ts';

// Learning from complaints (policy 1.1, 3.1, 3.2): the MT's quarterly review, its decisions and the
// improvement actions (verbeteracties) they lead to.

/** '2026-Q3'. Quarters follow the Amsterdam calendar (policy 3.1: "ieder kwartaal"). */
export type Quarter = `${number}-Q${1 | 2 | 3 | 4}`;

const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;

export function isQuarter(value: string): value is Quarter {
  return QUARTER_PATTERN.test(value);
}

export function quarterOfDay(day: string): Quarter {
  const month = Number(day.slice(5, 7));
  return `${Number(day.slice(0, 4))}-Q${(Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4}`;
}

/** First day of the quarter and first day of the next one (half-open range of local dates). */
export function quarterRange(quarter: Quarter): { from: string; until: string } {
  const [, y, q] = QUARTER_PATTERN.exec(quarter) as unknown as [string, string, string];
  const year = Number(y);
  const startMonth = (Number(q) - 1) * 3 + 1;
  const pad = (n: number) => String(n).padStart(2, '0');
  const from = `${year}-${pad(startMonth)}-01`;
  const until = startMonth === 10 ? `${year + 1}-01-01` : `${year}-${pad(startMonth + 3)}-01`;
  return { from, until };
}

export function nextQuarter(quarter: Quarter): Quarter {
  const [, y, q] = QUARTER_PATTERN.exec(quarter) as unknown as [string, string, string];
  return Number(q) === 4 ? `${Number(y) + 1}-Q1` : `${Number(y)}-Q${(Number(q) + 1) as 1 | 2 | 3 | 4}`;
}

// Where a policy issue on the MT's list comes from (policy 2.4, 3.1).
export const POLICY_ISSUE_SOURCES = {
  policy_wrong: { nl: 'Beleid klopt niet', en: 'Policy is wrong' },
  policy_missing: { nl: 'Beleid ontbreekt', en: 'Policy is missing' },
  exception: {
    nl: 'Uitzondering: beleid klopt niet in dit geval',
    en: 'Exception: policy wrong in this case',
  },
  improvement_suggestion: {
    nl: 'Verbetervoorstel uit de behandeling',
    en: 'Improvement suggestion from handling',
  },
  proposed: { nl: 'Voorgesteld door een leidinggevende', en: 'Proposed by a manager' },
} as const;
export type PolicyIssueSource = keyof typeof POLICY_ISSUE_SOURCES;

// What the MT decides per item (policy 3.1: "bespreekt ... en formuleert verbeteracties").
export const MT_DECISIONS = {
  adjust_policy: { nl: 'Beleid aanpassen', en: 'Adjust the policy' },
  new_action: { nl: 'Nieuwe verbeteractie', en: 'New improvement action' },
  no_action: { nl: 'Geen actie', en: 'No action' },
} as const;
export type MtDecision = keyof typeof MT_DECISIONS;

export type MtDecisionProblem = 'decision_reason_required' | 'decision_action_required' | 'meeting_locked';

/** A decision needs a reason when nothing is done, and an action when one is promised (policy 3.1). */
export function checkMtDecision(input: {
  meetingLocked: boolean;
  decision: MtDecision;
  reason: string | null;
  hasAction: boolean;
}): Outcome<object, MtDecisionProblem> {
  if (input.meetingLocked) return fail('meeting_locked'); // the approved record is the minutes archive
  if (input.decision === 'no_action' && !hasText(input.reason)) return fail('decision_reason_required');
  if (input.decision === 'new_action' && !input.hasAction) return fail('decision_action_required');
  return succeed({});
}

export const ACTION_STATUSES = {
  proposed: { nl: 'Voorgesteld', en: 'Proposed' },
  agreed: { nl: 'Afgesproken', en: 'Agreed' },
  in_progress: { nl: 'In uitvoering', en: 'In progress' },
  done: { nl: 'Gereed', en: 'Done' },
  dropped: { nl: 'Vervallen', en: 'Dropped' },
} as const;
export type ActionStatus = keyof typeof ACTION_STATUSES;

const ACTION_TRANSITIONS: Record<ActionStatus, readonly ActionStatus[]> = {
  proposed: ['agreed', 'dropped'],
  agreed: ['in_progress', 'done', 'dropped'],
  in_progress: ['done', 'dropped'],
  done: [],
  dropped: [],
};

export type ActionTransitionProblem =
  | 'action_transition_not_allowed'
  | 'action_drop_reason_required'
  | 'action_result_required'
  | 'action_agreement_requires_management_team';

/** Moves an improvement action on; the MT agrees, a dropped action says why, a finished one what it brought. */
export function decideActionTransition(input: {
  from: ActionStatus;
  to: ActionStatus;
  byManagementTeam: boolean;
  reason: string | null;
  result: string | null;
}): Outcome<object, ActionTransitionProblem> {
  if (!ACTION_TRANSITIONS[input.from].includes(input.to)) return fail('action_transition_not_allowed');
  // policy 3.1: the MT formulates the actions; a manager's proposal becomes an action when the MT agrees
  if (input.from === 'proposed' && !input.byManagementTeam)
    return fail('action_agreement_requires_management_team');
  if (input.to === 'dropped' && !hasText(input.reason)) return fail('action_drop_reason_required');
  if (input.to === 'done' && !hasText(input.result)) return fail('action_result_required');
  return succeed({});
}

export function isActionOpen(status: ActionStatus): boolean {
  return status !== 'done' && status !== 'dropped';
}

/** Overdue: still open after its due day (Amsterdam calendar). */
export function isActionOverdue(status: ActionStatus, dueDay: string | null, today: string): boolean {
  return isActionOpen(status) && dueDay !== null && dueDay < today;
}
