import type { Scoped } from '../../../db/tenant-scope.ts';
import { subjectEmployeeDepartment } from '../../complaints/index.ts';

// The queries of postal-letters.service.ts: the "te posten" list and the progress letters waiting in the outbox.

/** Letters prepared and not yet posted, oldest first (the "te posten" list). */
export async function listUnposted(trx: Scoped) {
  return trx
    .selectFrom('complaint as c')
    .leftJoin('person as p', 'p.id', 'c.complainant_id')
    .leftJoin('representative as r', 'r.id', 'c.representative_id')
    .leftJoin('staff_user as h', 'h.id', 'c.handler_id')
    .select([
      'c.id',
      'c.reference',
      'c.handler_id',
      'c.responsible_manager_id',
      'c.department_id',
      'c.confidential',
      'c.confidential_reason_code',
      'c.subject_employee_id',
      subjectEmployeeDepartment('c').as('subject_employee_department_id'),
      'c.explanation_prepared_at',
      'c.due_at',
      'p.name as complainantName',
      'r.name as representativeName',
      'h.name as handlerName',
    ])
    .where('c.explanation_prepared_at', 'is not', null)
    .where('c.explanation_posted_on', 'is', null)
    .orderBy('c.explanation_prepared_at', 'asc')
    .execute();
}

/** Issue 21: acknowledgement and progress letters for complainants without e-mail, waiting in the outbox as 'to_post'. */
export async function listProgressLetters(trx: Scoped) {
  return trx
    .selectFrom('outbox_message as m')
    .innerJoin('complaint as c', 'c.id', 'm.complaint_id')
    .leftJoin('person as p', 'p.id', 'c.complainant_id')
    .leftJoin('representative as r', 'r.id', 'c.representative_id')
    .leftJoin('staff_user as h', 'h.id', 'c.handler_id')
    .select([
      'm.id as letterId',
      'm.kind as letterKind',
      'm.recipient_to',
      'm.created_at',
      'c.id',
      'c.reference',
      'c.handler_id',
      'c.responsible_manager_id',
      'c.department_id',
      'c.confidential',
      'c.confidential_reason_code',
      'c.subject_employee_id',
      subjectEmployeeDepartment('c').as('subject_employee_department_id'),
      'c.due_at',
      'p.name as complainantName',
      'r.name as representativeName',
      'h.name as handlerName',
    ])
    .where('m.status', '=', 'to_post')
    .orderBy('m.created_at', 'asc')
    .execute();
}

/** A progress letter's outbox row, to post or posted. */
export async function findProgressLetterRow(trx: Scoped, letterId: string) {
  return trx
    .selectFrom('outbox_message')
    .select(['id', 'complaint_id', 'kind', 'recipient_to', 'subject', 'body_text', 'status', 'created_at'])
    .where('id', '=', letterId)
    .where('status', 'in', ['to_post', 'sent'])
    .executeTakeFirst();
}

/** Marks a letter to post as posted (sent) on that day; false when it was not waiting (already posted). */
export async function markProgressLetterSent(trx: Scoped, letterId: string, sentAt: Date): Promise<boolean> {
  const posted = await trx
    .updateTable('outbox_message')
    .set({ status: 'sent', sent_at: sentAt })
    .where('id', '=', letterId)
    .where('status', '=', 'to_post')
    .executeTakeFirst();
  return Number(posted.numUpdatedRows) === 1;
}
