// Every kind of event a complaint's timeline can hold (issue 22). The server stores only these (its event types
// are typed with `TimelineEventType`), and the web labels each in Dutch and English: a new kind without a label
// fails `test/contract/code-labels.test.ts`, so the timeline never shows a raw code.
import { COMPLAINT_ACTION_TYPES } from './complaint-actions.ts';

/** Events that are not a lifecycle step of their own: registration, effects, contacts, mail, the portal. */
export const TIMELINE_FACT_TYPES = [
  'registered',
  'portal_intake',
  'routed',
  'housing_complex_changed',
  'complainant_locale_changed',
  'contact_logged',
  'note_added',
  'written_only_reason_recorded',
  'assessment_recorded',
  'approval_requested',
  'approval_given',
  'approval_refused',
  // issue 22 (decision 035): a complaint received twice is merged into the one that stays
  'merged_into',
  'complaint_merged_in',
  'legal_advice_requested',
  'legal_advice_given',
  'compensation_paid',
  'extension_notice_sent',
  'complainant_letter_posted',
  'complainant_update_not_sent',
  'explanation_sent',
  'explanation_prepared',
  'answer_sent',
  'board_notified',
  'marked_confidential',
  'confidentiality_lifted',
  'manager_consulted',
  'put_on_management_team_agenda',
  'employee_repeat_event',
  'referral_recorded',
  'acknowledgement_queued',
  'attachment_added',
  'letter_posted',
  'policy_finding_referred',
  'message_sent',
  'message_failed',
  'email_received',
  'complainant_message',
  'satisfaction_requested',
  'satisfaction_follow_up_requested',
  // issue 26 (decision 051): which kinds of adjustment changed, never their values
  'adjustments_changed',
  // issue 26 (decision 053): adjustments followed through — a copy for the representative, a call-back to make
  'representative_copy_queued',
  'representative_copy_not_sent',
  'call_back_requested',
] as const;

/** A lifecycle step is stored under its action's name (`answer`, `close`…), the other facts under their own. */
export const TIMELINE_EVENT_TYPES = [...COMPLAINT_ACTION_TYPES, ...TIMELINE_FACT_TYPES] as const;

export type TimelineEventType = (typeof TIMELINE_EVENT_TYPES)[number];
