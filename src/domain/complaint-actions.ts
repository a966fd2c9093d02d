import type { AnswerDraft } from './answer-guards.ts';
import type { BoardTrackDecisionKind } from './board-track.ts';
import type { CalendarSettings } from './calendar-settings.ts';
import type { BoardDecision, CommitteeFollowUp, CommitteePrecedent, CommitteeRuling } from './committee.ts';
import type { ExtensionRequest } from './extension.ts';
import type { LocalDate } from './local-date.ts';
import type { Actor } from './roles.ts';
import type { TriageInput } from './triage.ts';

/** Everything that can happen to a complaint; each is whitelisted per status in complaint-lifecycle.ts. */
export type ComplaintAction =
  | {
      readonly type: 'accept_as_complaint';
      readonly triage: Extract<TriageInput, { outcome: 'complaint' }>;
      readonly precedent: CommitteePrecedent | null;
    }
  | {
      readonly type: 'refer_as_not_a_complaint';
      readonly triage: Extract<TriageInput, { outcome: 'not_a_complaint' }>;
    }
  | {
      readonly type: 'decline_outside_procedure';
      readonly triage: Extract<TriageInput, { outcome: 'outside_procedure' }>;
      readonly precedent: CommitteePrecedent | null;
    }
  | { readonly type: 'record_without_answer_duty' }
  | { readonly type: 'assign_handler'; readonly handlerId: string }
  | { readonly type: 'extend_term'; readonly request: ExtensionRequest }
  | { readonly type: 'answer'; readonly draft: AnswerDraft }
  | { readonly type: 'send_explanation' }
  | { readonly type: 'prepare_explanation_letter' }
  | { readonly type: 'record_letter_posted'; readonly postedOn: LocalDate }
  | { readonly type: 'refer_to_committee' }
  | { readonly type: 'record_committee_reference'; readonly reference: string }
  | { readonly type: 'record_committee_ruling'; readonly ruling: CommitteeRuling }
  | { readonly type: 'record_board_decision'; readonly decision: BoardDecision }
  | { readonly type: 'record_committee_follow_up'; readonly followUp: CommitteeFollowUp }
  | { readonly type: 'close' }
  | { readonly type: 'withdraw'; readonly reason: string }
  | { readonly type: 'flag_criminal_offence' }
  | {
      readonly type: 'decide_board_track';
      readonly decision: Readonly<{ kind: BoardTrackDecisionKind; text: string }>;
    };

export type ComplaintActionType = ComplaintAction['type'];
export type ComplaintActionOf<T extends ComplaintActionType> = Extract<ComplaintAction, { type: T }>;

export const COMPLAINT_ACTION_TYPES = [
  'accept_as_complaint',
  'refer_as_not_a_complaint',
  'decline_outside_procedure',
  'record_without_answer_duty',
  'assign_handler',
  'extend_term',
  'answer',
  'send_explanation',
  'prepare_explanation_letter',
  'record_letter_posted',
  'refer_to_committee',
  'record_committee_reference',
  'record_committee_ruling',
  'record_board_decision',
  'record_committee_follow_up',
  'close',
  'withdraw',
  'flag_criminal_offence',
  'decide_board_track',
] as const satisfies readonly ComplaintActionType[];

/** `now`, the acting user and the calendar settings are always passed in, never read from the world. */
export type TransitionContext = Readonly<{ now: Date; actor: Actor; settings: CalendarSettings }>;
