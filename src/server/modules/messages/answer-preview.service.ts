import { computeAnswerRecipients, REDACTED_TOKEN } from '../../../domain/index.ts';
import { letterLocale, tenantLocaleOf } from '../../../domain/tenant-locales.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization } from '../../db/tenant-scope.ts';
import { AppError } from '../../http/app-error.ts';
import type { Principal } from '../../http/principal.ts';
import * as complaints from '../complaints/index.ts';
import { authorize } from '../complaints/index.ts';
import { answerKind, complainantAddress, loadCaseFacts } from './complaint-messages.service.ts';
import { answerCcWhoMaySee } from './recipients/answer-cc.ts';
import { committeeValues, statusCodeUrl, statusLink } from './settings/message-settings.ts';
import { findStaffContacts } from './staff-readers.repository.ts';
import { findCommitteeDetails, loadTemplate } from './template.repository.ts';
import { UNNAMED_RECIPIENT } from './templates/default-templates.ts';
import { renderTemplate } from './templates/render-template.ts';

/**
 * What the answer will look like and who gets it, before it is sent (policy 2.3): the cc is the domain's
 * own computation, the same one the answer step uses, with names and addresses filled in.
 */
export async function previewAnswer(db: Database, principal: Principal, complaintId: string, text: string) {
  return inOrganization(db, principal.organizationId, async (trx) => {
    const row = (await complaints.findComplaint(trx, complaintId)) ?? null;
    authorize(principal, 'complaint.handle', row);
    if (row === null) throw new AppError('not_found');
    const facts = await loadCaseFacts(trx, complaintId);
    if (facts === undefined) throw new AppError('not_found');
    const computed = computeAnswerRecipients({
      managerId: row.responsible_manager_id,
      managementAssistantIds: row.management_assistant_ids,
    });
    // issue 20: the same narrowing as the answer itself, so the preview shows who really gets it
    const allowedCc = computed.ok ? await answerCcWhoMaySee(trx, complaintId, computed.recipients.cc) : [];
    const ccIds = allowedCc.flatMap((r) => ('userId' in r ? [r.userId] : []));
    const staff = await findStaffContacts(trx, ccIds);
    const cc = allowedCc.flatMap((r) => {
      if (!('userId' in r)) return [];
      const person = staff.find((s) => s.id === r.userId);
      return person ? [{ role: r.role, name: person.name, email: person.email }] : [];
    });
    const to = complainantAddress(facts);
    const kind = answerKind(facts.repeat);
    // issue 22: in the language it goes out in, as the answer step writes it (a letter: one it can print)
    const spoken = tenantLocaleOf(facts.complainant_locale);
    const locale = to === null ? letterLocale(spoken) : spoken;
    const rendered = renderTemplate(kind, await loadTemplate(trx, kind, locale), {
      organizationName: facts.organizationName,
      recipientName: to?.name || facts.complainantName || UNNAMED_RECIPIENT[locale],
      reference: facts.reference,
      answerText: text,
      handlerName: facts.handlerName ?? facts.organizationName,
      // issue 20/21: staff see where the link goes, never a token (each mail gets its own)
      statusLink: to === null ? statusCodeUrl(locale) : statusLink(REDACTED_TOKEN, locale),
      ...committeeValues(await findCommitteeDetails(trx)),
    });
    return {
      delivery: to === null ? ('post' as const) : ('email' as const),
      to: to === null ? [] : [{ role: 'complainant' as const, name: to.name, email: to.email }],
      cc,
      /** Why the domain would refuse the answer for want of recipients (manager or assistant unknown). */
      recipientProblem: computed.ok ? null : computed.reason,
      subject: rendered.subject,
      bodyText: rendered.bodyText,
    };
  });
}
