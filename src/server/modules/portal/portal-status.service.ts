import {
  CLOSED_FOR_MESSAGES_STATUSES,
  isStatusIn,
  normalizeCaseCode,
  sameReference,
  satisfactionNeedsFollowUp,
} from '../../../domain/index.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization, type Scoped } from '../../db/tenant-scope.ts';
import { findComplaint } from '../complaints/index.ts';
import { statusTokenForCode } from './access/status-access.ts';
import { STATUS_TOKEN_PATTERN, sha256Hex } from './forms/form-token.ts';
import type { PortalContext } from './http/portal-context.ts';
import type { PortalSettingsRow, StatusComplaintRow } from './portal.repository.ts';
import * as repository from './portal.repository.ts';
import { portalEvents } from './portal-events.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What we sent the complainant and what they sent us; internal notes and contacts never appear here. */
export const COMPLAINANT_EVENT_TYPES = [
  'answer_sent',
  'explanation_sent',
  'extension_notice_sent',
  'referral_recorded',
  'complainant_message',
] as const;

/** Valid while not revoked, not past its own expiry, and not longer than the set number of days after closure. */
function isLinkValid(row: StatusComplaintRow, daysAfterClose: number, now: Date): boolean {
  if (row.revoked_at !== null) return false;
  if (row.expires_at !== null && row.expires_at <= now) return false;
  if (row.closed_at !== null && row.closed_at.getTime() + daysAfterClose * DAY_MS <= now.getTime())
    return false;
  return true;
}

/** A merge may be followed by another (B into A, later A into C): at most this many steps. */
const MAX_MERGE_STEPS = 5;

/**
 * Issue 22 (decision 035): the link of a complaint merged into another opens the other one — its status,
 * messages and rating — saying which complaint the link was made for. The link's own expiry and revocation
 * still hold.
 */
async function followMerges(trx: Scoped, row: StatusComplaintRow): Promise<StatusComplaintRow | null> {
  let current = row;
  for (let step = 0; current.merged_into_id !== null; step++) {
    if (step >= MAX_MERGE_STEPS) return null;
    const into = await repository.findStatusComplaint(trx, current.merged_into_id);
    if (into === undefined) return null;
    current = {
      ...into,
      link_id: row.link_id,
      expires_at: row.expires_at,
      revoked_at: row.revoked_at,
      mergedFromReference: row.reference,
    };
  }
  return current;
}

async function findByToken(trx: Scoped, context: PortalContext, token: string, now: Date) {
  if (!STATUS_TOKEN_PATTERN.test(token)) return null;
  const found = await repository.findComplaintByStatusToken(trx, sha256Hex(token));
  const row = found === undefined ? null : await followMerges(trx, found);
  if (row === null || !isLinkValid(row, context.settings.status_link_days_after_close, now)) return null;
  return row;
}

/**
 * Issue 21: the code and reference a tenant typed from their letter, to the private link's token; null for
 * anything wrong (unknown code, other complaint's reference, revoked or expired), so the page answers the
 * same whatever was wrong. A malformed code still costs the same lookup.
 */
export async function findStatusTokenByCode(
  db: Database,
  context: PortalContext,
  typed: { code: string; reference: string },
  now: Date,
): Promise<string | null> {
  const code = normalizeCaseCode(typed.code);
  const token = statusTokenForCode(context.secret, code ?? typed.code);
  return inOrganization(db, context.organizationId, async (trx) => {
    const row = await findByToken(trx, context, token, now);
    // The reference on the letter is the one the code was made for, also after a merge (issue 22)
    const reference = row?.mergedFromReference ?? row?.reference ?? '';
    if (code === null || row === null || !sameReference(typed.reference, reference)) return null;
    return token;
  });
}

export type StatusView = {
  complaint: StatusComplaintRow;
  events: StatusParts['events'];
  satisfaction: StatusParts['satisfaction'];
  canAddMessage: boolean;
  canRate: boolean;
  acknowledgementQueued: boolean;
  /** Issue 26: the acknowledgement is a posted letter (they asked for letters). */
  acknowledgementByPost: boolean;
  /** Issue 26: what the complainant asked for, so they can check it was heard. */
  adjustments: StatusParts['adjustments'];
};

/** The complaint behind a status token, or null for a tampered, unknown, revoked or expired one. */
type StatusParts = Awaited<ReturnType<typeof repository.loadStatusParts>>;

export async function loadStatus(
  db: Database,
  context: PortalContext,
  token: string,
  now: Date,
): Promise<StatusView | null> {
  return inOrganization(db, context.organizationId, (trx) =>
    statusIn(trx, context.settings.status_link_days_after_close, token, now),
  );
}

/**
 * The status page's read (issue 24): the portal settings and the status in one transaction, the link, its
 * complaint and what the complainant may see of it in one query — four round trips instead of seven.
 */
export async function loadStatusPage(
  db: Database,
  organizationId: string,
  token: string,
  now: Date,
): Promise<{ settings: PortalSettingsRow; view: StatusView | null }> {
  return inOrganization(db, organizationId, async (trx) => {
    const settings = await repository.loadPortalSettings(trx, organizationId);
    return { settings, view: await statusIn(trx, settings.status_link_days_after_close, token, now) };
  });
}

async function statusIn(
  trx: Scoped,
  daysAfterClose: number,
  token: string,
  now: Date,
): Promise<StatusView | null> {
  if (!STATUS_TOKEN_PATTERN.test(token)) return null;
  const found = await repository.findStatusWithParts(trx, sha256Hex(token), COMPLAINANT_EVENT_TYPES);
  if (found === undefined) return null;
  // A merged complaint's link shows the complaint it went into: its parts, not the link's own (issue 22)
  const complaint =
    found.complaint.merged_into_id === null ? found.complaint : await followMerges(trx, found.complaint);
  if (complaint === null || !isLinkValid(complaint, daysAfterClose, now)) return null;
  const { events, satisfaction, acknowledged, acknowledgedByPost, adjustments } =
    complaint === found.complaint
      ? found.parts
      : await repository.loadStatusParts(trx, complaint.id, COMPLAINANT_EVENT_TYPES);
  return {
    complaint,
    events,
    satisfaction,
    canAddMessage: !isStatusIn(CLOSED_FOR_MESSAGES_STATUSES, complaint.status),
    canRate: complaint.answered_at !== null && satisfaction === null,
    acknowledgementQueued: acknowledged,
    acknowledgementByPost: acknowledgedByPost,
    adjustments,
  };
}

export type StatusWriteOutcome = 'done' | 'invalid_link' | 'not_allowed';

/** The complainant adds information: a timeline event without an actor, the text as its summary. */
export async function addComplainantMessage(
  db: Database,
  context: PortalContext,
  input: { token: string; nonce: string; text: string },
  now: Date,
): Promise<StatusWriteOutcome> {
  return inOrganization(db, context.organizationId, async (trx) => {
    const complaint = await findByToken(trx, context, input.token, now);
    if (complaint === null) return 'invalid_link';
    if (isStatusIn(CLOSED_FOR_MESSAGES_STATUSES, complaint.status)) return 'not_allowed';
    const earlier = await repository.claimNonce(trx, {
      organizationId: context.organizationId,
      nonceHash: sha256Hex(input.nonce),
      purpose: 'message',
      requestHash: sha256Hex(`${complaint.id}\n${input.text}`),
    });
    // A double click or reload: the message is already there once.
    if (earlier !== null) return 'done';
    await repository.insertComplainantEvent(trx, {
      organizationId: context.organizationId,
      complaintId: complaint.id,
      type: 'complainant_message',
      summary: input.text,
      payload: { via: 'portal' },
    });
    await portalEvents.publish(trx, 'complainant.messaged', {
      complaint: { id: complaint.id, organizationId: context.organizationId },
      key: sha256Hex(input.nonce),
      at: now,
    });
    return 'done';
  });
}

/**
 * The satisfaction rating after the answer, once per complaint. A low score on either question puts a
 * follow-up on the timeline and notifies the accountable manager; nothing is sent to the complainant.
 */
export async function rateHandling(
  db: Database,
  context: PortalContext,
  input: { token: string; handling: number; outcome: number; comment: string | null },
  now: Date,
): Promise<StatusWriteOutcome> {
  return inOrganization(db, context.organizationId, async (trx) => {
    const complaint = await findByToken(trx, context, input.token, now);
    if (complaint === null) return 'invalid_link';
    if (complaint.answered_at === null) return 'not_allowed';
    const stored = await repository.insertSatisfaction(trx, {
      organizationId: context.organizationId,
      complaintId: complaint.id,
      handling: input.handling,
      outcome: input.outcome,
      comment: input.comment,
    });
    if (!stored) return 'done';
    const row = await findComplaint(trx, complaint.id);
    const followUp = satisfactionNeedsFollowUp(input);
    if (followUp) {
      await repository.insertComplainantEvent(trx, {
        organizationId: context.organizationId,
        complaintId: complaint.id,
        type: 'satisfaction_follow_up_requested',
        summary: input.comment,
        payload: { handling: input.handling, outcome: input.outcome },
      });
    }
    // The CRM hears of the rating (integrations) and, on a low score, the accountable manager (notifications)
    if (row !== undefined)
      await portalEvents.publish(trx, 'satisfaction.rated', {
        complaint: row,
        handling: input.handling,
        outcome: input.outcome,
        followUp,
        at: now,
      });
    return 'done';
  });
}
