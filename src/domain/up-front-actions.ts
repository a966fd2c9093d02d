import { type ComplaintActionPath, isActionOffered } from './complaint-action-catalogue.ts';
import type { ComplaintStatus } from './complaint-state.ts';
import type { NextStep } from './next-steps.ts';

// Issue 22: the case page offers a handful of actions up front — the ones that take the next step and fit the
// status — and the rest behind "Meer acties". Which ones is decided here, so it is the same for every screen and
// testable without a browser.

/** At most this many actions are offered up front; everything else is one click further. */
export const UP_FRONT_ACTION_LIMIT = 5;

/** The action(s) that take each next step (policy path order); which one applies depends on who looks. */
// biome-ignore format: one row per step, read as a table
const ACTIONS_FOR_STEP: Record<NextStep, readonly ComplaintActionPath[]> = {
  triage:                        ['triage'],
  record_without_answer_duty:    ['record-without-answer-duty'],
  assign_handler:                ['assign'],
  contact_complainant:           ['contacts'],
  record_assessment:             ['assessment'],
  complete_assessment:           ['assessment'],
  // policy 2.4, 2.6: the manager approves, the handler asks for it
  obtain_manager_approval:       ['approvals', 'approval-requests'],
  // asked: the manager gives or refuses it; the handler waits (issue 22)
  await_manager_approval:        ['approvals', 'approval-refusals'],
  obtain_legal_advice:           ['legal-advice'],
  send_answer:                   ['answer'],
  send_explanation:              ['explanation'],
  post_explanation_letter:       ['letter-posted'],
  decide_policy_finding:         ['policy-finding'],
  pay_compensation:              ['compensation-paid'],
  close:                         ['close'],
  record_committee_reference:    ['committee/reference'],
  record_committee_ruling:       ['committee/ruling'],
  record_board_decision:         ['committee/board-decision'],
  record_committee_follow_up:    ['committee/follow-up'],
  send_board_track_explanation:  ['explanation'],
  decide_board_track:            ['board-track/decision'],
};

/**
 * What else is usually done in a status, after the next steps' own actions, most used first: recording a contact
 * or a note always fits (policy 1.4); before the answer the complaint may be handed on (1.3, 2.3).
 */
// biome-ignore format: one row per status, read as a table
const ACTIONS_FOR_STATUS: Record<ComplaintStatus, readonly ComplaintActionPath[]> = {
  new:                        ['assign', 'contacts', 'notes', 'transfer'],
  in_progress:                ['contacts', 'notes', 'assessment', 'answer', 'transfer', 'extensions'],
  declined_outside_procedure: ['contacts', 'notes'],
  answered:                   ['contacts', 'notes', 'committee'],
  with_committee:             ['notes', 'contacts'],
  with_board:                 ['notes'],
  closed:                     ['notes', 'contacts'],
  referred:                   ['notes', 'contacts'],
  withdrawn:                  ['notes', 'contacts'],
  merged:                     ['notes'],
};

/** The action paths that take the given next steps, in the order of the steps, without repeats. */
export function listActionsForSteps(steps: readonly NextStep[]): ComplaintActionPath[] {
  return [...new Set(steps.flatMap((step) => ACTIONS_FOR_STEP[step]))];
}

/**
 * The actions offered up front on a complaint: first those that take its next steps, then what fits its status;
 * only actions offered in the status that this reader may take now (`isAvailable`: permission and guards), at
 * most UP_FRONT_ACTION_LIMIT. An unavailable action is never up front.
 */
export function chooseUpFrontActions(
  status: ComplaintStatus,
  nextSteps: readonly NextStep[],
  isAvailable: (path: ComplaintActionPath) => boolean,
): ComplaintActionPath[] {
  const candidates = [...new Set([...listActionsForSteps(nextSteps), ...ACTIONS_FOR_STATUS[status]])];
  return candidates
    .filter((path) => isActionOffered(path, status) && isAvailable(path))
    .slice(0, UP_FRONT_ACTION_LIMIT);
}
