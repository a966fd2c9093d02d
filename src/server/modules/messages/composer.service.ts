import type { z } from 'zod';
import type { draftInput } from '../../../contract/messages.ts';
import {
  type Assessment,
  approvedCompensation,
  formatEuroCents,
  VERDICT_PHRASES,
  type Verdict,
} from '../../../domain/index.ts';
import { tenantLocaleOf } from '../../../domain/tenant-locales.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization, type Scoped } from '../../db/tenant-scope.ts';
import { AppError } from '../../http/app-error.ts';
import type { StaffPrincipal } from '../../http/principal.ts';
import * as complaints from '../complaints/index.ts';
import { authorize } from '../complaints/index.ts';
import { complainantAddress, loadCaseFacts } from './complaint-messages.service.ts';
import * as drafts from './draft.repository.ts';
import { formatDate } from './settings/message-settings.ts';
import { loadTemplate } from './template.repository.ts';
import { UNNAMED_RECIPIENT } from './templates/default-templates.ts';
import { COMPOSER_KINDS, isMessageKind, MESSAGE_KINDS } from './templates/message-kinds.ts';
import { renderTemplate } from './templates/render-template.ts';

// Issue 22: the answer composer. The officer starts from a standard text filled in for this complaint (its
// verdict and any approved compensation), writes, and the text is kept as a draft of their own until sent.

type DraftInput = z.infer<typeof draftInput>;

/** The complaint, if this officer may handle it; unknown and not-allowed answer alike (404/403 as elsewhere). */
async function handledComplaint(trx: Scoped, staff: StaffPrincipal, complaintId: string) {
  const row = (await complaints.findComplaint(trx, complaintId)) ?? null;
  authorize(staff, 'complaint.handle', row);
  if (row === null) throw new AppError('not_found');
  return row;
}

function toDraft(row: { text: string; template_kind: string | null; updated_at: Date } | undefined) {
  return row === undefined
    ? null
    : { text: row.text, templateKind: row.template_kind, updatedAt: row.updated_at.toISOString() };
}

export function openAnswerComposer(db: Database, staff: StaffPrincipal, complaintId: string) {
  return inOrganization(db, staff.organizationId, async (trx) => {
    const row = await handledComplaint(trx, staff, complaintId);
    const facts = await loadCaseFacts(trx, complaintId);
    if (facts === undefined) throw new AppError('not_found');
    const locale = tenantLocaleOf(facts.complainant_locale);
    // Staff write the answer in Dutch or English; a Turkish complainant's envelope is theirs (decision 028)
    const words = locale === 'en' ? 'en' : 'nl';
    const assessment = (row.assessment ?? null) as Assessment | null;
    const verdict = (assessment?.verdict ?? null) as Verdict | null;
    const cents = approvedCompensation(assessment);
    const values = {
      outcome: verdict === null ? null : VERDICT_PHRASES[words][verdict],
      compensation: cents === null ? null : formatEuroCents(cents).replace(/\s/g, ' '),
    };
    const to = complainantAddress(facts);
    const recipientName = to?.name || facts.complainantName || UNNAMED_RECIPIENT[locale];
    const templates = [];
    for (const kind of COMPOSER_KINDS) {
      const template = await loadTemplate(trx, kind, words);
      const rendered = renderTemplate(kind, template, {
        organizationName: facts.organizationName,
        recipientName,
        reference: facts.reference,
        receivedDate: formatDate(facts.received_at, words),
        handlerName: facts.handlerName ?? facts.organizationName,
        outcome: values.outcome ?? '',
        compensation: values.compensation ?? '',
      });
      templates.push({ kind, name: template.subject, text: rendered.bodyText });
    }
    const draft = toDraft(await drafts.findDraft(trx, complaintId, 'answer', staff.userId));
    return { templates, values, draft };
  });
}

export function saveAnswerDraft(db: Database, staff: StaffPrincipal, complaintId: string, input: DraftInput) {
  const templateKind = input.templateKind ?? null;
  if (templateKind !== null) {
    const kind = templateKind;
    if (!isMessageKind(kind) || MESSAGE_KINDS[kind].audience !== 'composer')
      throw new AppError('validation_failed', {
        fieldErrors: [
          {
            in: 'body',
            path: 'templateKind',
            code: 'invalid_reference',
            messages: { nl: 'Deze standaardtekst bestaat niet.', en: 'This standard text does not exist.' },
          },
        ],
      });
  }
  return inOrganization(db, staff.organizationId, async (trx) => {
    await handledComplaint(trx, staff, complaintId);
    const saved = await drafts.upsertDraft(trx, {
      organizationId: staff.organizationId,
      complaintId,
      kind: 'answer',
      authorId: staff.userId,
      text: input.text,
      templateKind,
    });
    return toDraft(saved) as NonNullable<ReturnType<typeof toDraft>>;
  });
}

export function discardAnswerDraft(db: Database, staff: StaffPrincipal, complaintId: string) {
  return inOrganization(db, staff.organizationId, async (trx) => {
    await handledComplaint(trx, staff, complaintId);
    await drafts.deleteDraft(trx, complaintId, 'answer', staff.userId);
  });
}

/** The answer went out (policy 2.3): its drafts are spent, in the answer's own transaction. */
export async function clearAnswerDrafts(trx: Scoped, complaintId: string) {
  await drafts.deleteDraftsOf(trx, complaintId, 'answer');
}
