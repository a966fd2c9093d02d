import type { ComplaintDetail } from '../../../../contract/complaints.ts';
import {
  type CalendarSettings,
  type ComplaintReader,
  type ComplaintState,
  type ComplaintStatus,
  type ConfidentialityReason,
  describeNextStep,
  describeTermProgress,
  explainTerm,
  hasAnswerTerm,
  isTermRunning,
  listApprovalWaits,
  listNextSteps,
  listOpenApprovalRequests,
  maySeeBoardTrack,
  proposeApprovalSubject,
  REPEAT_RUNGS,
  type RepeatInput,
  timelineFor,
} from '../../../../domain/index.ts';
import type { Scoped } from '../../../db/tenant-scope.ts';
import { timelineSight, toAccess } from '../access/complaint-access.ts';
import { getBoardReminderWorkingDays } from '../board-reminder.repository.ts';
import type { AccessLogEntry, ComplaintRow } from '../complaint.repository.ts';
import * as repository from '../complaint.repository.ts';
import { approvalHistoryOf } from '../mappers/approval-history.mapper.ts';
import { toComplaintState } from '../mappers/complaint-state.mapper.ts';
import { buildResponsibility } from '../routing/complaint-responsibility.ts';
import { describeBoardTrack } from './board-track-detail.ts';

/**
 * The working-day countdown, `stopped` once the complaint no longer waits for us (policy 2.3, 2.5), or `no_term`
 * for a repeat recorded without an answer term (policy 2.6; `dueAt` null).
 */
export function termProgressOf(
  status: ComplaintStatus,
  dueAt: Date | null,
  settings: CalendarSettings,
  now: Date,
): ComplaintDetail['term']['progress'] {
  if (dueAt === null) return { state: 'no_term' };
  return isTermRunning(status) ? describeTermProgress(now, dueAt, settings) : { state: 'stopped' };
}

type RepeatFacts = Pick<NonNullable<ComplaintDetail['repeat']>, 'kind' | 'lawyer' | 'cause' | 'employee'>;

/** What was said at intake about a repeat (policy 2.6): its kind, a lawyer's part, and the employee's answer. */
function describeRepeatInput(
  stored: unknown,
  staffName: (id: string | null) => { id: string; name: string } | null,
): RepeatFacts {
  const input = (stored ?? {}) as Partial<RepeatInput>;
  if (input.kind === 'employee_response')
    return {
      kind: 'employee_response',
      lawyer: input.lawyer ?? 'none',
      cause: input.cause ?? null,
      employee: staffName(input.employeeId ?? null),
    };
  return { kind: 'disagrees_with_decision', lawyer: input.lawyer ?? 'none', cause: null, employee: null };
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString());
const asRecord = (value: unknown) => (value ?? null) as Record<string, unknown> | null;

export async function loadState(trx: Scoped, row: ComplaintRow): Promise<ComplaintState> {
  return toComplaintState(row, await repository.listContacts(trx, row.id));
}

/**
 * Everything the detail screen shows: the complaint, its people, the term, next steps and the timeline — as this
 * reader may see it (issue 20: `timelineFor` filters the events, a hidden earlier complaint is not named, the
 * board's track is shown only to who may see a board-track complaint).
 */
export async function buildDetail(
  trx: Scoped,
  row: ComplaintRow,
  settings: CalendarSettings,
  now: Date,
  reader: ComplaintReader,
  /** A read to record in the access log with the relations' query (getComplaint). */
  accessLog?: AccessLogEntry,
): Promise<ComplaintDetail> {
  // The timeline holds every event in order, contact moments included: the state needs no query of its own.
  // It comes with the relations (and the access log entry) in one statement (decision 055).
  const { relations, timeline: events } = await repository.loadDetailRelations(trx, row, accessLog);
  const { mergedInto, mergedFrom } = relations;
  const state = toComplaintState(row, repository.contactsOf(events));
  const access = toAccess(row);
  const sight = await timelineSight(trx, reader, access, events, [
    state.repeat?.earlierComplaintId ?? null,
    row.matter_id === row.id ? null : row.matter_id,
    row.merged_into_id,
    ...mergedFrom.map((m) => m.id),
  ]);
  const timeline = timelineFor(sight, events);
  const showsBoardTrack = maySeeBoardTrack(reader, access);
  const reminderWorkingDays =
    state.boardTrack === null || !showsBoardTrack
      ? 0
      : await getBoardReminderWorkingDays(trx, row.organization_id);
  const staffName = (id: string | null) =>
    id === null ? null : { id, name: relations.staff.find((s) => s.id === id)?.name ?? '' };
  const departmentRef = (id: string | null) =>
    id === null ? null : { id, name: relations.departments.find((d) => d.id === id)?.name ?? '' };
  const unit = relations.unit;
  // policy 2.3, 2.4, 2.6: what waits for the manager, and for whom; once asked, the next step is to wait
  const openRequests = listOpenApprovalRequests(approvalHistoryOf(events));
  const waits = listApprovalWaits(state, openRequests);
  const approverName = staffName(waits[0]?.approverId ?? null)?.name ?? null;
  const assessment = state.assessment;
  const compensationCents =
    assessment?.kind === 'policy_not_followed' ? (assessment.compensation?.amountCents ?? null) : null;
  const subject =
    row.subject_kind === null
      ? null
      : row.subject_kind === 'employee'
        ? {
            kind: 'employee',
            id: row.subject_employee_id,
            name: staffName(row.subject_employee_id)?.name ?? null,
          }
        : row.subject_kind === 'department'
          ? {
              kind: 'department',
              id: row.subject_department_id,
              name: departmentRef(row.subject_department_id)?.name ?? null,
            }
          : row.subject_kind === 'none'
            ? { kind: 'none', id: null, name: null }
            : { kind: 'contractor', id: row.subject_contractor_id, name: relations.contractor?.name ?? null };
  return {
    id: row.id,
    reference: row.reference,
    matterId:
      row.matter_id === row.id || sight.visibleOtherComplaintIds.has(row.matter_id) ? row.matter_id : null,
    status: state.status,
    channel: state.channel,
    receivedAt: row.received_at.toISOString(),
    registeredAt: row.registered_at.toISOString(),
    registeredBy: staffName(row.registered_by),
    complainant: relations.complainant ?? null,
    representative: relations.representative
      ? {
          id: relations.representative.id,
          name: relations.representative.name,
          relation: relations.representative.relation,
          email: relations.representative.email,
          phone: relations.representative.phone,
          consentNoted: relations.representative.consent_noted,
        }
      : null,
    unit: unit
      ? {
          id: unit.id,
          address: `${unit.street} ${unit.house_number}${unit.house_number_addition ? `-${unit.house_number_addition}` : ''}, ${unit.place}`,
          postcode: unit.postcode,
        }
      : null,
    housingComplex: relations.complex
      ? {
          id: relations.complex.id,
          name: relations.complex.name,
          complexNumber: relations.complex.complex_number,
        }
      : null,
    department: departmentRef(row.department_id),
    description: row.description,
    desiredOutcome: row.desired_outcome,
    confidential: row.confidential,
    confidentialReason:
      row.confidential && row.confidential_reason_code !== null
        ? {
            code: row.confidential_reason_code as ConfidentialityReason,
            text: row.confidential_reason,
          }
        : null,
    complainantLocale: row.complainant_locale,
    criminalSuspicion: row.criminal_suspicion,
    triage: asRecord(row.triage),
    category: row.category as ComplaintDetail['category'],
    subject,
    subjectEmployeeDepartmentId: row.subject_employee_department_id,
    handler: staffName(row.handler_id),
    responsibleManager: staffName(row.responsible_manager_id),
    responsibility: await buildResponsibility(trx, row, relations),
    term: {
      startDay: state.term.termStartDay,
      answerTerm: hasAnswerTerm(state),
      originalDueAt: hasAnswerTerm(state) ? state.term.originalDueAt.toISOString() : null,
      dueAt: hasAnswerTerm(state) ? state.term.dueAt.toISOString() : null,
      extensions: row.term_extensions as Record<string, unknown>[],
      progress: termProgressOf(state.status, hasAnswerTerm(state) ? state.term.dueAt : null, settings, now),
      explanation: hasAnswerTerm(state) ? explainTerm(state.receivedAt, state.term, settings) : null,
    },
    repeat: state.repeat
      ? {
          earlierComplaintId: sight.visibleOtherComplaintIds.has(state.repeat.earlierComplaintId)
            ? state.repeat.earlierComplaintId
            : null,
          ...describeRepeatInput(row.repeat_input, staffName),
          rung: state.repeat.rung,
          rungLabel: REPEAT_RUNGS[state.repeat.rung],
          answerDuty: state.repeat.answerDuty,
          requirements: { ...state.repeat.requirements },
        }
      : null,
    writtenOnlyReason: row.written_only_reason,
    assessment: asRecord(row.assessment),
    outcome: row.outcome as ComplaintDetail['outcome'],
    compensationCents: row.compensation_cents,
    improvementSuggestions: row.improvement_suggestions,
    managerApproval: asRecord(row.manager_approval),
    legalAdvice: asRecord(row.legal_advice),
    committee: asRecord(row.committee),
    boardTrack: showsBoardTrack
      ? describeBoardTrack(state.boardTrack, reminderWorkingDays, settings, staffName)
      : null,
    answer:
      row.answer_text !== null && row.answered_at !== null
        ? {
            text: row.answer_text,
            answeredAt: row.answered_at.toISOString(),
            recipients: asRecord(row.answer_recipients),
          }
        : null,
    withdrawal: asRecord(row.withdrawal),
    explanationLetter:
      state.explanationLetter === null
        ? null
        : {
            preparedAt: state.explanationLetter.preparedAt.toISOString(),
            postedOn: state.explanationLetter.postedOn,
          },
    closedAt: iso(row.closed_at),
    // issue 22: only complaints the reader may see whole are named (issue 20: no oracle)
    mergedInto:
      mergedInto !== null && sight.visibleOtherComplaintIds.has(mergedInto.id)
        ? { id: mergedInto.id, reference: mergedInto.reference }
        : null,
    mergedFrom: mergedFrom
      .filter((m) => sight.visibleOtherComplaintIds.has(m.id))
      .map((m) => ({ id: m.id, reference: m.reference, receivedAt: new Date(m.received_at).toISOString() })),
    nextSteps: listNextSteps(state, openRequests).map((code) => ({
      code,
      ...describeNextStep(code, { approverName }),
    })),
    approvals: {
      waiting: waits.map((w) => ({
        subject: w.subject,
        approver: staffName(w.approverId),
        requestedAt: iso(w.requestedAt),
        amountCents: w.subject === 'compensation' ? compensationCents : null,
        holds: [...w.holds],
      })),
      proposedSubject: proposeApprovalSubject(state, openRequests),
    },
    version: row.version,
    timeline: timeline.map((e) => ({
      id: e.id,
      type: e.type,
      at: e.at.toISOString(),
      actor:
        e.actor_user_id !== null
          ? { kind: 'staff' as const, id: e.actor_user_id, name: e.userName }
          : e.actor_token_id !== null
            ? { kind: 'token' as const, id: e.actor_token_id, name: e.tokenName }
            : { kind: 'system' as const, id: null, name: null },
      contact:
        e.contact_kind !== null && e.contact_direction !== null
          ? {
              kind: e.contact_kind as 'phone' | 'in_person' | 'email' | 'letter',
              direction: e.contact_direction as 'inbound' | 'outbound',
            }
          : null,
      summary: e.summary,
      payload: e.payload,
    })),
  };
}
