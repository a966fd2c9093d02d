import type { z } from 'zod';
import type { outboxListQuery, templateText } from '../../../contract/messages.ts';
import type { FieldError } from '../../../contract/problem.ts';
import { mayShowComplaint } from '../../../domain/index.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization, type Scoped } from '../../db/tenant-scope.ts';
import { AppError } from '../../http/app-error.ts';
import type { StaffPrincipal } from '../../http/principal.ts';
import { recordAccesses } from '../access-log/index.ts';
import { recordAuthEvent } from '../auth/index.ts';
import { toAccess } from '../complaints/index.ts';
import * as outbox from './outbox-admin.repository.ts';
import * as templates from './template.repository.ts';
import { DEFAULT_TEMPLATES } from './templates/default-templates.ts';
import { isMessageKind, type Locale, MESSAGE_KINDS, type MessageKind } from './templates/message-kinds.ts';
import { PLACEHOLDERS } from './templates/placeholders.ts';
import { exampleValues, renderTemplate, validateTemplate } from './templates/render-template.ts';

type OutboxRow = Awaited<ReturnType<typeof outbox.listOutbox>>[number];

/**
 * Issue 20: a message about a complaint the reader may not see whole is shown redacted: what delivery needs
 * (kind, status, attempts, dates) without the complaint, addresses, subject, error or text. A daily digest
 * lists complaints of its recipient, so its text is never shown here.
 */
function isRedacted(staff: StaffPrincipal, row: OutboxRow): boolean {
  if (row.complaint_id === null || row.confidential === null) return false;
  return !mayShowComplaint(staff, toAccess({ ...row, confidential: row.confidential }));
}

/** Outgoing kinds that are not a template of their own: notices to staff, built from their notification. */
const OTHER_OUTBOX_KINDS: Readonly<Record<string, { nl: string; en: string }>> = {
  staff_notification: { nl: 'Melding aan een medewerker', en: 'Notification to a staff member' },
  daily_digest: { nl: 'Dagelijks overzicht', en: 'Daily digest' },
  board_criminal_suspicion: {
    nl: 'Melding aan de directie: vermoeden van een strafbaar feit',
    en: 'Notice to the board: suspected criminal offence',
  },
};

/** Issue 22: the outbox names each kind in words; an unknown kind reads as words, never as a raw code. */
function labelOutboxKind(kind: string) {
  if (isMessageKind(kind)) return MESSAGE_KINDS[kind].label;
  const words = kind.replaceAll('_', ' ');
  return OTHER_OUTBOX_KINDS[kind] ?? { nl: words, en: words };
}

function toOutboxMessage(row: OutboxRow, redacted: boolean) {
  return {
    id: row.id,
    complaintId: redacted ? null : row.complaint_id,
    kind: row.kind,
    kindLabel: labelOutboxKind(row.kind),
    to: redacted ? [] : row.recipient_to,
    cc: redacted ? [] : row.recipient_cc,
    subject: redacted ? '' : row.subject,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at.toISOString(),
    lastError: redacted ? null : row.last_error,
    providerMessageId: row.provider_message_id,
    createdAt: row.created_at.toISOString(),
    sentAt: row.sent_at?.toISOString() ?? null,
    redacted,
  };
}

/** Reading a message of a complaint is a read of that complaint: in the access log (AVG accountability). */
async function logRead(trx: Scoped, staff: StaffPrincipal, rows: readonly OutboxRow[]) {
  const complaintIds = [...new Set(rows.flatMap((r) => (r.complaint_id === null ? [] : [r.complaint_id])))];
  await recordAccesses(
    trx,
    staff,
    complaintIds.map((complaintId) => ({ what: 'export' as const, complaintId, detail: { kind: 'outbox' } })),
  );
}

export function listOutbox(db: Database, staff: StaffPrincipal, query: z.infer<typeof outboxListQuery>) {
  return inOrganization(db, staff.organizationId, async (trx) => {
    const rows = await outbox.listOutbox(trx, query);
    const shown = rows.filter((r) => !isRedacted(staff, r));
    await logRead(trx, staff, shown);
    // Asked for one complaint the reader may not see: answered as for an unknown complaint
    if (query.complaintId !== undefined) return shown.map((r) => toOutboxMessage(r, false));
    return rows.map((r) => toOutboxMessage(r, isRedacted(staff, r)));
  });
}

export function getOutboxMessage(db: Database, staff: StaffPrincipal, id: string) {
  return inOrganization(db, staff.organizationId, async (trx) => {
    const row = await outbox.findOutboxMessage(trx, id);
    if (row === undefined) throw new AppError('not_found');
    const redacted = isRedacted(staff, row);
    if (!redacted) await logRead(trx, staff, [row]);
    const withheld = redacted || row.kind === 'daily_digest';
    return { ...toOutboxMessage(row, redacted), bodyText: withheld ? '' : row.body_text };
  });
}

export function retryOutboxMessage(db: Database, staff: StaffPrincipal, id: string) {
  return inOrganization(db, staff.organizationId, async (trx) => {
    if (!(await outbox.retryFailed(trx, id))) {
      if ((await outbox.findOutboxMessage(trx, id)) === undefined) throw new AppError('not_found');
      throw new AppError('conflict', {
        detail: 'Only a failed message can be sent again, and not when its step was told since (issue 21).',
      });
    }
    const row = await outbox.findOutboxMessage(trx, id);
    if (row === undefined) throw new AppError('not_found');
    // issue 22: who sent what again is in the administrator's audit log (ids and kind only, no addresses)
    await recordAuthEvent(trx, {
      organizationId: staff.organizationId,
      type: 'outbox_retried',
      actorUserId: staff.userId,
      ip: staff.origin?.ip ?? null,
      userAgent: staff.origin?.userAgent ?? null,
      details: { outboxMessageId: row.id, kind: row.kind },
    });
    return toOutboxMessage(row, isRedacted(staff, row));
  });
}

function requireKind(kind: string): MessageKind {
  if (!isMessageKind(kind)) throw new AppError('not_found', { detail: `No message kind ${kind}.` });
  return kind;
}

function checked(kind: MessageKind, text: z.infer<typeof templateText>) {
  const problems = validateTemplate(kind, text);
  if (problems.length > 0) {
    const fieldErrors: FieldError[] = problems.map((p) => ({
      in: 'body',
      path: p.field,
      code: p.code,
      messages: p.messages,
    }));
    throw new AppError('template_invalid', { fieldErrors });
  }
  return text;
}

export function listTemplates(db: Database, staff: StaffPrincipal) {
  return inOrganization(db, staff.organizationId, async (trx) => {
    const own = await templates.listOwnTemplates(trx);
    const textOf = (kind: MessageKind, locale: Locale) => {
      const found = own.find((t) => t.kind === kind && t.locale === locale);
      return found
        ? { subject: found.subject, body: found.body, custom: true }
        : { ...DEFAULT_TEMPLATES[kind][locale], custom: false };
    };
    return (Object.keys(MESSAGE_KINDS) as MessageKind[]).map((kind) => ({
      kind,
      label: MESSAGE_KINDS[kind].label,
      audience: MESSAGE_KINDS[kind].audience,
      placeholders: MESSAGE_KINDS[kind].placeholders.map((name) => ({
        name,
        description: { nl: PLACEHOLDERS[name].nl, en: PLACEHOLDERS[name].en },
      })),
      texts: { nl: textOf(kind, 'nl'), en: textOf(kind, 'en') },
    }));
  });
}

export function saveTemplate(
  db: Database,
  staff: StaffPrincipal,
  kindName: string,
  locale: Locale,
  text: z.infer<typeof templateText>,
) {
  const kind = requireKind(kindName);
  const valid = checked(kind, text);
  return inOrganization(db, staff.organizationId, (trx) =>
    templates.saveTemplate(trx, {
      organizationId: staff.organizationId,
      kind,
      locale,
      subject: valid.subject,
      body: valid.body,
      userId: staff.userId,
    }),
  );
}

export function resetTemplate(db: Database, staff: StaffPrincipal, kindName: string, locale: Locale) {
  const kind = requireKind(kindName);
  return inOrganization(db, staff.organizationId, (trx) => templates.deleteTemplate(trx, kind, locale));
}

/** What a complainant would read, filled with example values; an invalid template is a 400 here too. */
export function previewTemplate(kindName: string, text: z.infer<typeof templateText>) {
  const kind = requireKind(kindName);
  return renderTemplate(kind, checked(kind, text), exampleValues(kind) as never);
}
