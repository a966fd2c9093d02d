import { createHash } from 'node:crypto';
import {
  callBackAsked,
  callBackTopicOf,
  representativeCopyMarker,
  representativeCopyRouteOf,
} from '../../../../domain/index.ts';
import type { TenantLocale } from '../../../../domain/tenant-locales.ts';
import type { Scoped } from '../../../db/tenant-scope.ts';
import { insertEvents } from '../../complaints/index.ts';
import { hasLiveStep, REPRESENTATIVE_COPY_KEY } from '../complaint-messages.repository.ts';
import { enqueueMessage } from '../outbox.repository.ts';
import { statusCodeUrl } from '../settings/message-settings.ts';
import { loadTemplate } from '../template.repository.ts';
import type { MessageKind, ValuesFor } from '../templates/message-kinds.ts';
import { renderTemplate } from '../templates/render-template.ts';

// Issue 26 (decision 053): every message the complainant gets (or would have got) is followed through their
// adjustments, in the message's own transaction: a copy for a representative who receives copies, and a
// call-back for a complainant who prefers the phone or gave call-back times.

type Facts = Readonly<{
  id: string;
  organization_id: string;
  complainantName: string | null;
  adjustments: readonly { kind: string; value: unknown }[];
}>;

export type ComplainantMessage = Readonly<{
  kind: MessageKind;
  /** The values the complainant's text was rendered with (their name, the answer…). */
  values: Record<string, string>;
  locale: TenantLocale;
  /** The complainant's outbox row (a mail or a letter to post); null when the letter is printed on the case. */
  outboxId: string | null;
  /** The complainant's e-mail address when it went by e-mail (a representative who receives it needs no copy). */
  mailedTo: string | null;
  notBefore: Date | null;
  /** False when it would have gone but reached no one (no address): a call-back, but nothing to copy. */
  reached: boolean;
}>;

/** The copy's text: the complainant's message, the status link left out (it is the complainant's, decision 053). */
async function renderCopy(
  trx: Scoped,
  facts: Facts,
  message: ComplainantMessage,
  representativeName: string,
) {
  const template = await loadTemplate(trx, message.kind, message.locale);
  const values =
    'statusLink' in message.values
      ? { ...message.values, statusLink: statusCodeUrl(message.locale === 'en' ? 'en' : 'nl') }
      : message.values;
  const rendered = renderTemplate(message.kind, template, values as ValuesFor<MessageKind>);
  const marker = representativeCopyMarker(representativeName, facts.complainantName ?? '');
  const english = message.locale === 'en';
  return {
    subject: `${english ? 'Copy' : 'Kopie'}: ${rendered.subject}`,
    bodyText: `${english ? marker.en : marker.nl}\n\n${rendered.bodyText}`,
  };
}

async function copyForRepresentative(trx: Scoped, facts: Facts, message: ComplainantMessage) {
  const route = representativeCopyRouteOf(
    facts.adjustments as Parameters<typeof representativeCopyRouteOf>[0],
  );
  if (route === null || !message.reached) return;
  const event = { organizationId: facts.organization_id, complaintId: facts.id, actorUserId: null };
  if (route.channel === 'none') {
    await insertEvents(trx, [
      {
        ...event,
        actorTokenId: null,
        type: 'representative_copy_not_sent',
        payload: { messageKind: message.kind, reason: 'no_address' },
      },
    ]);
    return;
  }
  if (route.channel === 'email' && message.mailedTo?.toLowerCase() === route.email.toLowerCase()) return;
  const copy = await renderCopy(trx, facts, message, route.name);
  // One copy per message; a letter printed on the case has no row: its text names the copy
  const stepKey = `${REPRESENTATIVE_COPY_KEY}${
    message.outboxId ??
    `${message.kind}:${createHash('sha256').update(copy.bodyText).digest('hex').slice(0, 32)}`
  }`;
  if (message.outboxId === null && (await hasLiveStep(trx, facts.id, stepKey))) return;
  const copyId = await enqueueMessage(trx, {
    organizationId: facts.organization_id,
    complaintId: facts.id,
    kind: 'representative_copy',
    // A copy letter names the representative and their address (the letter's window); a mail their address
    to: route.channel === 'email' ? [route.email] : [route.name, ...route.addressLines],
    subject: copy.subject,
    bodyText: copy.bodyText,
    secretLink: null,
    stepKey,
    toPost: route.channel === 'letter',
    notBefore: route.channel === 'email' ? message.notBefore : null,
  });
  await insertEvents(trx, [
    {
      ...event,
      actorTokenId: null,
      type: 'representative_copy_queued',
      // the timeline names the copy, never its text; no contact moment with the complainant (state unchanged)
      payload: { outboxId: copyId, of: message.outboxId, messageKind: message.kind, channel: route.channel },
    },
  ]);
}

/** A complainant who asked to be phoned gets a call-back about this message from the handler (next steps). */
async function requestCallBack(trx: Scoped, facts: Facts, message: ComplainantMessage) {
  if (!callBackAsked(facts.adjustments as Parameters<typeof callBackAsked>[0])) return;
  await insertEvents(trx, [
    {
      organizationId: facts.organization_id,
      complaintId: facts.id,
      actorUserId: null,
      actorTokenId: null,
      type: 'call_back_requested',
      payload: {
        topic: callBackTopicOf(message.kind),
        messageKind: message.kind,
        outboxId: message.outboxId,
      },
    },
  ]);
}

export async function followAdjustments(trx: Scoped, facts: Facts, message: ComplainantMessage) {
  if (facts.adjustments.length === 0) return;
  await copyForRepresentative(trx, facts, message);
  await requestCallBack(trx, facts, message);
}
