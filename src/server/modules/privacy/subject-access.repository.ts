import { sql } from 'kysely';
import type { Scoped } from '../../db/tenant-scope.ts';
import { subjectEmployeeDepartment } from '../complaints/index.ts';

// Everything Gehoord holds about one person (AVG art. 15), read under the organisation's row-level security.

export async function findPersonWithAddress(trx: Scoped, personId: string) {
  return trx
    .selectFrom('person as p')
    .leftJoin('unit as u', 'u.id', 'p.unit_id')
    .select([
      'p.id',
      'p.name',
      'p.email',
      'p.phone',
      'p.postal_address',
      'p.relation',
      'p.external_id',
      'p.created_at',
      'p.anonymised_at',
      'u.street',
      'u.house_number',
      'u.house_number_addition',
      'u.postcode',
      'u.place',
    ])
    .where('p.id', '=', personId)
    .executeTakeFirst();
}

export async function findComplaints(trx: Scoped, personId: string) {
  return trx
    .selectFrom('complaint as c')
    .leftJoin('housing_complex as h', 'h.id', 'c.housing_complex_id')
    .leftJoin('representative as r', 'r.id', 'c.representative_id')
    .leftJoin('department as d', 'd.id', 'c.department_id')
    .select([
      'c.id',
      'c.reference',
      'c.channel',
      'c.received_at',
      'c.status',
      'c.category',
      'c.description',
      'c.desired_outcome',
      'c.outcome',
      'c.compensation_cents',
      'c.answer_text',
      'c.answered_at',
      'c.closed_at',
      'c.due_at',
      'h.name as housingComplexName',
      'd.name as departmentName',
      'r.name as representativeName',
      'r.email as representativeEmail',
      'r.relation as representativeRelation',
      // who may see it (complaintExposure): decides whole or minimised in the export
      'c.handler_id',
      'c.responsible_manager_id',
      'c.department_id',
      'c.confidential',
      'c.confidential_reason_code',
      'c.subject_employee_id',
      subjectEmployeeDepartment('c').as('subject_employee_department_id'),
    ])
    .where('c.complainant_id', '=', personId)
    .orderBy('c.received_at')
    .execute();
}

/** The timeline of the person's complaints; what of it is exported is decided per reader (timelineFor). */
export async function findEvents(trx: Scoped, complaintIds: readonly string[]) {
  if (complaintIds.length === 0) return [];
  return trx
    .selectFrom('complaint_event')
    .select(['complaint_id', 'type', 'at', 'summary', 'payload', 'contact_kind', 'contact_direction'])
    .where('complaint_id', 'in', [...complaintIds])
    .orderBy('id')
    .execute();
}

export async function findOutboundMessages(
  trx: Scoped,
  complaintIds: readonly string[],
  email: string | null,
) {
  if (complaintIds.length === 0 && email === null) return [];
  return trx
    .selectFrom('outbox_message')
    .select([
      'id',
      'complaint_id',
      'kind',
      'recipient_to',
      'recipient_cc',
      'subject',
      'body_text',
      'status',
      'created_at',
      'sent_at',
    ])
    .where((eb) =>
      eb.or([
        ...(complaintIds.length > 0 ? [eb('complaint_id', 'in', [...complaintIds])] : []),
        ...(email !== null ? [eb(eb.val(email), '=', eb.fn.any('recipient_to'))] : []),
      ]),
    )
    .orderBy('created_at')
    .execute();
}

export async function findInboundMail(trx: Scoped, complaintIds: readonly string[], email: string | null) {
  if (complaintIds.length === 0 && email === null) return [];
  return trx
    .selectFrom('inbound_mail')
    .select(['id', 'complaint_id', 'from_address', 'subject', 'processed_at', 'attachment_names', 'raw'])
    .where((eb) =>
      eb.or([
        ...(complaintIds.length > 0 ? [eb('complaint_id', 'in', [...complaintIds])] : []),
        ...(email !== null
          ? [sql<boolean>`position(lower(${email}) in lower(coalesce(from_address, ''))) > 0`]
          : []),
      ]),
    )
    .orderBy('processed_at')
    .execute();
}

export async function findAttachments(trx: Scoped, complaintIds: readonly string[]) {
  if (complaintIds.length === 0) return [];
  return trx
    .selectFrom('complaint_attachment')
    .select([
      'id',
      'complaint_id',
      'file_name',
      'media_type',
      'size_bytes',
      'sha256',
      'storage_key',
      'kind',
      'uploaded_at',
      'erased_at',
    ])
    .where('complaint_id', 'in', [...complaintIds])
    .orderBy('uploaded_at')
    .execute();
}

export async function findSatisfaction(trx: Scoped, complaintIds: readonly string[]) {
  if (complaintIds.length === 0) return [];
  return trx
    .selectFrom('complaint_satisfaction')
    .select(['complaint_id', 'handling', 'outcome', 'comment', 'created_at'])
    .where('complaint_id', 'in', [...complaintIds])
    .execute();
}

export async function organizationName(trx: Scoped, organizationId: string) {
  const row = await trx
    .selectFrom('organization')
    .select('name')
    .where('id', '=', organizationId)
    .executeTakeFirst();
  return row?.name ?? '';
}
