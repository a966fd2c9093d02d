import { letterLocale } from '../../../../domain/tenant-locales.ts';
import type { Database } from '../../../db/database.ts';
import { inOrganization } from '../../../db/tenant-scope.ts';
import { AppError } from '../../../http/app-error.ts';
import type { Principal } from '../../../http/principal.ts';
import { recordAccess } from '../../access-log/index.ts';
import * as complaints from '../../complaints/index.ts';
import { authorize } from '../../complaints/index.ts';
import { committeeValues, formatDate, statusCodeUrl } from '../settings/message-settings.ts';
import { findCommitteeDetails, loadTemplate } from '../template.repository.ts';
import { renderTemplate } from '../templates/render-template.ts';
import { followBlockForLetter, loadLetterParties } from './answer-letter.service.ts';
import { renderAnswerLetter } from './answer-letter.ts';

/**
 * The acknowledgement of receipt as a window-envelope letter (policy 2.1; issue 21): for a complainant
 * without e-mail, the same text as the e-mail, plus a QR code of their private status link, the short
 * address of the status page and a case code to type there. Dated on the day the complaint was received.
 */
export async function acknowledgementLetter(db: Database, principal: Principal, complaintId: string) {
  return inOrganization(db, principal.organizationId, async (trx) => {
    const row = (await complaints.findComplaint(trx, complaintId)) ?? null;
    authorize(principal, 'complaint.view', row);
    if (row === null) throw new AppError('not_found');
    const parties = await loadLetterParties(trx, complaintId);
    // issue 21: the complainant's language, Dutch when it cannot be printed (decision 028)
    const locale = letterLocale(row.complainant_locale);
    const common = {
      organizationName: parties.organizationName,
      recipientName: parties.name,
      reference: row.reference,
      receivedDate: formatDate(row.received_at, locale),
      statusLink: statusCodeUrl(locale),
    };
    // policy 2.6: a repeat past the last response is recorded; its acknowledgement promises no answer or date
    const rendered = row.has_answer_term
      ? renderTemplate('acknowledgement', await loadTemplate(trx, 'acknowledgement', locale), {
          ...common,
          dueDate: formatDate(row.due_at, locale),
          handlerName: parties.handlerName ?? parties.organizationName,
        })
      : renderTemplate(
          'acknowledgement_without_answer',
          await loadTemplate(trx, 'acknowledgement_without_answer', locale),
          { ...common, ...committeeValues(await findCommitteeDetails(trx)) },
        );
    const follow = await followBlockForLetter(
      trx,
      { organizationId: principal.organizationId, complaintId, reference: row.reference },
      parties.addressLines,
      locale,
    );
    await recordAccess(trx, principal, { what: 'attachment', complaintId });
    const pdf = await renderAnswerLetter({
      organizationName: parties.organizationName,
      organizationAddress: parties.organizationAddress,
      recipient: { name: parties.name, addressLines: parties.addressLines },
      date: formatDate(row.received_at, locale),
      reference: row.reference,
      subject: rendered.subject,
      body: rendered.bodyText,
      locale,
      largePrint: parties.largePrint,
      follow,
    });
    return { pdf, fileName: `ontvangstbevestiging-${row.reference}.pdf` };
  });
}
