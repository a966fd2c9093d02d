import type { AnswerRecipients, ContactRecord, LegalAdvice } from './answer-guards.ts';
import type { Assessment, AssessmentEffect } from './assessment.ts';
import type { BoardTrack } from './board-track.ts';
import type { CalendarSettings } from './calendar-settings.ts';
import type { CommitteeCase } from './committee.ts';
import type { IntakeChannel } from './complaint-category.ts';
import { computeDueAt } from './complaint-term.ts';
import type { ExplanationLetter } from './explanation-letter.ts';
import type { ComplaintTerm } from './extension.ts';
import type { PolicyFindingEffect } from './policy-finding.ts';
import {
  classifyRepeat,
  type RepeatClassification,
  type RepeatEffect,
  type RepeatInput,
} from './repeat-complaint.ts';
import { fail, type Outcome, succeed } from './result.ts';
import type { Approval } from './roles.ts';
import type { Referral, TriageDecision } from './triage.ts';

// Where a complaint stands; labels are what users see.
export const COMPLAINT_STATUSES = {
  new: 'Nieuw',
  in_progress: 'In behandeling',
  answered: 'Beantwoord',
  with_committee: 'Bij de klachtencommissie',
  closed: 'Afgesloten',
  referred: 'Doorverwezen',
  declined_outside_procedure: 'Buiten de klachtenprocedure',
  withdrawn: 'Ingetrokken',
  with_board: 'Bij de directie',
  /** Issue 22: received twice; merged into the complaint that is handled (merged_into_id). */
  merged: 'Samengevoegd',
} as const;
export type ComplaintStatus = keyof typeof COMPLAINT_STATUSES;

/**
 * The statuses in which the five-working-day term runs; only these can be due or late (policy 2.3). On the
 * board's track (policy 2.5, 'with_board') the term stops, so such a complaint is never counted late.
 */
export const TERM_RUNNING_STATUSES = [
  'new',
  'in_progress',
  'declined_outside_procedure',
] as const satisfies readonly ComplaintStatus[];

export function isTermRunning(status: ComplaintStatus): boolean {
  return (TERM_RUNNING_STATUSES as readonly ComplaintStatus[]).includes(status);
}

/** What the domain needs to know about one complaint to decide its next step. */
export type ComplaintState = Readonly<{
  status: ComplaintStatus;
  channel: IntakeChannel;
  receivedAt: Date;
  term: ComplaintTerm;
  responsibleManagerId: string | null;
  managementAssistantIds: readonly string[];
  handlerId: string | null;
  repeat: RepeatClassification | null;
  triage: TriageDecision | null;
  contacts: readonly ContactRecord[];
  writtenOnlyReason: string | null;
  assessment: Assessment | null;
  managerApproval: Approval | null;
  legalAdvice: LegalAdvice | null;
  answeredAt: Date | null;
  committee: CommitteeCase | null;
  criminalOffence: Readonly<{ flaggedAt: Date; flaggedBy: string }> | null;
  /** policy 2.5: the board's track of a suspected criminal offence. */
  boardTrack: BoardTrack | null;
  withdrawal: Readonly<{ at: Date; reason: string }> | null;
  /** policy 2.5: the explanation as a letter to post, when the complainant has no e-mail address. */
  explanationLetter: ExplanationLetter | null;
  closedAt: Date | null;
}>;

/** Side effects a service carries out after saving a decision (notifications, mail, counters). */
export type ComplaintEffect =
  | { readonly type: 'notify_board'; readonly reason: 'suspected_criminal_offence' }
  | { readonly type: 'record_referral'; readonly referral: Referral }
  | { readonly type: 'send_answer'; readonly recipients: AnswerRecipients }
  | { readonly type: 'send_explanation'; readonly text: string }
  | { readonly type: 'prepare_explanation_letter'; readonly text: string }
  | { readonly type: 'notify_complainant_of_extension'; readonly dueAt: Date; readonly text: string }
  | AssessmentEffect
  | PolicyFindingEffect
  | RepeatEffect;

export type OpenComplaintInput = Readonly<{
  receivedAt: Date;
  channel: IntakeChannel;
  responsibleManagerId: string | null;
  managementAssistantIds: readonly string[];
  repeat: RepeatInput | null;
}>;

/** Registers a complaint from any channel; the term is computed once, here (policy 2.1, 2.2, 2.3). */
export function openComplaint(
  input: OpenComplaintInput,
  settings: CalendarSettings,
  now: Date,
): Outcome<{ state: ComplaintState; effects: ComplaintEffect[] }, 'received_in_future'> {
  if (input.receivedAt.getTime() > now.getTime()) return fail('received_in_future');
  const deadline = computeDueAt(input.receivedAt, settings); // policy 2.3: stored, never recomputed
  const repeat = input.repeat === null ? null : classifyRepeat(input.repeat); // policy 2.6
  const state: ComplaintState = {
    status: 'new',
    channel: input.channel,
    receivedAt: input.receivedAt,
    term: {
      termStartDay: deadline.termStartDay,
      originalDueAt: deadline.dueAt,
      dueAt: deadline.dueAt,
      settingsVersion: deadline.settingsVersion,
      extensions: [],
    },
    // policy 2.6: in an employee-caused repeat the employee's manager takes charge
    responsibleManagerId: repeat?.managingManagerId ?? input.responsibleManagerId,
    managementAssistantIds: input.managementAssistantIds,
    handlerId: null,
    repeat,
    triage: null,
    contacts: [],
    writtenOnlyReason: null,
    assessment: null,
    managerApproval: null,
    legalAdvice: null,
    answeredAt: null,
    committee: null,
    criminalOffence: null,
    boardTrack: null,
    withdrawal: null,
    explanationLetter: null,
    closedAt: null,
  };
  return succeed({ state, effects: [...(repeat?.effects ?? [])] });
}

/** Who watches the term: the manager in an employee-caused repeat, otherwise the handler (policy 2.3, 2.6). */
export function getTermOwnerId(state: ComplaintState): string | null {
  return state.repeat?.managingManagerId ?? state.handlerId;
}

/**
 * Does the complaint carry an answer term? Not a repeat past the last response without a lawyer (policy 2.6:
 * recorded, no new answer duty): it has no due date, no reminders and no term in the reports.
 */
export function hasAnswerTerm(state: Pick<ComplaintState, 'repeat'>): boolean {
  return state.repeat === null || state.repeat.answerDuty;
}
