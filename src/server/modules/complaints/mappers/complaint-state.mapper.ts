import {
  type Assessment,
  type ComplaintState,
  type ComplaintStatus,
  type ContactRecord,
  hasAnswerTerm,
  type IntakeChannel,
} from '../../../../domain/index.ts';
import type { ComplaintRow } from '../complaint.repository.ts';

const DATE_KEY = /(^at$|At$)/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** jsonb comes back with instants as strings; the domain works with Dates (keys `at` / `…At`). */
export function reviveDates<T>(value: unknown): T {
  if (Array.isArray(value)) return value.map((item) => reviveDates(item)) as T;
  if (value === null || typeof value !== 'object') return value as T;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] =
      DATE_KEY.test(key) && typeof inner === 'string' && ISO_INSTANT.test(inner)
        ? new Date(inner)
        : reviveDates(inner);
  }
  return out as T;
}

/** Rebuilds the domain's view of one complaint from its row and its contact moments. */
export function toComplaintState(row: ComplaintRow, contacts: readonly ContactRecord[]): ComplaintState {
  return {
    status: row.status as ComplaintStatus,
    channel: row.channel as IntakeChannel,
    receivedAt: row.received_at,
    term: {
      termStartDay: row.term_start_day,
      originalDueAt: row.original_due_at,
      dueAt: row.due_at,
      settingsVersion: row.calendar_settings_version,
      extensions: reviveDates(row.term_extensions),
    },
    responsibleManagerId: row.responsible_manager_id,
    managementAssistantIds: row.management_assistant_ids,
    handlerId: row.handler_id,
    repeat: reviveDates(row.repeat),
    triage: reviveDates(row.triage),
    contacts,
    writtenOnlyReason: row.written_only_reason,
    assessment: reviveDates<Assessment | null>(row.assessment),
    managerApproval: reviveDates(row.manager_approval),
    legalAdvice: reviveDates(row.legal_advice),
    answeredAt: row.answered_at,
    committee: reviveDates(row.committee),
    criminalOffence: reviveDates(row.criminal_offence),
    boardTrack: reviveDates(row.board_track),
    withdrawal: reviveDates(row.withdrawal),
    explanationLetter:
      row.explanation_prepared_at === null
        ? null
        : { preparedAt: row.explanation_prepared_at, postedOn: row.explanation_posted_on },
    closedAt: row.closed_at,
  };
}

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/** The columns that mirror the domain state (jsonb as text for pg). */
export function stateColumns(state: ComplaintState) {
  const triage = state.triage;
  return {
    status: state.status,
    received_at: state.receivedAt,
    term_start_day: state.term.termStartDay,
    original_due_at: state.term.originalDueAt,
    due_at: state.term.dueAt,
    calendar_settings_version: state.term.settingsVersion,
    term_extensions: JSON.stringify(state.term.extensions),
    responsible_manager_id: state.responsibleManagerId,
    management_assistant_ids: [...state.managementAssistantIds],
    handler_id: state.handlerId,
    repeat: json(state.repeat),
    repeat_rung: state.repeat?.rung ?? null,
    triage: json(triage),
    triage_outcome: triage?.outcome ?? null,
    category: triage?.outcome === 'complaint' ? triage.category : null,
    subject_kind: triage?.outcome === 'complaint' ? triage.subject.kind : null,
    written_only_reason: state.writtenOnlyReason,
    assessment: json(state.assessment),
    outcome: state.assessment?.verdict ?? null,
    compensation_cents:
      state.assessment?.kind === 'policy_not_followed'
        ? (state.assessment.compensation?.amountCents ?? null)
        : null,
    manager_approval: json(state.managerApproval),
    legal_advice: json(state.legalAdvice),
    answered_at: state.answeredAt,
    committee: json(state.committee),
    criminal_offence: json(state.criminalOffence),
    criminal_suspicion: state.criminalOffence !== null,
    board_track: json(state.boardTrack),
    withdrawal: json(state.withdrawal),
    closed_at: state.closedAt,
    has_answer_term: hasAnswerTerm(state),
    explanation_prepared_at: state.explanationLetter?.preparedAt ?? null,
    explanation_posted_on: state.explanationLetter?.postedOn ?? null,
  };
}
