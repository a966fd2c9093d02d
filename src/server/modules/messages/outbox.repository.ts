import { redactStatusLinks } from '../../../domain/index.ts';
import { toSystemTime } from '../../clock.ts';
import { executeKept } from '../../db/kept-statements.ts';
import type { Scoped } from '../../db/tenant-scope.ts';

export type OutgoingMessage = {
  organizationId: string;
  complaintId: string | null;
  /** What it is, e.g. 'acknowledgement', 'answer', 'extension_notice' (lower snake case). */
  kind: string;
  to: string[];
  cc?: string[];
  subject: string;
  bodyText: string;
  bodyHtml?: string | null;
  /** The complainant's status link, for delivery only: stored apart, the body keeps its redacted form. */
  secretLink?: string | null;
  /** Issue 21: the complainant's step this message tells (complainant-updates); one live row per key. */
  stepKey?: string | null;
  /** A letter to post instead of a mail: the worker leaves it, staff print and post it (issue 21). */
  toPost?: boolean;
  /**
   * Held until then, a server-clock moment (an e-mail's acknowledgement waits for triage,
   * complainant-updates.ts); else at once.
   */
  notBefore?: Date | null;
};

/**
 * Queues a message in the caller's transaction: it goes out only if the case change commits. The stored
 * text is what staff may read, so a status-link token in it is redacted (issue 20); the worker restores
 * `secretLink` into the mail it sends.
 */
export async function enqueueMessage(trx: Scoped, message: OutgoingMessage): Promise<string> {
  // Decision 055: kept; the optional columns make at most four texts
  const [row] = await executeKept(
    trx,
    trx
      .insertInto('outbox_message')
      .values({
        organization_id: message.organizationId,
        complaint_id: message.complaintId,
        kind: message.kind,
        recipient_to: message.to,
        recipient_cc: message.cc ?? [],
        subject: message.subject,
        body_text: redactStatusLinks(message.bodyText),
        body_html: message.bodyHtml == null ? null : redactStatusLinks(message.bodyHtml),
        secret_link: message.secretLink ?? null,
        step_key: message.stepKey ?? null,
        ...(message.toPost ? { status: 'to_post' as const } : {}),
        // the hold is a business moment (server clock); the worker compares with the database's real now()
        ...(message.notBefore ? { next_attempt_at: toSystemTime(message.notBefore) } : {}),
      })
      .returning('id'),
  );
  if (row === undefined) throw new Error('message not queued');
  return row.id;
}
