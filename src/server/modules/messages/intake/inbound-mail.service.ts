import type { ParsedMail } from 'mailparser';
import { z } from 'zod';
import { registerComplaintInput } from '../../../../contract/complaints.ts';
import { serverNow } from '../../../clock.ts';
import type { Database } from '../../../db/database.ts';
import { inOrganization, type Scoped } from '../../../db/tenant-scope.ts';
import { loadOnce } from '../../../load-once.ts';
import * as complaints from '../../complaints/index.ts';
import { type RegistrationOrigin, registerOnly } from '../../complaints/index.ts';
import { messageEvents } from '../message-events.ts';
import * as repository from './inbound-mail.repository.ts';
import { classifyMail, referenceInSubject, repliedOutboxIds } from './mail-classification.ts';

export type InboundSource = {
  mailbox: string;
  uidValidity: string;
  uid: string;
  raw: Buffer;
  /** When the mail server received it (IMAP INTERNALDATE): harder to forge than the Date header. */
  receivedAt: Date | null;
};

export type InboundOutcome =
  | { outcome: 'complaint' | 'reply'; complaintId: string; inboundMailId: string }
  | { outcome: 'auto_reply' | 'bounce'; complaintId: null; inboundMailId: string }
  | { outcome: 'already_processed'; complaintId: string | null; inboundMailId: string };

const MAX_TEXT = 20_000;

// Parsing is only needed when mail arrives (IMAP intake, .eml upload): loaded then, not at start-up.
const loadSimpleParser = loadOnce(async () => (await import('mailparser')).simpleParser);

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * The readable body: the text part, or a text rendering of the HTML — never the HTML itself. mailparser
 * renders HTML to text only when the HTML is the whole message, so an HTML part inside multipart/mixed
 * is parsed again as a message of its own to get the same (html-to-text) rendering.
 */
async function bodyText(mail: ParsedMail): Promise<string> {
  let text = mail.text ?? '';
  if (text.trim() === '' && typeof mail.html === 'string' && mail.html !== '') {
    // Images would come out as their URL (tracking pixels, logos): noise in a complaint, so they go first
    const withoutImages = mail.html.replace(/<img\b[^>]*>/gi, '');
    const html = Buffer.from(withoutImages, 'utf8').toString('base64');
    const simpleParser = await loadSimpleParser();
    const alone = await simpleParser(
      `Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${html}`,
    );
    text = alone.text ?? '';
  }
  return text
    .replace(/\r\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function attachmentsOf(mail: ParsedMail) {
  return mail.attachments
    .filter((a) => a.contentDisposition !== 'inline' || a.filename !== undefined)
    .map((a) => ({ fileName: a.filename ?? 'bijlage', contentType: a.contentType, sizeBytes: a.size }));
}

const emailAddress = z.email().max(254);

/** A sender address we could not write back to is treated as no address at all. */
function sender(mail: ParsedMail): { address: string | null; name: string | null } {
  const first = mail.from?.value[0];
  const given = first?.address?.trim().toLowerCase() ?? '';
  const address = emailAddress.safeParse(given).success ? given : null;
  return { address, name: first?.name?.trim() || null };
}

/** Messages without a Message-ID still get a stable key, from where they were found. */
function messageIdOf(mail: ParsedMail, source: InboundSource): string {
  return (
    mail.messageId?.trim() || `<imap-${source.uidValidity}-${source.uid}@${source.mailbox}.gehoord.invalid>`
  );
}

/**
 * A reply names one of our (unguessable) Message-IDs, or quotes the reference from the complainant's own
 * address. Anyone can type a reference in a subject: from a stranger it starts a complaint of its own
 * instead of writing into somebody else's case.
 */
async function findRepliedComplaint(
  trx: Scoped,
  mail: ParsedMail,
  from: string | null,
): Promise<string | null> {
  const byHeader = await repository.findComplaintOfOutboxMessage(trx, repliedOutboxIds(mail));
  if (byHeader?.complaint_id) return byHeader.complaint_id;
  const reference = referenceInSubject(mail.subject);
  if (reference === null || from === null) return null;
  const found = await repository.findComplaintByReference(trx, reference);
  const known = [found?.complainantEmail, found?.representativeEmail].map((e) => e?.trim().toLowerCase());
  return found !== undefined && known.includes(from) ? found.id : null;
}

/**
 * One e-mail, processed exactly once: the bookkeeping row (unique per Message-ID and per mailbox UID)
 * is written in the same transaction as the complaint or the timeline entry it causes. A second run
 * over the same mail — after a crash before it was moved, or by a second instance — finds the row and
 * changes nothing.
 */
export async function processInboundMail(
  db: Database,
  organizationId: string,
  source: InboundSource,
  now = serverNow(),
  /** Who registers a new complaint: the mailbox itself, or the staff member who uploaded the file. */
  origin: RegistrationOrigin = { kind: 'portal', organizationId },
): Promise<InboundOutcome> {
  const simpleParser = await loadSimpleParser();
  const mail = await simpleParser(source.raw, { skipImageLinks: true });
  const messageId = messageIdOf(mail, source);
  const from = sender(mail);
  const attachments = attachmentsOf(mail);
  try {
    return await inOrganization(db, organizationId, async (trx) => {
      const done = await repository.findProcessed(trx, { ...source, messageId });
      if (done !== undefined)
        return { outcome: 'already_processed', complaintId: done.complaint_id, inboundMailId: done.id };
      const kind = classifyMail(mail);
      const keep = (outcome: 'complaint' | 'reply' | 'auto_reply' | 'bounce', complaintId: string | null) =>
        repository.insertInboundMail(trx, {
          organizationId,
          mailbox: source.mailbox,
          uidValidity: source.uidValidity,
          uid: source.uid,
          messageId,
          outcome,
          complaintId,
          fromAddress: from.address,
          subject: mail.subject ?? null,
          attachmentNames: attachments.map((a) => a.fileName),
          raw: source.raw,
        });
      if (kind !== 'message') {
        return { outcome: kind, complaintId: null, inboundMailId: await keep(kind, null) };
      }
      const text = await bodyText(mail);
      const replyTo = await findRepliedComplaint(trx, mail, from.address);
      if (replyTo !== null) {
        const inboundMailId = await keep('reply', replyTo);
        await addReplyToCase(trx, organizationId, replyTo, {
          inboundMailId,
          from: from.address,
          subject: mail.subject ?? '',
          text,
          attachments,
        });
        // The handler hears of it (issue 22), in this transaction
        await messageEvents.publish(trx, 'complainant.replied', {
          complaint: { id: replyTo, organizationId },
          key: inboundMailId,
          at: now,
        });
        return { outcome: 'reply', complaintId: replyTo, inboundMailId };
      }
      const complaintId = await registerFromMail(trx, origin, mail, from, text, source, now);
      const inboundMailId = await keep('complaint', complaintId);
      await complaints.insertEvent(trx, {
        organizationId,
        complaintId,
        type: 'email_received',
        actorUserId: null,
        actorTokenId: null,
        contactKind: 'email',
        contactDirection: 'inbound',
        summary: clip(mail.subject ?? '', 500) || null,
        payload: { inboundMailId, from: from.address, attachments },
      });
      // Our acknowledgement threads under the complainant's own mail
      await repository.threadAcknowledgementUnder(trx, complaintId, messageId);
      return { outcome: 'complaint', complaintId, inboundMailId };
    });
  } catch (error) {
    // Another instance committed the same mail first: that is the exactly-once guard doing its job
    if ((error as { code?: string }).code === '23505')
      return inOrganization(db, organizationId, async (trx) => {
        const done = await repository.findProcessed(trx, { ...source, messageId });
        if (done === undefined) throw error;
        return { outcome: 'already_processed', complaintId: done.complaint_id, inboundMailId: done.id };
      });
    throw error;
  }
}

async function registerFromMail(
  trx: Scoped,
  origin: RegistrationOrigin,
  mail: ParsedMail,
  from: { address: string | null; name: string | null },
  text: string,
  source: InboundSource,
  now: Date,
): Promise<string> {
  const known = from.address === null ? undefined : await repository.findPersonByEmail(trx, from.address);
  const subject = (mail.subject ?? '').trim();
  const description = clip(
    [subject, text].filter((part) => part !== '').join('\n\n') || '(lege e-mail)',
    MAX_TEXT,
  );
  const receivedAt = source.receivedAt !== null && source.receivedAt <= now ? source.receivedAt : now;
  const input = registerComplaintInput.parse({
    channel: 'email',
    receivedAt: receivedAt.toISOString(),
    ...(known !== undefined
      ? { complainantId: known.id }
      : from.address !== null
        ? {
            complainant: {
              name: clip(from.name ?? from.address, 200),
              email: from.address,
              relation: 'other',
            },
          }
        : {}),
    description,
  });
  const { row } = await registerOnly(trx, origin, input, now);
  return row.id;
}

async function addReplyToCase(
  trx: Scoped,
  organizationId: string,
  complaintId: string,
  reply: {
    inboundMailId: string;
    from: string | null;
    subject: string;
    text: string;
    attachments: ReturnType<typeof attachmentsOf>;
  },
) {
  const row = await complaints.findComplaint(trx, complaintId, { forUpdate: true });
  if (row === undefined) return;
  await complaints.insertEvent(trx, {
    organizationId,
    complaintId,
    type: 'complainant_message',
    actorUserId: null,
    actorTokenId: null,
    contactKind: 'email',
    contactDirection: 'inbound',
    summary: clip(reply.text || reply.subject, MAX_TEXT),
    payload: {
      inboundMailId: reply.inboundMailId,
      from: reply.from,
      subject: reply.subject,
      attachments: reply.attachments,
    },
  });
  // The case changed (its timeline): a stale If-Match elsewhere must notice
  await complaints.updateComplaint(trx, complaintId, row.version, {});
}
