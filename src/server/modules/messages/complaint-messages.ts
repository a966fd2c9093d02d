import type { ComplaintEffect } from '../../../domain/index.ts';
import { REFERRAL_TARGETS, type ReferralTarget } from '../../../domain/referral-targets.ts';
import type { Scoped } from '../../db/tenant-scope.ts';
import { issueStatusAccess } from '../portal/status-access.ts';
import { CASE_TEXT_IN_GEHOORD, mailIncludesCaseText } from '../privacy/mail-minimisation.ts';
import { answerCcWhoMaySee } from './answer-cc.ts';
import { caseLink, committeeValues, formatDate, statusLink } from './message-settings.ts';
import { enqueueMessage } from './outbox.repository.ts';
import { findCommitteeDetails, loadTemplate } from './template.repository.ts';
import type { MessageKind, ValuesFor } from './templates/message-kinds.ts';
import { renderTemplate } from './templates/render-template.ts';

// Turns the domain's "send …" effects into outbox rows, in the case change's own transaction: the mail
// goes out only if the change commits, and a committed change always has its mail queued.

export type CaseFacts = NonNullable<Awaited<ReturnType<typeof loadCaseFacts>>>;

export async function loadCaseFacts(trx: Scoped, complaintId: string) {
  const row = await trx
    .selectFrom('complaint as c')
    .innerJoin('organization as o', 'o.id', 'c.organization_id')
    .leftJoin('person as p', 'p.id', 'c.complainant_id')
    .leftJoin('representative as r', 'r.id', 'c.representative_id')
    .leftJoin('staff_user as h', 'h.id', 'c.handler_id')
    .select([
      'c.id',
      'c.organization_id',
      'c.reference',
      'c.channel',
      'c.status',
      'c.received_at',
      'c.due_at',
      'c.answer_text',
      'c.repeat',
      'c.has_answer_term',
      'o.name as organizationName',
      'p.name as complainantName',
      'p.email as complainantEmail',
      'r.name as representativeName',
      'r.email as representativeEmail',
      'h.name as handlerName',
    ])
    .where('c.id', '=', complaintId)
    .executeTakeFirst();
  return row;
}

/** A representative acting for the complainant receives the mail in their place (policy 2.1). */
export function complainantAddress(facts: CaseFacts): { name: string; email: string } | null {
  if (facts.representativeEmail)
    return { name: facts.representativeName ?? '', email: facts.representativeEmail };
  if (facts.complainantEmail) return { name: facts.complainantName ?? '', email: facts.complainantEmail };
  return null;
}

export async function staffEmails(trx: Scoped, userIds: readonly string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await trx
    .selectFrom('staff_user')
    .select(['id', 'email'])
    .where('id', 'in', [...userIds])
    .where('active', '=', true)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r.email]));
  return userIds.map((id) => byId.get(id)).filter((e): e is string => e !== undefined);
}

function common(facts: CaseFacts, recipientName: string) {
  return {
    organizationName: facts.organizationName,
    recipientName: recipientName.trim() === '' ? 'heer/mevrouw' : recipientName,
    reference: facts.reference,
  };
}

async function queue<K extends MessageKind>(
  trx: Scoped,
  facts: CaseFacts,
  kind: K,
  recipients: { to: string[]; cc?: string[] },
  values: ValuesFor<K>,
  secretLink: string | null = null,
): Promise<string> {
  const template = await loadTemplate(trx, kind, 'nl');
  const rendered = renderTemplate(kind, template, values);
  return enqueueMessage(trx, {
    organizationId: facts.organization_id,
    complaintId: facts.id,
    kind,
    to: recipients.to,
    cc: recipients.cc ?? [],
    subject: rendered.subject,
    bodyText: rendered.bodyText,
    // The complainant's status link: kept for delivery only, the stored text shows it redacted (issue 20)
    secretLink,
  });
}

/**
 * A fresh private status link for a mail to the complainant (issue 21, decision 024): the token is never
 * stored in the clear, so each mail that carries the link gets its own; earlier ones keep working.
 */
async function freshStatusLink(trx: Scoped, facts: CaseFacts): Promise<string> {
  const { token } = await issueStatusAccess(trx, {
    organizationId: facts.organization_id,
    complaintId: facts.id,
  });
  return statusLink(token);
}

/**
 * Acknowledgement of receipt (policy 2.1): reference, term date and status link. Web submissions get
 * theirs from the public portal; without an e-mail address the acknowledgement is a letter to print
 * (acknowledgement-letter.service.ts), with the link as a QR code and a case code.
 */
export async function enqueueAcknowledgement(trx: Scoped, complaintId: string): Promise<string | null> {
  const facts = await loadCaseFacts(trx, complaintId);
  if (facts === undefined || facts.channel === 'web') return null;
  const to = complainantAddress(facts);
  if (to === null) return null;
  // policy 2.6: a repeat past the last response is recorded; its acknowledgement promises no answer or date
  const link = await freshStatusLink(trx, facts);
  if (!facts.has_answer_term)
    return queue(
      trx,
      facts,
      'acknowledgement_without_answer',
      { to: [to.email] },
      {
        ...common(facts, to.name),
        receivedDate: formatDate(facts.received_at),
        statusLink: link,
        ...committeeValues(await findCommitteeDetails(trx)),
      },
      link,
    );
  return queue(
    trx,
    facts,
    'acknowledgement',
    { to: [to.email] },
    {
      ...common(facts, to.name),
      receivedDate: formatDate(facts.received_at),
      dueDate: formatDate(facts.due_at),
      statusLink: link,
      handlerName: facts.handlerName ?? facts.organizationName,
    },
    link,
  );
}

export function answerKind(repeat: unknown): 'answer' | 'stand_by_decision' | 'last_response' {
  const requirements = (
    repeat as { requirements?: { standByDecision?: boolean; lastResponseStatement?: boolean } }
  )?.requirements;
  if (requirements?.lastResponseStatement) return 'last_response';
  if (requirements?.standByDecision) return 'stand_by_decision';
  return 'answer';
}

const NOT_A_COMPLAINT_TARGETS = new Set<string>([
  'repair_process',
  'nuisance_process',
  'housing_fraud_process',
  'customer_service',
  'other_process',
]);

/**
 * Queues the messages the domain's effects call for; returns the outbox ids per effect type so the
 * caller can put them on the timeline event of that effect.
 */
export async function enqueueEffectMessages(
  trx: Scoped,
  complaintId: string,
  effects: readonly ComplaintEffect[],
): Promise<Map<ComplaintEffect['type'], string[]>> {
  const queued = new Map<ComplaintEffect['type'], string[]>();
  // The board's e-mail on a criminal suspicion is sent by the notifications fast lane (term-monitor.service.ts)
  const relevant = effects.filter((e) =>
    ['send_answer', 'send_explanation', 'notify_complainant_of_extension', 'record_referral'].includes(
      e.type,
    ),
  );
  if (relevant.length === 0) return queued;
  const facts = await loadCaseFacts(trx, complaintId);
  if (facts === undefined) return queued;
  const to = complainantAddress(facts);
  const handlerName = facts.handlerName ?? facts.organizationName;
  const add = (type: ComplaintEffect['type'], id: string) =>
    queued.set(type, [...(queued.get(type) ?? []), id]);

  for (const effect of relevant) {
    switch (effect.type) {
      case 'send_answer': {
        // policy 2.3: the cc (manager, management assistant) is the domain's, computed for every answer;
        // issue 20: only those who may see the complaint get its answer
        const cc = await staffEmails(
          trx,
          (await answerCcWhoMaySee(trx, complaintId, effect.recipients.cc)).flatMap((r) =>
            'userId' in r ? [r.userId] : [],
          ),
        );
        const answerText = facts.answer_text ?? '';
        if (to !== null) {
          const kind = answerKind(facts.repeat);
          // The answer carries the status link: there the complainant reads it again and rates the handling
          const link = await freshStatusLink(trx, facts);
          add(
            effect.type,
            await queue(
              trx,
              facts,
              kind,
              { to: [to.email], cc },
              {
                ...common(facts, to.name),
                answerText,
                handlerName,
                statusLink: link,
                ...committeeValues(await findCommitteeDetails(trx)),
              },
              link,
            ),
          );
        } else if (cc.length > 0) {
          // No e-mail address: the answer goes by post; the cc still learns of it, with the letter to print
          add(
            effect.type,
            await queue(
              trx,
              facts,
              'answer_copy',
              { to: cc },
              {
                ...common(facts, facts.complainantName ?? ''),
                // the letter's PDF is on the case; the mail only points there unless the organisation opts in
                answerText: (await mailIncludesCaseText(trx)) ? answerText : CASE_TEXT_IN_GEHOORD,
                handlerName,
                caseLink: caseLink(facts.id),
              },
            ),
          );
        }
        break;
      }
      case 'send_explanation':
        if (to !== null)
          add(
            effect.type,
            await queue(
              trx,
              facts,
              'explanation',
              { to: [to.email] },
              {
                ...common(facts, to.name),
                explanationText: effect.text,
                handlerName,
              },
            ),
          );
        break;
      case 'notify_complainant_of_extension':
        if (to !== null)
          add(
            effect.type,
            await queue(
              trx,
              facts,
              'extension_notice',
              { to: [to.email] },
              {
                ...common(facts, to.name),
                dueDate: formatDate(effect.dueAt),
                extensionText: effect.text,
              },
            ),
          );
        break;
      case 'record_referral':
        // Outside-procedure referrals are part of the explanation; only a non-complaint is referred at once
        if (to !== null && NOT_A_COMPLAINT_TARGETS.has(effect.referral.to))
          add(
            effect.type,
            await queue(
              trx,
              facts,
              'referral',
              { to: [to.email] },
              {
                ...common(facts, to.name),
                referralTarget:
                  REFERRAL_TARGETS[effect.referral.to as ReferralTarget]?.label ?? effect.referral.to,
                referralDetail: effect.referral.detail ?? '',
              },
            ),
          );
        break;
    }
  }
  return queued;
}

/**
 * Policy 1.1: "De voortgang … koppelen wij altijd terug". When a case starts being handled or is closed,
 * the complainant hears it (extension notices and answers have their own messages). No internal detail.
 */
export async function enqueueProgressMessages(
  trx: Scoped,
  complaintId: string,
  timelineTypes: readonly string[],
): Promise<string[]> {
  const kinds: ('progress_in_handling' | 'progress_closed')[] = [];
  // policy 2.5: the board's decision takes the complaint back into handling or closes it
  const boardDecided = timelineTypes.includes('decide_board_track');
  if (timelineTypes.includes('accept_as_complaint') || boardDecided) kinds.push('progress_in_handling');
  if (timelineTypes.includes('close') || timelineTypes.includes('record_without_answer_duty') || boardDecided)
    kinds.push('progress_closed');
  if (kinds.length === 0) return [];
  const facts = await loadCaseFacts(trx, complaintId);
  if (facts === undefined) return [];
  // On the board's track the complainant gets the neutral explanation instead (policy 2.5); a step only
  // reports the status the complaint actually reached
  const reached = kinds.filter((kind) =>
    kind === 'progress_closed' ? facts.status === 'closed' : facts.status === 'in_progress',
  );
  if (reached.length === 0) return [];
  const to = complainantAddress(facts);
  if (to === null) return [];
  const ids: string[] = [];
  for (const kind of reached) {
    const link = await freshStatusLink(trx, facts);
    ids.push(
      kind === 'progress_in_handling'
        ? await queue(
            trx,
            facts,
            kind,
            { to: [to.email] },
            {
              ...common(facts, to.name),
              handlerName: facts.handlerName ?? facts.organizationName,
              dueDate: formatDate(facts.due_at),
              statusLink: link,
            },
            link,
          )
        : await queue(
            trx,
            facts,
            kind,
            { to: [to.email] },
            { ...common(facts, to.name), statusLink: link },
            link,
          ),
    );
  }
  return ids;
}

/** The satisfaction question (policy 3.2 feeds on it), sent once to the complainant after the answer. */
export async function enqueueSatisfactionRequest(trx: Scoped, complaintId: string): Promise<string | null> {
  const facts = await loadCaseFacts(trx, complaintId);
  if (facts === undefined) return null;
  const to = complainantAddress(facts);
  if (to === null) return null;
  const link = await freshStatusLink(trx, facts);
  return queue(
    trx,
    facts,
    'satisfaction_request',
    { to: [to.email] },
    { ...common(facts, to.name), statusLink: link },
    link,
  );
}
