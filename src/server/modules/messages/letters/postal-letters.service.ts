import { mayMarkLetterPosted } from '../../../../domain/index.ts';
import { letterLocale } from '../../../../domain/tenant-locales.ts';
import type { Database } from '../../../db/database.ts';
import { inOrganization, type Scoped } from '../../../db/tenant-scope.ts';
import { AppError } from '../../../http/app-error.ts';
import type { Principal, StaffPrincipal } from '../../../http/principal.ts';
import { recordAccess } from '../../access-log/index.ts';
import * as complaints from '../../complaints/index.ts';
import { authorize, toAccess } from '../../complaints/index.ts';
import { formatDate } from '../settings/message-settings.ts';
import { loadTemplate } from '../template.repository.ts';
import { renderTemplate } from '../templates/render-template.ts';
import { loadLetterParties } from './answer-letter.service.ts';
import { renderAnswerLetter } from './answer-letter.ts';
import {
  findProgressLetterRow,
  listProgressLetters,
  listUnposted,
  markProgressLetterSent,
} from './postal-letters.repository.ts';

// policy 2.5: explanations outside the procedure for complainants without e-mail go by post. The system
// prepares the letter; a management assistant (or whoever handles) posts it and records the day.

const ACKNOWLEDGEMENT_KINDS = new Set(['acknowledgement', 'acknowledgement_without_answer']);

/**
 * Decision 053: a copy letter for the complainant's representative is addressed to them: the row keeps their
 * name and address lines (`recipient_to`), written when the copy was made.
 */
const REPRESENTATIVE_COPY = 'representative_copy';
function copyRecipient(letter: { letterKind?: string; kind?: string; recipient_to: string[] }) {
  if ((letter.letterKind ?? letter.kind) !== REPRESENTATIVE_COPY) return null;
  return `${letter.recipient_to[0] ?? ''} (vertegenwoordiger)`;
}

/** The letters this person may post: management assistants see every one they may see, others their own. */
export async function lettersToPost(db: Database, staff: StaffPrincipal) {
  const [rows, progress] = await inOrganization(db, staff.organizationId, async (trx) => [
    await listUnposted(trx),
    await listProgressLetters(trx),
  ]);
  const progressItems = progress.flatMap((row) => {
    if (!mayMarkLetterPosted(staff, toAccess(row))) return [];
    // The acknowledgement is printed with its QR code and case code (decision 024), the others as stored
    const acknowledgement = ACKNOWLEDGEMENT_KINDS.has(row.letterKind);
    return [
      {
        complaintId: row.id,
        letterId: row.letterId,
        reference: row.reference,
        kind: acknowledgement ? ('acknowledgement' as const) : ('progress' as const),
        recipientName: copyRecipient(row) ?? row.representativeName ?? row.complainantName,
        handlerName: row.handlerName,
        preparedAt: row.created_at.toISOString(),
        dueAt: row.due_at.toISOString(),
        letterUrl: acknowledgement
          ? `/api/complaints/${row.id}/acknowledgement-letter.pdf`
          : `/api/letters/${row.letterId}/letter.pdf`,
      },
    ];
  });
  const items = rows.flatMap((row) => {
    const access = toAccess(row);
    if (!mayMarkLetterPosted(staff, access) || row.explanation_prepared_at === null) return [];
    return [
      {
        complaintId: row.id,
        letterId: null,
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
  return {
    items: [...items, ...progressItems].sort((a, b) => a.preparedAt.localeCompare(b.preparedAt)),
  };
}

/** A progress letter (issue 21) with the outbox row and the complaint it belongs to, authorised to view. */
async function findProgressLetter(trx: Scoped, principal: Principal, letterId: string) {
  const letter = await findProgressLetterRow(trx, letterId);
  const row =
    letter?.complaint_id == null
      ? null
      : ((await complaints.findComplaint(trx, letter.complaint_id)) ?? null);
  authorize(principal, 'complaint.view', row);
  if (letter === undefined || row === null) throw new AppError('not_found');
  return { letter, row };
}

/**
 * Issue 21: a step's message for a complainant without e-mail, as a window-envelope letter. The text is the
 * stored message (it names the page where the case code is typed, never a private link).
 */
export async function progressLetter(db: Database, principal: Principal, letterId: string) {
  return inOrganization(db, principal.organizationId, async (trx) => {
    const { letter, row } = await findProgressLetter(trx, principal, letterId);
    const parties = await loadLetterParties(trx, row.id);
    await recordAccess(trx, principal, { what: 'attachment', complaintId: row.id });
    // The stored text was written in this language (complaint-messages.service.ts, decision 028)
    const locale = letterLocale(row.complainant_locale);
    const copy = letter.kind === REPRESENTATIVE_COPY;
    const pdf = await renderAnswerLetter({
      organizationName: parties.organizationName,
      organizationAddress: parties.organizationAddress,
      recipient: copy
        ? { name: letter.recipient_to[0] ?? '', addressLines: letter.recipient_to.slice(1) }
        : { name: parties.name, addressLines: parties.addressLines },
      date: formatDate(letter.created_at, locale),
      reference: row.reference,
      subject: letter.subject,
      body: letter.body_text,
      locale,
      // large print is the complainant's need, not their representative's
      largePrint: !copy && parties.largePrint,
    });
    return { pdf, fileName: `${copy ? 'kopie' : 'voortgang'}-${row.reference}.pdf` };
  });
}

/** Issue 21: the day a progress letter went into the post; it leaves the "te posten" list. Twice is a 409. */
export async function markProgressLetterPosted(
  db: Database,
  staff: StaffPrincipal,
  letterId: string,
  postedOn: string,
) {
  return inOrganization(db, staff.organizationId, async (trx) => {
    const { letter, row } = await findProgressLetter(trx, staff, letterId);
    if (!mayMarkLetterPosted(staff, toAccess(row))) throw new AppError('forbidden');
    if (!(await markProgressLetterSent(trx, letter.id, new Date(`${postedOn}T12:00:00Z`))))
      throw new AppError('letter_already_posted');
    await complaints.insertEvents(trx, [
      {
        organizationId: staff.organizationId,
        complaintId: row.id,
        actorUserId: staff.userId,
        actorTokenId: null,
        type: 'complainant_letter_posted',
        contactKind: 'letter',
        contactDirection: 'outbound',
        summary: letter.subject,
        payload: { outboxId: letter.id, kind: letter.kind, postedOn },
      },
    ]);
    return { letterId: letter.id, postedOn };
  });
}

/**
 * The prepared explanation as a window-envelope letter, the same text the e-mail would have had. Built from
 * the stored explanation on every download; dated on the day it was prepared.
 */
export async function explanationLetter(db: Database, principal: Principal, complaintId: string) {
  return inOrganization(db, principal.organizationId, async (trx) => {
    const row = (await complaints.findComplaint(trx, complaintId)) ?? null;
    authorize(principal, 'complaint.view', row);
    if (row === null) throw new AppError('not_found');
    if (row.explanation_prepared_at === null || row.answer_text === null)
      throw new AppError('not_found', { detail: 'No explanation letter was prepared for this complaint.' });
    const parties = await loadLetterParties(trx, complaintId);
    const locale = letterLocale(row.complainant_locale);
    const rendered = renderTemplate('explanation', await loadTemplate(trx, 'explanation', locale), {
      organizationName: parties.organizationName,
      recipientName: parties.name,
      reference: row.reference,
      explanationText: row.answer_text,
      handlerName: parties.handlerName ?? parties.organizationName,
    });
    await recordAccess(trx, principal, { what: 'attachment', complaintId });
    const pdf = await renderAnswerLetter({
      organizationName: parties.organizationName,
      organizationAddress: parties.organizationAddress,
      recipient: { name: parties.name, addressLines: parties.addressLines },
      date: formatDate(row.explanation_prepared_at, locale),
      reference: row.reference,
      subject: rendered.subject,
      body: rendered.bodyText,
      locale,
      largePrint: parties.largePrint,
    });
    return { pdf, fileName: `uitleg-${row.reference}.pdf` };
  });
}
