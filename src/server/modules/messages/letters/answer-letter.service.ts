import { letterLocale, type TenantLocale } from '../../../../domain/tenant-locales.ts';
import type { Database } from '../../../db/database.ts';
import { inOrganization, type Scoped } from '../../../db/tenant-scope.ts';
import { AppError } from '../../../http/app-error.ts';
import type { Principal } from '../../../http/principal.ts';
import { recordAccess } from '../../access-log/index.ts';
import * as complaints from '../../complaints/index.ts';
import { authorize } from '../../complaints/index.ts';
import { issueStatusAccess } from '../../portal/index.ts';
import { answerKind } from '../complaint-messages.service.ts';
import { committeeValues, formatDate, statusCodeUrl, statusLink } from '../settings/message-settings.ts';
import { findCommitteeDetails, loadTemplate } from '../template.repository.ts';
import { renderTemplate } from '../templates/render-template.ts';
import { type FollowBlock, renderAnswerLetter } from './answer-letter.ts';
import { findLetterParties } from './letter-parties.repository.ts';

function formatPostcode(postcode: string): string {
  const compact = postcode.replace(/\s+/g, '').toUpperCase();
  return /^\d{4}[A-Z]{2}$/.test(compact) ? `${compact.slice(0, 4)} ${compact.slice(4)}` : postcode;
}

/** Who the letter goes to and where (the representative in the tenant's place), and who signs it. */
export async function loadLetterParties(trx: Scoped, complaintId: string) {
  const parties = await findLetterParties(trx, complaintId);
  const name = parties.representativeName ?? parties.personName ?? 'De bewoner';
  const addressLines = parties.postalAddress
    ? parties.postalAddress
        .split(/\n|,/)
        .map((line) => line.trim())
        .filter((line) => line !== '')
    : parties.street
      ? [
          `${parties.street} ${parties.house_number}${parties.house_number_addition ? ` ${parties.house_number_addition}` : ''}`,
          `${formatPostcode(parties.postcode ?? '')}  ${(parties.place ?? '').toUpperCase()}`,
        ]
      : [];
  return {
    organizationName: parties.organizationName,
    organizationAddress: parties.organizationAddress,
    handlerName: parties.handlerName,
    name,
    addressLines,
    largePrint: parties.largePrint === true,
  };
}

/**
 * The letter's "follow your complaint" box (issue 21, decision 024). Every print makes a new status access:
 * the code and link are never stored in the clear, so a reprint cannot show the old ones; earlier prints keep
 * working until staff end them (revoke the status links). Refused without a postal address: a letter that
 * cannot be posted must not hand out a code.
 */
export async function followBlockForLetter(
  trx: Scoped,
  complaint: { organizationId: string; complaintId: string; reference: string },
  addressLines: readonly string[],
  locale: TenantLocale = 'nl',
): Promise<FollowBlock> {
  if (addressLines.length === 0) throw new AppError('postal_address_missing');
  const access = await issueStatusAccess(trx, complaint);
  return {
    privateLink: statusLink(access.token, locale),
    shortLink: statusCodeUrl(locale),
    code: access.code,
    reference: complaint.reference,
  };
}

/**
 * The answer as a PDF letter for complainants who prefer post (policy 2.3: the same answer). Built from
 * the stored answer on every download, so it always matches what the case says was sent.
 */
export async function answerLetter(db: Database, principal: Principal, complaintId: string) {
  return inOrganization(db, principal.organizationId, async (trx) => {
    const row = (await complaints.findComplaint(trx, complaintId)) ?? null;
    authorize(principal, 'complaint.view', row);
    if (row === null) throw new AppError('not_found');
    if (row.answer_text === null || row.answered_at === null)
      throw new AppError('not_found', { detail: 'This complaint has no answer yet.' });
    const parties = await loadLetterParties(trx, complaintId);
    const name = parties.name;
    const addressLines = parties.addressLines;
    const kind = answerKind(row.repeat);
    // issue 21: the complainant's language, Dutch when it cannot be printed (decision 028)
    const locale = letterLocale(row.complainant_locale);
    const rendered = renderTemplate(kind, await loadTemplate(trx, kind, locale), {
      organizationName: parties.organizationName,
      recipientName: name,
      reference: row.reference,
      answerText: row.answer_text,
      handlerName: parties.handlerName ?? parties.organizationName,
      // On paper the short address; the box under the text has the QR code and the code to type there
      statusLink: statusCodeUrl(locale),
      ...committeeValues(await findCommitteeDetails(trx)),
    });
    // A printed code lets its holder write as the complainant: only staff who post the letter get one; an
    // API token (an integration reading the case) gets the letter without the box (decision 024)
    const follow =
      principal.kind === 'staff'
        ? await followBlockForLetter(
            trx,
            { organizationId: principal.organizationId, complaintId, reference: row.reference },
            addressLines,
            locale,
          )
        : undefined;
    await recordAccess(trx, principal, { what: 'attachment', complaintId });
    const pdf = await renderAnswerLetter({
      organizationName: parties.organizationName,
      organizationAddress: parties.organizationAddress,
      recipient: { name, addressLines },
      date: formatDate(row.answered_at, locale),
      reference: row.reference,
      subject: rendered.subject,
      body: rendered.bodyText,
      locale,
      largePrint: parties.largePrint,
      ...(follow === undefined ? {} : { follow }),
    });
    return { pdf, fileName: `antwoord-${row.reference}.pdf` };
  });
}
