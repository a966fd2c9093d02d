import type { ReportPeriod } from '../../../../domain/report-measures.ts';

// The names of the report's complaint sets and dimensions (docs/measures.md), without their SQL: routes and the
// builder speak of them, measures.repository.ts defines each one.

export const COMPLAINT_SET_NAMES = [
  'received',
  'taken_into_handling',
  'board_track',
  'board_track_explained_on_time',
  'outside_procedure',
  'not_a_complaint',
  'repeats',
  'last_response',
  'linked_to_action',
  'answered',
  'answered_on_time_original',
  'answered_on_time_extended',
  'answered_late_original',
  'extended',
  'satisfaction_responded',
  'closed',
  'committee_referred',
  'committee_ruled',
  'compensation_paid',
] as const;
export type ComplaintSet = (typeof COMPLAINT_SET_NAMES)[number];

export const DIMENSION_NAMES = [
  'channel',
  'category',
  'subject_kind',
  'department',
  'concerned_department',
  'complex',
  'contractor',
  'ground',
  'referral_kind',
  'outcome',
  'verdict',
  'rung',
  'board_decision',
  'month',
] as const;
export type Dimension = (typeof DIMENSION_NAMES)[number];

export type ReportScope = Readonly<{
  period: ReportPeriod;
  departmentId: string | null;
  /** A dashboard filter: only complaints of this category. */
  category?: string | null;
}>;
