import { BOARD_TRACK_ENTRY_STATUSES } from './board-track.ts';
import type { ComplaintAction, ComplaintActionType, TransitionContext } from './complaint-actions.ts';
import type { ComplaintEffect, ComplaintState, ComplaintStatus } from './complaint-state.ts';
import * as g from './lifecycle-guards.ts';
import { type Failure, fail } from './result.ts';
import { ALL_COMPLAINT_STATUSES } from './status-sets.ts';

/** One whitelisted step: from which statuses, by which action, to which status, under which guard. */
export type TransitionRule<T extends ComplaintActionType = ComplaintActionType> = Readonly<{
  from: readonly ComplaintStatus[];
  action: T;
  to: ComplaintStatus | 'unchanged';
  policy: string;
  guard: g.Guard<T>;
  /** Where the guard may route instead of `to`, depending on what it decides (e.g. to the board, policy 2.5). */
  or: readonly ComplaintStatus[];
}>;

const ANY_STATUS: readonly ComplaintStatus[] = ALL_COMPLAINT_STATUSES;

// policy 2.5: only a complaint still in the procedure goes onto the board's track (BOARD_TRACK_ENTRY_STATUSES)
const IN_PROCEDURE: readonly ComplaintStatus[] = BOARD_TRACK_ENTRY_STATUSES;
const OUT_OF_PROCEDURE = ANY_STATUS.filter((s) => !IN_PROCEDURE.includes(s));
/**
 * policy 1.3: a complainant who is not satisfied may go to the regional committee at any moment: also with a
 * complaint still unanswered or overdue, or declined as outside the procedure. Not after a referral to
 * another process (not a complaint, policy 1.2) or a withdrawal, and one referral per complaint.
 */
export const COMMITTEE_FROM: readonly ComplaintStatus[] = [
  'new',
  'in_progress',
  'declined_outside_procedure',
  'answered',
  'closed',
];

function rule<T extends ComplaintActionType>(
  from: readonly ComplaintStatus[],
  action: T,
  to: ComplaintStatus | 'unchanged',
  policy: string,
  guard: g.Guard<T>,
  or: readonly ComplaintStatus[] = [],
): TransitionRule {
  // A rule's guard only ever receives its own action (decideTransition dispatches by type), so widening is safe.
  return { from, action, to, policy, guard, or } as unknown as TransitionRule;
}

/** The complete lifecycle. Anything not listed here is refused with 'transition_not_allowed'. */
// biome-ignore format: one row per transition, read as a table: from, action, to, policy, guard (, or to)
export const TRANSITIONS: readonly TransitionRule[] = [
  // Is it a complaint? (policy 1.2, 2.5) A suspected criminal offence takes it to the board instead (2.5)
  rule(['new'],                                              'accept_as_complaint',        'in_progress',                '1.2', g.guardAcceptAsComplaint,       ['with_board']),
  rule(['new'],                                              'refer_as_not_a_complaint',   'referred',                   '1.2', g.guardReferAsNotAComplaint),
  rule(['new'],                                              'decline_outside_procedure',  'declined_outside_procedure', '2.5', g.guardDeclineOutsideProcedure, ['with_board']),
  rule(['new'],                                              'record_without_answer_duty', 'closed',                     '2.6', g.guardRecordWithoutAnswerDuty),
  // Handling, extension, answer, explanation (policy 1.3, 2.3–2.6)
  rule(['in_progress'],                                      'assign_handler',             'unchanged',                  '1.3', g.guardAssignHandler),
  rule(['in_progress', 'declined_outside_procedure'],        'extend_term',                'unchanged',                  '2.3', g.guardExtendTerm),
  rule(['in_progress'],                                      'answer',                     'answered',                   '2.3', g.guardAnswer),
  rule(['declined_outside_procedure'],                       'send_explanation',           'closed',                     '2.5', g.guardSendExplanation),
  rule(['declined_outside_procedure'],                       'prepare_explanation_letter', 'unchanged',                  '2.5', g.guardPrepareExplanationLetter),
  rule(['declined_outside_procedure'],                       'record_letter_posted',       'closed',                     '2.5', g.guardRecordLetterPosted),
  rule(['answered'],                                         'close',                      'closed',                     '2.4', g.guardClose),
  // Regional complaints committee (policy 1.3): whenever the complainant turns to it, answered or not
  rule(COMMITTEE_FROM,                                       'refer_to_committee',         'with_committee',             '1.3', g.guardReferToCommittee),
  rule(['with_committee'],                                   'record_committee_reference', 'unchanged',                  '1.3', g.guardRecordCommitteeReference),
  rule(['with_committee'],                                   'record_committee_ruling',    'unchanged',                  '1.3', g.guardRecordCommitteeRuling),
  rule(['with_committee'],                                   'record_board_decision',      'unchanged',                  '1.3', g.guardRecordBoardDecision),
  rule(['with_committee'],                                   'record_committee_follow_up', 'unchanged',                  '1.3', g.guardRecordCommitteeFollowUp),
  rule(['with_committee'],                                   'close',                      'closed',                     '1.3', g.guardClose),
  // Withdrawal and the criminal-offence flag (policy 1.3, 2.5)
  rule(['new', 'in_progress', 'declined_outside_procedure'], 'withdraw',                   'withdrawn',                  '1.3', g.guardWithdraw),
  rule(IN_PROCEDURE,                                         'flag_criminal_offence',      'with_board',                 '2.5', g.guardFlagCriminalOffence),
  rule(OUT_OF_PROCEDURE,                                     'flag_criminal_offence',      'unchanged',                  '2.5', g.guardFlagCriminalOffence),
  // The board's track of a suspected criminal offence (policy 2.5): the board decides; the complainant is told
  rule(['with_board'],                                       'decide_board_track',         'unchanged',                  '2.5', g.guardDecideBoardTrack,        ['closed', ...IN_PROCEDURE]),
  rule(['with_board'],                                       'send_explanation',           'unchanged',                  '2.5', g.guardSendBoardTrackExplanation),
];

export function findTransitionRule(
  status: ComplaintStatus,
  action: ComplaintActionType,
): TransitionRule | null {
  return TRANSITIONS.find((r) => r.action === action && r.from.includes(status)) ?? null;
}

/** Actions the whitelist offers in a status (guards may still refuse them). */
export function listAvailableActions(status: ComplaintStatus): ComplaintActionType[] {
  return TRANSITIONS.filter((r) => r.from.includes(status)).map((r) => r.action);
}

export type TransitionDecision =
  | Readonly<{
      ok: true;
      from: ComplaintStatus;
      to: ComplaintStatus;
      policy: string;
      state: ComplaintState;
      effects: readonly ComplaintEffect[];
    }>
  | Failure<g.TransitionProblem>;

/** Decide one step: the whitelist, then the guard; returns the next state and the effects to carry out. */
export function decideTransition(
  state: ComplaintState,
  action: ComplaintAction,
  ctx: TransitionContext,
): TransitionDecision {
  const found = findTransitionRule(state.status, action.type);
  if (found === null) return fail('transition_not_allowed');
  const outcome = found.guard(state, action as never, ctx);
  if (!outcome.ok) return outcome;
  const usual = found.to === 'unchanged' ? state.status : found.to;
  const to = outcome.to ?? usual;
  // A guard may only route to a status its rule names; anything else is a gap in the table, refused.
  if (to !== usual && !found.or.includes(to)) return fail('transition_not_allowed');
  return {
    ok: true,
    from: state.status,
    to,
    policy: found.policy,
    state: { ...state, ...outcome.patch, status: to },
    effects: outcome.effects,
  };
}
