import { mayMarkLetterPosted } from '../../../../domain/index.ts';
import type { Database } from '../../../db/database.ts';
import { inOrganization, type Scoped } from '../../../db/tenant-scope.ts';
import { AppError } from '../../../http/app-error.ts';
import type { Principal, StaffPrincipal } from '../../../http/principal.ts';
import * as complaints from '../../complaints/complaint.repository.ts';
import { authorize, toAccess } from '../../complaints/complaint-access.ts';
import { subjectEmployeeDepartment } from '../../complaints/complaint-query.repository.ts';
import { formatDate } from '../message-settings.ts';
import { loadTemplate } from '../template.repository.ts';
import { renderTemplate } from '../templates/render-template.ts';
import { loadLetterParties } from './answer-letter.service.ts';
import { renderAnswerLetter } from './answer-letter.ts';

// policy 2.5: explanations outside the procedure for complainants without e-mail go by post. The system
// prepares the letter; a management assistant (or whoever handles) posts it and records the day.

/** Letters prepared and not yet posted, oldest first (the "te posten" list). */
async function listUnposted(trx: Scoped) {
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

/** The letters this person may post: management assistants see every one they may see, others their own. */
export async function lettersToPost(db: Database, staff: StaffPrincipal) {
  const rows = await inOrganization(db, staff.organizationId, listUnposted);
  const items = rows.flatMap((row) => {
    const access = toAccess(row);
    if (!mayMarkLetterPosted(staff, access) || row.explanation_prepared_at === null) return [];
    return [
      {
        complaintId: row.id,
        reference: row.reference,
        kind: 'explanation' as const,
        recipientName: row.representativeName ?? row.complainantName,
        handlerName: row.handlerName,
        preparedAt: row.explanation_prepared_at.toISOString(),
        dueAt: row.due_at.toISOString(),
        letterUrl: `/api/complaints/${row.id}/explanation-letter.pdf`,
      },
    ];
  });
  return { items };
}

/**
 * The prepared explanation as a window-envelope letter, the same text the e-mail would have had. Built from
 * the stored explanation on every download; dated on the day it was prepared.
 */
export async function explanationLetter(db: Database, principal: Principal, complaintId: string) {
  return inOrganization(db, principal.organizationId, async (trx) => {
    const row = (await complaints.findComplaintRow(trx, complaintId)) ?? null;
    authorize(principal, 'complaint.view', row);
    if (row === null) throw new AppError('not_found');
    if (row.explanation_prepared_at === null || row.answer_text === null)
      throw new AppError('not_found', { detail: 'No explanation letter was prepared for this complaint.' });
    const parties = await loadLetterParties(trx, complaintId);
    const rendered = renderTemplate('explanation', await loadTemplate(trx, 'explanation', 'nl'), {
      organizationName: parties.organizationName,
      recipientName: parties.name,
      reference: row.reference,
      explanationText: row.answer_text,
      handlerName: parties.handlerName ?? parties.organizationName,
    });
    await complaints.insertAccessLog(trx, {
      organizationId: principal.organizationId,
      complaintId,
      userId: principal.kind === 'staff' ? principal.userId : null,
      tokenId: principal.kind === 'token' ? principal.tokenId : null,
      what: 'attachment',
    });
    const pdf = await renderAnswerLetter({
      organizationName: parties.organizationName,
      recipient: { name: parties.name, addressLines: parties.addressLines },
      date: formatDate(row.explanation_prepared_at),
      reference: row.reference,
      subject: rendered.subject,
      body: rendered.bodyText,
    });
    return { pdf, fileName: `uitleg-${row.reference}.pdf` };
  });
}
