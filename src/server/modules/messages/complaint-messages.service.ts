import {
  COMPLAINANT_STEPS,
  type ComplainantStep,
  type ComplaintEffect,
  type ComplaintStatus,
  complainantStepKey,
  complainantStepOf,
  decideComplainantUpdate,
  heldAcknowledgementAfter,
  parseComplainantStepKey,
  type ToldEntry,
  toLocalDate,
  withdrawsUnpostedAcknowledgement,
} from '../../../domain/index.ts';
import {
  isNotAComplaintTarget,
  REFERRAL_TARGETS,
  type ReferralTarget,
} from '../../../domain/referral-targets.ts';
import { letterLocale, type TenantLocale, tenantLocaleOf } from '../../../domain/tenant-locales.ts';
import type { Scoped } from '../../db/tenant-scope.ts';
import { insertEvents } from '../complaints/index.ts';
import { issueStatusAccess } from '../portal/index.ts';
import { CASE_TEXT_IN_GEHOORD, mailIncludesCaseText } from '../privacy/index.ts';
import {
  cancelWaitingStep,
  findComplainantLocale,
  findRegisteredHandlerId,
  listLiveOutboxSteps,
  loadCaseFacts,
  releaseHeldAcknowledgement,
  staffEmails,
} from './complaint-messages.repository.ts';
import { loadLetterParties } from './letters/answer-letter.service.ts';
import { enqueueMessage } from './outbox.repository.ts';
import { followAdjustments } from './recipients/adjustment-follow-through.ts';
import { answerCcWhoMaySee } from './recipients/answer-cc.ts';
import {
  caseLink,
  committeeValues,
  formatDate,
  statusCodeUrl,
  statusLink,
} from './settings/message-settings.ts';
import { findCommitteeDetails, loadTemplate } from './template.repository.ts';
import { UNNAMED_RECIPIENT } from './templates/default-templates.ts';
import type { MessageKind, ValuesFor } from './templates/message-kinds.ts';
import { renderTemplate } from './templates/render-template.ts';

// Turns the domain's "send …" effects into outbox rows, in the case change's own transaction: the mail
// goes out only if the change commits, and a committed change always has its mail queued.

export { loadCaseFacts, staffEmails };

export type CaseFacts = NonNullable<Awaited<ReturnType<typeof loadCaseFacts>>>;

/**
 * A representative acting for the complainant receives the mail in their place (policy 2.1). A complainant who
 * asked for letters (or to be phoned) gets no e-mail (issue 26, decision 051): as without an address, the
 * message becomes a letter to post (decision 016) and the cc learns of it.
 */
export function complainantAddress(facts: CaseFacts): { name: string; email: string } | null {
  if (facts.preferredChannel === 'letter' || facts.preferredChannel === 'phone') return null;
  if (facts.representativeEmail)
    return { name: facts.representativeName ?? '', email: facts.representativeEmail };
  if (facts.complainantEmail) return { name: facts.complainantName ?? '', email: facts.complainantEmail };
  return null;
}

function common(facts: CaseFacts, recipientName: string, locale: TenantLocale = 'nl') {
  return {
    organizationName: facts.organizationName,
    recipientName: recipientName.trim() === '' ? UNNAMED_RECIPIENT[locale] : recipientName,
    reference: facts.reference,
  };
}

type QueueOptions = {
  locale?: TenantLocale;
  stepKey?: string | null;
  toPost?: boolean;
  notBefore?: Date | null;
};

async function queue<K extends MessageKind>(
  trx: Scoped,
  facts: CaseFacts,
  kind: K,
  recipients: { to: string[]; cc?: string[] },
  values: ValuesFor<K>,
  secretLink: string | null = null,
  options: QueueOptions = {},
): Promise<string> {
  const template = await loadTemplate(trx, kind, options.locale ?? 'nl');
  const rendered = renderTemplate(kind, template, values);
  const id = await enqueueMessage(trx, {
    organizationId: facts.organization_id,
    complaintId: facts.id,
    kind,
    to: recipients.to,
    cc: recipients.cc ?? [],
    subject: rendered.subject,
    bodyText: rendered.bodyText,
    // The complainant's status link: kept for delivery only, the stored text shows it redacted (issue 20)
    secretLink,
    stepKey: options.stepKey ?? null,
    toPost: options.toPost ?? false,
    notBefore: options.notBefore ?? null,
  });
  // Issue 26 (decision 053): a copy for the representative, a call-back for who asked to be phoned
  if (!NOT_FOLLOWED.has(kind))
    await followAdjustments(trx, facts, {
      kind,
      values: values as Record<string, string>,
      locale: options.locale ?? 'nl',
      outboxId: id,
      mailedTo: options.toPost ? null : (recipients.to[0] ?? null),
      notBefore: options.notBefore ?? null,
      reached: true,
    });
  return id;
}

/** Messages not to the complainant about their complaint: the staff cc's copy, the satisfaction question. */
const NOT_FOLLOWED = new Set<MessageKind>(['answer_copy', 'satisfaction_request']);

/**
 * A message that reaches the complainant without an outbox row (the answer or explanation letter printed on the
 * case), or one that would have gone but reached no one: followed through the adjustments all the same.
 */
function followUnqueued(
  trx: Scoped,
  facts: CaseFacts,
  kind: MessageKind,
  values: Record<string, string>,
  locale: TenantLocale,
  reached: boolean,
) {
  return followAdjustments(trx, facts, {
    kind,
    values,
    locale,
    outboxId: null,
    mailedTo: null,
    notBefore: null,
    reached,
  });
}

/**
 * A fresh private status link for a mail to the complainant (issue 21, decision 024): the token is never
 * stored in the clear, so each mail that carries the link gets its own; earlier ones keep working.
 */
async function freshStatusLink(trx: Scoped, facts: CaseFacts, locale: TenantLocale = 'nl'): Promise<string> {
  const { token } = await issueStatusAccess(trx, {
    organizationId: facts.organization_id,
    complaintId: facts.id,
  });
  return statusLink(token, locale);
}

/** Web submissions are confirmed by the public portal itself, with their status link (not from here). */
function portalAcknowledges(channel: string): boolean {
  return channel === 'web';
}

/**
 * Acknowledgement of receipt (policy 2.1): reference, term date and status link. Web submissions get
 * theirs from the public portal. Without an e-mail address it is a letter on the "te posten" list (issue 21):
 * an outbox row `to_post` whose PDF (acknowledgement-letter.service.ts) prints the link as a QR code and a
 * case code; posting it is recorded like the progress letters.
 */
export async function enqueueAcknowledgement(
  trx: Scoped,
  complaintId: string,
  /** Held until triage or then (acknowledgementSendAt, policy 1.2); null: at once. */
  notBefore: Date | null = null,
  /** The channel, when the caller knows it: a web submission then costs no read at all. */
  channel: string | null = null,
  /**
   * Issue 26 (decision 052): the portal asks for it when the complainant chose letters on the form, so the
   * web submission is acknowledged by post like any other (the portal e-mails only the others).
   */
  asked: { forWebSubmission?: boolean } = {},
): Promise<string | null> {
  const byPortal = (c: string) => portalAcknowledges(c) && asked.forWebSubmission !== true;
  if (channel !== null && byPortal(channel)) return null;
  const facts = await loadCaseFacts(trx, complaintId);
  if (facts === undefined || byPortal(facts.channel)) return null;
  const to = complainantAddress(facts);
  const spoken = tenantLocaleOf(facts.complainant_locale);
  let recipient: string;
  let recipientName: string;
  let locale: TenantLocale;
  let link: string;
  let secretLink: string | null;
  if (to !== null) {
    [recipient, recipientName, locale] = [to.email, to.name, spoken];
    link = await freshStatusLink(trx, facts, locale);
    secretLink = link;
  } else {
    // By post, to the postal address or the home the complaint is about; with neither, staff call
    const parties = await loadLetterParties(trx, facts.id);
    if (parties.addressLines.length === 0) {
      // nobody to write to: staff call (a call-back when the complainant asked for one)
      await followUnqueued(trx, facts, 'acknowledgement', {}, 'nl', false);
      return null;
    }
    // A letter goes in Dutch when its language cannot be printed (decision 028); it never carries the
    // secret link: the text names the page where the printed case code is typed
    [recipientName, locale] = [parties.name, letterLocale(spoken)];
    recipient = recipientName.trim() || facts.reference;
    link = statusCodeUrl(locale);
    secretLink = null;
  }
  const options = {
    locale,
    // issue 21: the "received" step, naming this handler (an assignment to the same person adds nothing)
    stepKey: complainantStepKey('received', facts.handler_id ?? ''),
    notBefore: to === null ? null : notBefore,
    toPost: to === null,
  };
  // policy 2.6: a repeat past the last response is recorded; its acknowledgement promises no answer or date
  if (!facts.has_answer_term)
    return queue(
      trx,
      facts,
      'acknowledgement_without_answer',
      { to: [recipient] },
      {
        ...common(facts, recipientName, locale),
        receivedDate: formatDate(facts.received_at, locale),
        statusLink: link,
        ...committeeValues(await findCommitteeDetails(trx)),
      },
      secretLink,
      options,
    );
  return queue(
    trx,
    facts,
    'acknowledgement',
    { to: [recipient] },
    {
      ...common(facts, recipientName, locale),
      receivedDate: formatDate(facts.received_at, locale),
      dueDate: formatDate(facts.due_at, locale),
      statusLink: link,
      handlerName: facts.handlerName ?? facts.organizationName,
    },
    secretLink,
    options,
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
          // issue 21: in the complainant's language (the cc reads along)
          const locale = await complainantLocale(trx, facts.id);
          const link = await freshStatusLink(trx, facts, locale);
          add(
            effect.type,
            await queue(
              trx,
              facts,
              kind,
              { to: [to.email], cc },
              {
                ...common(facts, to.name, locale),
                answerText,
                handlerName,
                statusLink: link,
                ...committeeValues(await findCommitteeDetails(trx)),
              },
              link,
              { locale },
            ),
          );
        } else {
          // No e-mail address: the answer goes by post (the letter printed on the case), followed through the
          // adjustments like a mail (decision 053)
          const locale = letterLocale(await complainantLocale(trx, facts.id));
          await followUnqueued(
            trx,
            facts,
            answerKind(facts.repeat),
            {
              ...common(facts, facts.complainantName ?? '', locale),
              answerText,
              handlerName,
              statusLink: statusCodeUrl(locale),
              ...committeeValues(await findCommitteeDetails(trx)),
            },
            locale,
            true,
          );
        }
        if (to === null && cc.length > 0) {
          // No e-mail address: the cc still learns of it, with the letter to print
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
        if (facts.status === 'with_board') {
          // policy 2.5, decision 014: the neutral explanation is the board track's one message (issue 21)
          const id = await tellComplainant(trx, facts, 'board_track', '', (base) => ({
            ...base,
            explanationText: effect.text,
            handlerName,
          }));
          if (id !== null) add(effect.type, id);
        } else if (to !== null)
          add(
            effect.type,
            await queue(
              trx,
              facts,
              'explanation',
              { to: [to.email] },
              {
                ...common(facts, to.name, await complainantLocale(trx, facts.id)),
                explanationText: effect.text,
                handlerName,
              },
              null,
              { locale: await complainantLocale(trx, facts.id) },
            ),
          );
        else {
          // policy 2.5: the explanation letter is prepared on the case; the adjustments follow it (decision 053)
          const locale = letterLocale(await complainantLocale(trx, facts.id));
          await followUnqueued(
            trx,
            facts,
            'explanation',
            {
              ...common(facts, facts.complainantName ?? '', locale),
              explanationText: effect.text,
              handlerName,
            },
            locale,
            true,
          );
        }
        break;
      case 'notify_complainant_of_extension': {
        // policy 2.3: the new date and why, once per new date
        const id = await tellComplainant(trx, facts, 'extended', toLocalDate(effect.dueAt), (base) => ({
          ...base,
          dueDate: formatDate(effect.dueAt, base.locale),
          extensionText: effect.text,
        }));
        if (id !== null) add(effect.type, id);
        break;
      }
      case 'record_referral': {
        // Outside-procedure referrals are part of the explanation; only a non-complaint is referred at once
        if (!isNotAComplaintTarget(effect.referral.to)) break;
        const id = await tellComplainant(trx, facts, 'referred', '', (base) => ({
          ...base,
          referralTarget: REFERRAL_TARGETS[effect.referral.to as ReferralTarget]?.label ?? effect.referral.to,
          referralDetail: effect.referral.detail ?? '',
        }));
        if (id !== null) add(effect.type, id);
        break;
      }
    }
  }
  return queued;
}

/** The complainant's language as stored on the complaint (issue 21, decision 028); Dutch by default. */
async function complainantLocale(trx: Scoped, complaintId: string): Promise<TenantLocale> {
  return tenantLocaleOf(await findComplainantLocale(trx, complaintId));
}

const OUTCOME_KINDS = new Set(['answer', 'stand_by_decision', 'last_response', 'explanation']);

/** What this complainant was already told, from the outbox (mail and letters) and the case itself. */
async function loadTold(trx: Scoped, facts: CaseFacts): Promise<ToldEntry[]> {
  const rows = await listLiveOutboxSteps(trx, facts.id);
  const told: ToldEntry[] = [];
  for (const row of rows) {
    const pending = row.status === 'pending' || row.status === 'to_post';
    const parsed = row.step_key === null ? null : parseComplainantStepKey(row.step_key);
    if (parsed !== null) told.push({ ...parsed, pending });
    else if (OUTCOME_KINDS.has(row.kind)) told.push({ step: 'outcome', detail: row.kind, pending });
  }
  // By post: the answer letter or the posted explanation ended it too
  if (facts.answered_at !== null || facts.explanation_posted_on !== null)
    told.push({ step: 'outcome', detail: 'letter', pending: false });
  // Without e-mail the acknowledgement is a letter (acknowledgement-letter.service.ts): it named the handler
  if (!told.some((t) => t.step === 'received')) {
    const handlerId = await findRegisteredHandlerId(trx, facts.id);
    if (complainantAddress(facts) === null && handlerId)
      told.push({ step: 'received', detail: handlerId, pending: false });
  }
  return told;
}

type StepValues = ReturnType<typeof common> & { statusLink: string; locale: TenantLocale };

/**
 * Tells the complainant about one step of their complaint, as the domain decides (complainant-updates.ts):
 * by mail, else as a letter on the "te posten" list, at most once per step. Returns the outbox id, or null
 * when nothing was sent (a staff hint goes on the timeline when the complainant cannot be reached).
 */
async function tellComplainant(
  trx: Scoped,
  facts: CaseFacts,
  step: ComplainantStep,
  detail: string,
  values: (base: StepValues) => Record<string, string>,
): Promise<string | null> {
  const mail = complainantAddress(facts);
  const decision = decideComplainantUpdate({
    step,
    detail,
    contact: {
      email: mail !== null,
      // the letter goes to the postal address, else the home the complaint is about (answer-letter.service.ts)
      postalAddress: mail === null && (await loadLetterParties(trx, facts.id)).addressLines.length > 0,
    },
    told: await loadTold(trx, facts),
  });
  for (const cancelled of decision.cancel)
    await withdrawWaiting(trx, facts.id, cancelled, ['pending', 'to_post']);
  if (!decision.send) {
    if (decision.staffHint)
      await insertEvents(trx, [
        {
          organizationId: facts.organization_id,
          complaintId: facts.id,
          actorUserId: null,
          actorTokenId: null,
          type: 'complainant_update_not_sent',
          payload: { step, policy: decision.policy, reason: decision.reason },
        },
      ]);
    // it would have gone, but reached no one: a call-back when the complainant asked for one
    if (decision.staffHint) await followUnqueued(trx, facts, COMPLAINANT_STEPS[step].kind, {}, 'nl', false);
    return null;
  }
  if (decision.replacesPending) await withdrawWaiting(trx, facts.id, step, ['pending', 'to_post']);
  const byPost = decision.delivery === 'letter';
  // A letter on paper goes in the complainant's language when it can be printed (all of them, decision 028)
  const spoken = await complainantLocale(trx, facts.id);
  const locale = byPost ? letterLocale(spoken) : spoken;
  // A letter cannot carry the secret link: it points at the page where the case code is typed
  const link = byPost ? statusCodeUrl(locale) : await freshStatusLink(trx, facts, locale);
  const name = mail?.name ?? facts.complainantName ?? '';
  return queue(
    trx,
    facts,
    decision.kind,
    { to: [byPost ? name.trim() || facts.reference : (mail?.email ?? '')] },
    values({ ...common(facts, name, locale), statusLink: link, locale }) as ValuesFor<typeof decision.kind>,
    byPost ? null : link,
    { locale, stepKey: decision.key, toPost: byPost },
  );
}

/** A message of a step still waiting (or a letter not yet posted) is withdrawn: a newer one replaces it. */
async function withdrawWaiting(
  trx: Scoped,
  complaintId: string,
  step: ComplainantStep,
  statuses: ('pending' | 'to_post')[],
): Promise<void> {
  await cancelWaitingStep(trx, complaintId, step, statuses);
}

/**
 * Policy 1.1: "De voortgang … koppelen wij altijd terug". Each step of this write that matters to the
 * complainant (assigned, committee, withdrawn, reopened, closed) tells them, once. No internal detail.
 */
export async function enqueueProgressMessages(
  trx: Scoped,
  complaintId: string,
  events: readonly { type: string; payload?: Record<string, unknown> }[],
): Promise<string[]> {
  const steps = new Set<ComplainantStep>();
  for (const event of events) {
    const stepEvent = {
      type: event.type,
      from: event.payload?.from as ComplaintStatus | undefined,
      to: event.payload?.to as ComplaintStatus | undefined,
    };
    // policy 1.2: triaged as a complaint, a held "complaint received" goes now, ahead of this step's message
    if (heldAcknowledgementAfter(stepEvent) === 'release') await releaseHeldAcknowledgement(trx, complaintId);
    if (withdrawsUnpostedAcknowledgement(event.type))
      await withdrawWaiting(trx, complaintId, 'received', ['to_post']);
    const step = complainantStepOf(stepEvent);
    // The extension, the referral and the board track's explanation are told with their effects (they
    // carry the text)
    if (step !== null && !['extended', 'referred', 'board_track'].includes(step)) steps.add(step);
  }
  if (steps.size === 0) return [];
  const facts = await loadCaseFacts(trx, complaintId);
  if (facts === undefined) return [];
  const ids: string[] = [];
  for (const step of steps) {
    const detail = step === 'assigned' ? (facts.handler_id ?? '') : '';
    const id = await tellComplainant(trx, facts, step, detail, (base) =>
      step === 'assigned'
        ? {
            ...base,
            handlerName: facts.handlerName ?? facts.organizationName,
            dueDate: formatDate(facts.due_at, base.locale),
          }
        : base,
    );
    if (id !== null) ids.push(id);
  }
  return ids;
}

/** The satisfaction question (policy 3.2 feeds on it), sent once to the complainant after the answer. */
export async function enqueueSatisfactionRequest(trx: Scoped, complaintId: string): Promise<string | null> {
  const facts = await loadCaseFacts(trx, complaintId);
  if (facts === undefined) return null;
  const to = complainantAddress(facts);
  if (to === null) return null;
  const locale = await complainantLocale(trx, facts.id);
  const link = await freshStatusLink(trx, facts, locale);
  return queue(
    trx,
    facts,
    'satisfaction_request',
    { to: [to.email] },
    { ...common(facts, to.name, locale), statusLink: link },
    link,
    { locale },
  );
}
