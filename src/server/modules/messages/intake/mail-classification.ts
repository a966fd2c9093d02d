import type { ParsedMail } from 'mailparser';
import { outboxIdFromMessageId } from '../outbox/mail-delivery.ts';

export type MailKind = 'bounce' | 'auto_reply' | 'message';

function header(mail: ParsedMail, name: string): string {
  const value = mail.headers.get(name);
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && 'value' in value) {
    const params = 'params' in value ? JSON.stringify(value.params) : '';
    return `${String(value.value)} ${params}`;
  }
  return String(value);
}

const AUTO_SUBJECT =
  /^\s*(automatisch(e)? (antwoord|beantwoord)|afwezig|out of (the )?office|auto(matic)?[ -]?(reply|response|antwoord)|autoreply|abwesenheit|absence)/i;
const BOUNCE_FROM = /(mailer-daemon|postmaster|mail delivery (system|subsystem))/i;
const BOUNCE_SUBJECT =
  /^\s*(undeliver(able|ed)|delivery status notification|returned mail|mail delivery failed|onbestelbaar|niet bezorgd)/i;

/**
 * Bounces and automatic replies are recognised (RFC 3464 reports, RFC 3834 Auto-Submitted, the common
 * vendor headers and subjects) so an out-of-office never becomes a complaint, and we never answer a
 * machine — that is how mail loops start.
 */
export function classifyMail(mail: ParsedMail): MailKind {
  const contentType = header(mail, 'content-type').toLowerCase();
  const from = mail.from?.text ?? '';
  if (
    (contentType.includes('multipart/report') && contentType.includes('delivery-status')) ||
    BOUNCE_FROM.test(from) ||
    BOUNCE_SUBJECT.test(mail.subject ?? '')
  )
    return 'bounce';
  const autoSubmitted = header(mail, 'auto-submitted').trim().toLowerCase();
  const precedence = header(mail, 'precedence').trim().toLowerCase();
  if (
    (autoSubmitted !== '' && !autoSubmitted.startsWith('no')) ||
    header(mail, 'x-autoreply') !== '' ||
    header(mail, 'x-autorespond') !== '' ||
    ['bulk', 'junk', 'list', 'auto_reply'].includes(precedence) ||
    header(mail, 'list-id') !== '' ||
    AUTO_SUBJECT.test(mail.subject ?? '')
  )
    return 'auto_reply';
  return 'message';
}

const REFERENCE = /\bK-(\d{4})-(\d{5})\b/;

/** The complaint reference (K-2026-00042) in a subject line, if any. */
export function referenceInSubject(subject: string | undefined): string | null {
  return REFERENCE.exec(subject ?? '')?.[0] ?? null;
}

/** Outbox ids of our own messages this one replies to (In-Reply-To, then References, newest first). */
export function repliedOutboxIds(mail: ParsedMail): string[] {
  const references = Array.isArray(mail.references)
    ? mail.references
    : mail.references
      ? [mail.references]
      : [];
  const candidates = [mail.inReplyTo ?? '', ...references.reverse()];
  return [...new Set(candidates.map(outboxIdFromMessageId).filter((id): id is string => id !== null))];
}
