import { type CallBackTask, describeCallBack } from './adjustment-follow-up.ts';
import { type AnswerProblem, listAnswerBlockers, NO_EXTRA_REQUIREMENTS } from './answer-guards.ts';
import { isWaitingForApprover, type OpenApprovalRequest } from './approvals.ts';
import { isCompensationSettled } from './assessment.ts';
import { getCommitteeStage } from './committee.ts';
import type { AdjustmentWarning, ContactChannel, DayPart } from './complainant-adjustments.ts';
import type { ComplaintState } from './complaint-state.ts';
import { isAwaitingManagerRoute } from './policy-finding.ts';

// The plain "what must happen next" shown beside every complaint; Dutch first, English second.
export const NEXT_STEPS = {
  triage: { nl: 'Beoordeel of dit een klacht is', en: 'Decide whether this is a complaint' },
  record_without_answer_duty: {
    nl: 'Leg de herhaalde klacht vast zonder nieuw antwoord',
    en: 'Record the repeat complaint without a new answer',
  },
  assign_handler: { nl: 'Wijs een behandelaar toe', en: 'Assign a handler' },
  contact_complainant: {
    nl: 'Bespreek de klacht telefonisch of persoonlijk met de klager',
    en: 'Discuss the complaint with the complainant by phone or in person',
  },
  record_assessment: {
    nl: 'Beoordeel de klacht aan de hand van beleid en procedures',
    en: 'Assess the complaint against policy and procedures',
  },
  complete_assessment: { nl: 'Maak de beoordeling compleet', en: 'Complete the assessment' },
  obtain_manager_approval: {
    nl: 'Vraag akkoord van de leidinggevende',
    en: "Obtain the manager's approval",
  },
  // policy 2.3, 2.4, 2.6: asked; the text names the approver (describeNextStep)
  await_manager_approval: {
    nl: 'Wacht op goedkeuring van de leidinggevende',
    en: "Wait for the manager's approval",
  },
  obtain_legal_advice: { nl: 'Vraag advies aan de jurist', en: 'Obtain legal advice' },
  send_answer: { nl: 'Verstuur het antwoord', en: 'Send the answer' },
  send_explanation: {
    nl: 'Leg de klager binnen de termijn uit waarom de klacht buiten de procedure valt',
    en: 'Explain to the complainant within the term why the complaint is outside the procedure',
  },
  post_explanation_letter: {
    nl: 'Post de brief met de uitleg en leg vast op welke dag hij gepost is',
    en: 'Post the letter with the explanation and record the day it was posted',
  },
  decide_policy_finding: {
    nl: 'De leidinggevende kiest: op de MT-agenda of zelf beslissen (uitzondering)',
    en: 'The manager chooses: on the MT agenda or decide this case as an exception',
  },
  pay_compensation: { nl: 'Betaal de toegezegde vergoeding', en: 'Pay the promised compensation' },
  close: { nl: 'Sluit de klacht af', en: 'Close the complaint' },
  record_committee_reference: {
    nl: 'Leg het kenmerk van de klachtencommissie vast',
    en: "Record the complaints committee's reference",
  },
  record_committee_ruling: {
    nl: 'Leg de uitspraak van de klachtencommissie vast',
    en: "Record the complaints committee's ruling",
  },
  record_board_decision: {
    nl: 'De directie beslist over het advies van de commissie',
    en: "The board decides on the committee's advice",
  },
  record_committee_follow_up: {
    nl: 'Leg vast wat er met het besluit van de directie is gedaan',
    en: "Record the follow-up of the board's decision",
  },
  send_board_track_explanation: {
    nl: 'Leg de klager binnen de termijn uit dat de klacht niet in de klachtenprocedure wordt behandeld',
    en: 'Explain to the complainant within the term that the complaint is not handled in the complaints procedure',
  },
  decide_board_track: {
    nl: 'De directie beslist over het vermoeden van een strafbaar feit',
    en: 'The board decides on the suspected criminal offence',
  },
} as const;
export type NextStep = keyof typeof NEXT_STEPS;

// Each answer blocker names the step that removes it (policy 2.3, 2.4, 2.6).
const STEP_FOR_BLOCKER: Record<AnswerProblem, NextStep> = {
  answer_requires_contact: 'contact_complainant',
  answer_requires_assessment: 'record_assessment',
  apology_required: 'complete_assessment',
  error_admission_required: 'complete_assessment',
  verdict_conflicts_with_error: 'complete_assessment',
  compensation_required_for_damage: 'complete_assessment',
  compensation_requires_demonstrable_damage: 'complete_assessment',
  compensation_amount_invalid: 'complete_assessment',
  compensation_requires_approval: 'obtain_manager_approval',
  colleague_discussion_required: 'complete_assessment',
  explanation_required: 'complete_assessment',
  manager_decision_required: 'obtain_manager_approval',
  answer_requires_manager_approval: 'obtain_manager_approval',
  answer_requires_legal_advice: 'obtain_legal_advice',
  answer_must_adopt_legal_advice: 'send_answer',
  answer_must_stand_by_decision: 'send_answer',
  answer_must_state_last_response: 'send_answer',
};

/**
 * The steps still to take, in order; empty when the complaint needs nothing more. Once every approval needed is
 * asked for (`openRequests`), the step is waiting for the approver, not asking again.
 */
export function listNextSteps(
  state: ComplaintState,
  openRequests: readonly OpenApprovalRequest[] = [],
): NextStep[] {
  const steps = listStepsOfStatus(state).map((step) =>
    step === 'obtain_manager_approval' && isWaitingForApprover(state, openRequests)
      ? 'await_manager_approval'
      : step,
  );
  // policy 2.4: a wrong or missing policy waits for the manager's choice, also after a withdrawal
  if (
    isAwaitingManagerRoute(state.assessment) &&
    !steps.includes('obtain_manager_approval') &&
    !steps.includes('await_manager_approval')
  )
    return ['decide_policy_finding', ...steps];
  return steps;
}

function listStepsOfStatus(state: ComplaintState): NextStep[] {
  switch (state.status) {
    case 'new':
      // policy 2.6: after the last response a repeat is only recorded
      if (state.repeat !== null && !state.repeat.answerDuty) return ['record_without_answer_duty'];
      return state.handlerId === null ? ['assign_handler', 'triage'] : ['triage'];
    case 'in_progress': {
      const blockers = listAnswerBlockers({
        ...state,
        requirements: state.repeat?.requirements ?? NO_EXTRA_REQUIREMENTS,
        draft: { adoptsLegalAdvice: true, standsByEarlierDecision: true, statesLastResponse: true },
      });
      const steps: NextStep[] = state.handlerId === null ? ['assign_handler'] : [];
      for (const blocker of blockers) {
        const step = STEP_FOR_BLOCKER[blocker];
        if (!steps.includes(step)) steps.push(step);
      }
      if (!steps.includes('send_answer')) steps.push('send_answer');
      return steps;
    }
    case 'declined_outside_procedure':
      // policy 2.5: a prepared letter has not reached the complainant until it is posted
      return state.explanationLetter === null ? ['send_explanation'] : ['post_explanation_letter'];
    case 'answered':
      return isCompensationSettled(state.assessment) ? ['close'] : ['pay_compensation', 'close']; // policy 2.4
    case 'with_committee': {
      if (state.committee === null) return [];
      const stage = getCommitteeStage(state.committee); // policy 1.3
      if (stage === 'referred') return ['record_committee_reference'];
      if (stage === 'reference_recorded') return ['record_committee_ruling'];
      if (stage === 'ruled') return ['record_board_decision'];
      if (stage === 'board_decided') return ['record_committee_follow_up'];
      return ['close'];
    }
    case 'with_board': {
      // policy 2.5: the complainant is told within the term; the board decides (after an investigation too)
      const steps: NextStep[] = [];
      if (state.boardTrack?.explanation === null) steps.push('send_board_track_explanation');
      if (state.boardTrack?.endedAt === null) steps.push('decide_board_track');
      return steps;
    }
    case 'closed':
    case 'referred':
    case 'withdrawn':
    case 'merged':
      return [];
  }
}

/** The step in words (nl, en); waiting for approval names the approver when known. */
export function describeNextStep(
  step: NextStep,
  names: Readonly<{ approverName: string | null }>,
): Readonly<{ nl: string; en: string }> {
  if (step === 'await_manager_approval' && names.approverName !== null && names.approverName !== '')
    return {
      nl: `Wacht op goedkeuring van ${names.approverName}`,
      en: `Waiting for approval of ${names.approverName}`,
    };
  return NEXT_STEPS[step];
}

// ---- Adjustments followed through (issue 26, decision 053) ----------------------------------------------

/** The steps the complainant's adjustments add: a call-back to make, a channel to follow. */
export type AdjustmentStep = Readonly<{
  code: 'call_back_complainant' | 'follow_preferred_channel';
  nl: string;
  en: string;
  /** Late, or the answer term nearly ends: shown first and marked. */
  urgent: boolean;
}>;

export type AdjustmentFollowUp = Readonly<{
  /** What the term monitor found not followed (adjustmentWarnings), computed once by the server. */
  warnings: readonly AdjustmentWarning[];
  /** The open call-back task (openCallBackTask), or null. */
  callBack: CallBackTask | null;
  callBackTimes: Readonly<{ dayParts: readonly DayPart[]; note: string | null }> | null;
  preferredChannel: ContactChannel;
}>;

const CHANNEL_WORDS: Record<ContactChannel, { nl: string; en: string }> = {
  email: { nl: 'e-mail', en: 'e-mail' },
  letter: { nl: 'een brief', en: 'a letter' },
  phone: { nl: 'telefoon', en: 'the phone' },
  portal: { nl: 'het klantportaal', en: 'the portal' },
};

/**
 * The adjustments' steps for the next-steps list, worded for action: a call-back (with when and what about)
 * while one is open or the term monitor misses it, and a message to send again by the channel asked for when an
 * e-mail went despite the preference.
 */
export function listAdjustmentSteps(followUp: AdjustmentFollowUp): AdjustmentStep[] {
  const steps: AdjustmentStep[] = [];
  const callBackMissing = followUp.warnings.includes('call_back_missing');
  if (followUp.callBack !== null || callBackMissing) {
    const urgent = callBackMissing || followUp.callBack?.late === true;
    steps.push({
      code: 'call_back_complainant',
      ...describeCallBack(followUp.callBack?.topics ?? [], followUp.callBackTimes, urgent),
      urgent,
    });
  }
  if (followUp.warnings.includes('emailed_despite_preference')) {
    const channel = CHANNEL_WORDS[followUp.preferredChannel];
    steps.push({
      code: 'follow_preferred_channel',
      nl: `De klager vroeg om ${channel.nl}, maar kreeg een e-mail: breng het bericht via ${channel.nl} over`,
      en: `The complainant asked for ${channel.en} but was e-mailed: convey the message by ${channel.en}`,
      urgent: true,
    });
  }
  return steps.sort((a, b) => Number(b.urgent) - Number(a.urgent));
}
