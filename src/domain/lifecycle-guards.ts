import {
  type AnswerProblem,
  checkAnswer,
  NO_EXTRA_REQUIREMENTS,
  type RecipientProblem,
} from './answer-guards.ts';
import { isCompensationSettled } from './assessment.ts';
import {
  type BoardTrackEntryStatus,
  type BoardTrackProblem,
  composeBoardTrackExplanation,
  decideBoardTrack,
  isBoardTrackEntryStatus,
  recordBoardTrackExplanation,
  startBoardTrack,
} from './board-track.ts';
import {
  type CommitteeProblem,
  getCommitteeStage,
  recordBoardDecision,
  recordCommitteeFollowUp,
  recordCommitteeReference,
  recordCommitteeRuling,
  startCommitteeCase,
} from './committee.ts';
import type { ComplaintActionOf, ComplaintActionType, TransitionContext } from './complaint-actions.ts';
import type { ComplaintEffect, ComplaintState, ComplaintStatus } from './complaint-state.ts';
import { checkLetterPosted, type LetterPostedProblem } from './explanation-letter.ts';
import { decideExtension, type ExtensionProblem } from './extension.ts';
import { composeOutsideProcedureExplanation } from './outside-procedure-grounds.ts';
import { putOnAgendaAtAnswer } from './policy-finding.ts';
import { type Failure, fail, hasText } from './result.ts';
import { decideTriage, type TriageProblem } from './triage.ts';

/** Every reason a step can be refused; stable codes for the API's error table. */
export type TransitionProblem =
  | 'transition_not_allowed'
  | TriageProblem
  | ExtensionProblem
  | AnswerProblem
  | RecipientProblem
  | CommitteeProblem
  | BoardTrackProblem
  | LetterPostedProblem
  | 'explanation_letter_already_prepared'
  | 'repeat_has_no_answer_duty'
  | 'answer_duty_applies'
  | 'handler_required'
  | 'handler_assignment_requires_manager'
  | 'triage_outside_procedure_required'
  | 'committee_case_exists'
  | 'committee_case_required'
  | 'committee_follow_up_required'
  | 'compensation_not_paid'
  | 'withdrawal_reason_required'
  | 'criminal_offence_already_flagged';

export type GuardOutcome =
  | {
      readonly ok: true;
      readonly patch: Partial<ComplaintState>;
      readonly effects: readonly ComplaintEffect[];
      /** The guard routes elsewhere than the rule's usual status; only to one the rule lists (`or`). */
      readonly to?: ComplaintStatus;
    }
  | Failure<TransitionProblem>;

export type Guard<T extends ComplaintActionType> = (
  state: ComplaintState,
  action: ComplaintActionOf<T>,
  ctx: TransitionContext,
) => GuardOutcome;

function allow(patch: Partial<ComplaintState> = {}, effects: readonly ComplaintEffect[] = []): GuardOutcome {
  return { ok: true, patch, effects };
}

/**
 * policy 2.5: a suspected criminal offence goes to the board at once, whatever the outcome. A complaint still
 * in the procedure (`landsIn`: the status it has or is triaged into) leaves it: it goes to the board's track
 * and its term stops.
 */
function flagOffence(
  state: ComplaintState,
  suspected: boolean,
  ctx: TransitionContext,
  landsIn: ComplaintStatus,
): GuardOutcome {
  if (!suspected || state.criminalOffence !== null) return allow();
  const criminalOffence = { flaggedAt: ctx.now, flaggedBy: ctx.actor.userId };
  const effects: ComplaintEffect[] = [{ type: 'notify_board', reason: 'suspected_criminal_offence' }];
  if (!isBoardTrackEntryStatus(landsIn)) return allow({ criminalOffence }, effects);
  const boardTrack = startBoardTrack(landsIn as BoardTrackEntryStatus, state.term, ctx.now);
  return { ok: true, patch: { criminalOffence, boardTrack }, effects, to: 'with_board' };
}

function triageGuard(
  state: ComplaintState,
  action: ComplaintActionOf<'accept_as_complaint' | 'refer_as_not_a_complaint' | 'decline_outside_procedure'>,
  ctx: TransitionContext,
): GuardOutcome {
  const precedent = action.type === 'refer_as_not_a_complaint' ? null : action.precedent;
  const decided = decideTriage(action.triage, precedent);
  if (!decided.ok) return decided;
  const landsIn: Record<typeof decided.decision.outcome, ComplaintStatus> = {
    complaint: 'in_progress',
    not_a_complaint: 'referred',
    outside_procedure: 'declined_outside_procedure',
  };
  const offence = flagOffence(
    state,
    decided.decision.boardMustBeInformed,
    ctx,
    landsIn[decided.decision.outcome],
  );
  if (!offence.ok) return offence;
  const effects: ComplaintEffect[] = [...offence.effects];
  if (decided.decision.outcome === 'not_a_complaint') {
    effects.push({ type: 'record_referral', referral: decided.decision.referral }); // policy 1.2
  }
  return {
    ...allow({ ...offence.patch, triage: decided.decision }, effects),
    ...(offence.to ? { to: offence.to } : {}),
  };
}

export const guardAcceptAsComplaint: Guard<'accept_as_complaint'> = (state, action, ctx) => {
  // policy 2.6: a repeat past the last response is recorded, not handled again
  if (state.repeat !== null && !state.repeat.answerDuty) return fail('repeat_has_no_answer_duty');
  return triageGuard(state, action, ctx);
};

export const guardReferAsNotAComplaint: Guard<'refer_as_not_a_complaint'> = triageGuard;
export const guardDeclineOutsideProcedure: Guard<'decline_outside_procedure'> = triageGuard;

export const guardRecordWithoutAnswerDuty: Guard<'record_without_answer_duty'> = (state, _action, ctx) => {
  // policy 2.6: only a repeat after the "last response" is recorded without a new answer duty
  if (state.repeat === null || state.repeat.answerDuty) return fail('answer_duty_applies');
  return allow({ closedAt: ctx.now });
};

export const guardAssignHandler: Guard<'assign_handler'> = (state, action, ctx) => {
  if (!hasText(action.handlerId)) return fail('handler_required');
  // policy 2.6: in an employee-caused repeat the manager decides who handles it
  const manager = state.repeat?.managingManagerId ?? null;
  if (manager !== null && ctx.actor.userId !== manager) return fail('handler_assignment_requires_manager');
  return allow({ handlerId: action.handlerId });
};

export const guardExtendTerm: Guard<'extend_term'> = (state, action, ctx) => {
  const decided = decideExtension(state.term, action.request, ctx.settings); // policy 2.3
  if (!decided.ok) return decided;
  const notice = {
    type: 'notify_complainant_of_extension' as const,
    dueAt: decided.term.dueAt,
    text: action.request.noticeText,
  };
  return allow({ term: decided.term }, [notice]);
};

export const guardAnswer: Guard<'answer'> = (state, action, ctx) => {
  const checked = checkAnswer(
    { ...state, requirements: state.repeat?.requirements ?? NO_EXTRA_REQUIREMENTS, draft: action.draft },
    { managerId: state.responsibleManagerId, managementAssistantIds: state.managementAssistantIds },
  );
  if (!checked.ok) return fail(checked.reason); // policy 2.3, 2.4, 2.6
  // policy 2.4: wrong/missing policy to the MT, unless the manager already took it there or decided it
  const agenda = putOnAgendaAtAnswer(state.assessment, ctx.now);
  return allow({ answeredAt: ctx.now, assessment: agenda.assessment }, [
    { type: 'send_answer', recipients: checked.recipients },
    ...agenda.effects,
  ]);
};

function explanationText(state: ComplaintState): string | null {
  if (state.triage?.outcome !== 'outside_procedure') return null;
  // policy 2.5: explain within the term, naming the ground and the referral
  return composeOutsideProcedureExplanation(state.triage.ground, state.triage.referral.detail);
}

export const guardSendExplanation: Guard<'send_explanation'> = (state, _action, ctx) => {
  const text = explanationText(state);
  if (text === null) return fail('triage_outside_procedure_required');
  if (state.explanationLetter !== null) return fail('explanation_letter_already_prepared');
  return allow({ answeredAt: ctx.now, closedAt: ctx.now }, [{ type: 'send_explanation', text }]);
};

// policy 2.5: without an e-mail address the explanation is a letter; the term runs on until it is posted
export const guardPrepareExplanationLetter: Guard<'prepare_explanation_letter'> = (state, _action, ctx) => {
  const text = explanationText(state);
  if (text === null) return fail('triage_outside_procedure_required');
  if (state.explanationLetter !== null) return fail('explanation_letter_already_prepared');
  return allow({ explanationLetter: { preparedAt: ctx.now, postedOn: null } }, [
    { type: 'prepare_explanation_letter', text },
  ]);
};

// policy 2.5: the explanation is given on the day the letter is posted; that day decides "within the term"
export const guardRecordLetterPosted: Guard<'record_letter_posted'> = (state, action, ctx) => {
  const checked = checkLetterPosted(state.explanationLetter, action.postedOn, ctx.now);
  if (!checked.ok) return checked;
  return allow({ explanationLetter: checked.letter, answeredAt: checked.answeredAt, closedAt: ctx.now });
};

export const guardReferToCommittee: Guard<'refer_to_committee'> = (state, _action, ctx) => {
  if (state.committee !== null) return fail('committee_case_exists'); // policy 1.3: one referral per complaint
  return allow({ committee: startCommitteeCase(ctx.now), closedAt: null });
};

function committeeStep(
  state: ComplaintState,
  step: (c: NonNullable<ComplaintState['committee']>) => ReturnType<typeof recordCommitteeReference>,
): GuardOutcome {
  if (state.committee === null) return fail('committee_case_required');
  const result = step(state.committee);
  return result.ok ? allow({ committee: result.committee }) : result;
}

export const guardRecordCommitteeReference: Guard<'record_committee_reference'> = (state, action) =>
  committeeStep(state, (c) => recordCommitteeReference(c, action.reference)); // policy 1.3
export const guardRecordCommitteeRuling: Guard<'record_committee_ruling'> = (state, action) =>
  committeeStep(state, (c) => recordCommitteeRuling(c, action.ruling)); // policy 1.3
export const guardRecordBoardDecision: Guard<'record_board_decision'> = (state, action) =>
  committeeStep(state, (c) => recordBoardDecision(c, action.decision)); // policy 1.3
export const guardRecordCommitteeFollowUp: Guard<'record_committee_follow_up'> = (state, action) =>
  committeeStep(state, (c) => recordCommitteeFollowUp(c, action.followUp)); // policy 1.3

export const guardClose: Guard<'close'> = (state, _action, ctx) => {
  // policy 1.3: a committee case is closed only after the board's decision has been followed up
  if (state.status === 'with_committee') {
    if (state.committee === null || getCommitteeStage(state.committee) !== 'followed_up') {
      return fail('committee_follow_up_required');
    }
  }
  // policy 2.4: approved compensation is paid before closing
  if (!isCompensationSettled(state.assessment)) return fail('compensation_not_paid');
  return allow({ closedAt: ctx.now });
};

export const guardWithdraw: Guard<'withdraw'> = (_state, action, ctx) => {
  // policy 1.3: solutions are sought "samen met de huurder"; a withdrawal is recorded with its reason
  if (!hasText(action.reason)) return fail('withdrawal_reason_required');
  return allow({ withdrawal: { at: ctx.now, reason: action.reason.trim() }, closedAt: ctx.now });
};

export const guardFlagCriminalOffence: Guard<'flag_criminal_offence'> = (state, _action, ctx) => {
  if (state.criminalOffence !== null) return fail('criminal_offence_already_flagged');
  return flagOffence(state, true, ctx, state.status); // policy 2.5: "direct voorgelegd aan de directie"
};

export const guardDecideBoardTrack: Guard<'decide_board_track'> = (state, action, ctx) => {
  if (state.boardTrack === null) return fail('not_on_board_track');
  const approval = { byUserId: ctx.actor.userId, role: ctx.actor.role, at: ctx.now };
  const decided = decideBoardTrack(state.boardTrack, action.decision, approval, ctx.settings); // policy 2.5
  if (!decided.ok) return decided;
  const closes = decided.to === 'closed';
  return {
    ok: true,
    patch: {
      boardTrack: decided.track,
      ...(decided.term === null ? {} : { term: decided.term }),
      ...(closes ? { closedAt: ctx.now } : {}),
    },
    effects: [],
    to: decided.to,
  };
};

export const guardSendBoardTrackExplanation: Guard<'send_explanation'> = (state, _action, ctx) => {
  if (state.boardTrack === null) return fail('not_on_board_track');
  // policy 2.5: "Wel leggen we binnen de afgesproken termijn aan de huurder uit wat daarvoor de reden is"
  const text = composeBoardTrackExplanation();
  const recorded = recordBoardTrackExplanation(state.boardTrack, text, ctx.now);
  if (!recorded.ok) return recorded;
  return allow({ boardTrack: recorded.track }, [{ type: 'send_explanation', text }]);
};
