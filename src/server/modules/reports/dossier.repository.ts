import { sql } from 'kysely';
import type { ReportPeriod } from '../../../domain/index.ts';
import type { Scoped } from '../../db/tenant-scope.ts';

// The SQL of the complex dossier: the complaints of one complex in a period, each with its case file.

const AMSTERDAM = 'Europe/Amsterdam';
const startOf = (day: string) => sql`(${day}::date)::timestamp at time zone ${AMSTERDAM}`;

export async function findComplex(trx: Scoped, id: string) {
  const { rows } = await sql<{ id: string; complexNumber: string; name: string; place: string }>`
    select id, complex_number as "complexNumber", name, place from housing_complex where id = ${id}::uuid`.execute(
    trx,
  );
  return rows[0];
}

export type DossierComplaint = {
  id: string;
  reference: string;
  status: string;
  channel: string;
  confidential: boolean;
  receivedAt: Date;
  originalDueAt: Date;
  dueAt: Date;
  hasAnswerTerm: boolean;
  answeredAt: Date | null;
  closedAt: Date | null;
  description: string;
  desiredOutcome: string | null;
  category: string | null;
  subjectKind: string | null;
  triage: Record<string, unknown> | null;
  assessment: Record<string, unknown> | null;
  outcome: string | null;
  committee: Record<string, unknown> | null;
  answerText: string | null;
  handlerId: string | null;
  responsibleManagerId: string | null;
  departmentId: string | null;
  housingComplexId: string | null;
  confidentialReason: string | null;
  subjectEmployeeId: string | null;
  subjectEmployeeDepartmentId: string | null;
  complainantName: string | null;
  handlerName: string | null;
  subjectEmployeeName: string | null;
  contractorName: string | null;
};

const DOSSIER_COLUMNS = sql`
    select c.id, c.reference, c.status, c.channel, c.confidential, c.received_at as "receivedAt",
           c.original_due_at as "originalDueAt", c.due_at as "dueAt", c.has_answer_term as "hasAnswerTerm",
           c.answered_at as "answeredAt",
           c.closed_at as "closedAt", c.description, c.desired_outcome as "desiredOutcome", c.category,
           c.subject_kind as "subjectKind", c.triage, c.assessment, c.outcome, c.committee,
           c.answer_text as "answerText", c.handler_id as "handlerId",
           c.responsible_manager_id as "responsibleManagerId", c.department_id as "departmentId",
           c.housing_complex_id as "housingComplexId",
           c.confidential_reason_code as "confidentialReason", c.subject_employee_id as "subjectEmployeeId",
           e.department_id as "subjectEmployeeDepartmentId",
           p.name as "complainantName", h.name as "handlerName", e.name as "subjectEmployeeName",
           k.name as "contractorName"
    from complaint c
    left join person p on p.id = c.complainant_id
    left join staff_user h on h.id = c.handler_id
    left join staff_user e on e.id = c.subject_employee_id
    left join contractor k on k.id = c.subject_contractor_id`;

export async function complexComplaints(trx: Scoped, complexId: string, period: ReportPeriod) {
  const { rows } = await sql<DossierComplaint>`${DOSSIER_COLUMNS}
    where c.housing_complex_id = ${complexId}::uuid
      and c.received_at >= ${startOf(period.from)} and c.received_at < ${startOf(period.until)}
    order by c.received_at, c.reference`.execute(trx);
  return rows;
}

/** One complaint's case file, for the committee's dossier of that complaint (policy 1.3). */
export async function dossierComplaint(trx: Scoped, complaintId: string) {
  const { rows } = await sql<DossierComplaint>`${DOSSIER_COLUMNS}
    where c.id = ${complaintId}::uuid`.execute(trx);
  return rows[0];
}

export async function timeline(trx: Scoped, complaintId: string) {
  const { rows } = await sql<{
    at: Date;
    type: string;
    summary: string | null;
    payload: Record<string, unknown>;
    actorId: string | null;
    actorName: string | null;
  }>`
    select e.at, e.type, e.summary, e.payload, e.actor_user_id as "actorId", s.name as "actorName"
    from complaint_event e left join staff_user s on s.id = e.actor_user_id
    where e.complaint_id = ${complaintId}::uuid order by e.id`.execute(trx);
  return rows;
}

export async function messages(trx: Scoped, complaintId: string) {
  const { rows } = await sql<{
    createdAt: Date;
    kind: string;
    subject: string;
    bodyText: string;
    status: string;
  }>`
    select created_at as "createdAt", kind, subject, body_text as "bodyText", status
    from outbox_message where complaint_id = ${complaintId}::uuid order by created_at`.execute(trx);
  return rows;
}

/** Attachments still held (an erased file is left out; to_jsonb keeps this working before erasure existed). */
export async function attachments(trx: Scoped, complaintId: string) {
  const { rows } = await sql<{ id: string; fileName: string; storageKey: string; sizeBytes: number }>`
    select a.id, a.file_name as "fileName", a.storage_key as "storageKey", a.size_bytes as "sizeBytes"
    from complaint_attachment a
    where a.complaint_id = ${complaintId}::uuid and (to_jsonb(a) ->> 'erased_at') is null
    order by a.uploaded_at`.execute(trx);
  return rows;
}
