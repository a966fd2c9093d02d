import type { AdjustmentRecordedVia } from '../../../contract/adjustments.ts';
import type { AdjustmentKind, ComplaintEffect, LegalBasis } from '../../../domain/index.ts';
import type { Scoped } from '../../db/tenant-scope.ts';
import { createEventBus } from '../../events/event-bus.ts';
import type { ComplaintRow } from './complaint.repository.ts';
import type { EventSpec } from './complaint-mutation.service.ts';

// What a complaint change publishes (decision 029). The vocabulary is the one the change already has: the
// domain's effects (ComplaintEffect) and the timeline events it stores (EventSpec). Subscribers run inside the
// change's transaction (the `Scoped` context), so what they write commits or rolls back with it.

export type ComplaintRef = { id: string; organizationId: string };

/**
 * What the complainant asked for at intake (issue 26, decision 052), already checked by the domain rule
 * (decideAdjustments): the adjustments module stores it in the registration's transaction.
 */
export type RegisteredAdjustments = {
  personId: string;
  rows: readonly { kind: AdjustmentKind; value: unknown; legalBasis: LegalBasis; consent: boolean }[];
  recordedBy: string | null;
  recordedVia: AdjustmentRecordedVia;
  at: Date;
};

/** The outbox ids a subscriber queued, per effect type: they go on that effect's timeline event. */
export type EffectReceipt = ReadonlyMap<ComplaintEffect['type'], readonly string[]>;

export type ComplaintEventMap = {
  /**
   * The domain's effects of one write (a lifecycle step or a registration), before its timeline is stored.
   * Subscribers carry out what is theirs (messages queues the mail) and answer what they queued.
   */
  'complaint.effects_decided': {
    event: { complaint: ComplaintRef; effects: readonly ComplaintEffect[] };
    reply: EffectReceipt;
  };
  /**
   * A complaint was registered, before its timeline is stored. Subscribers answer with the timeline events
   * of what they did (messages: the acknowledgement queued).
   */
  'complaint.registered': {
    /**
     * `acknowledgeAfter`: the acknowledgement waits for triage until then (acknowledgementSendAt); null: at once.
     * `channel`: how it came in (a subscriber need not read the complaint back to know).
     * `adjustments`: what the complainant asked for at intake, stored before the acknowledgement is queued
     * (so it goes by the channel they asked for); null when nothing was asked.
     */
    event: {
      complaint: ComplaintRef;
      channel: string;
      acknowledgeAfter: Date | null;
      adjustments: RegisteredAdjustments | null;
    };
    reply: readonly EventSpec[];
  };
  /**
   * One write is stored, with its timeline: the complaint as it is now and the timeline events of this write
   * (`cause` says whether it was the registration or a later change), who made it (`actorUserId`, null for
   * an API token, the portal or the mailbox) and when (`at`, the write's own `now`).
   */
  'complaint.changed': {
    event: {
      complaint: ComplaintRow;
      events: readonly EventSpec[];
      cause: 'registration' | 'change';
      actorUserId: string | null;
      at: Date;
    };
    reply: undefined;
  };
};

export type ComplaintEventBus = ReturnType<typeof createComplaintEventBus>;

export function createComplaintEventBus() {
  return createEventBus<Scoped, ComplaintEventMap>('complaint events');
}

/** The application's bus: complaints publish on it, the composition root registers its subscribers. */
export const complaintEvents: ComplaintEventBus = createComplaintEventBus();

/** The answers of all subscribers to 'complaint.effects_decided', as one receipt. */
export function mergeReceipts(receipts: readonly EffectReceipt[]): EffectReceipt {
  const merged = new Map<ComplaintEffect['type'], readonly string[]>();
  for (const receipt of receipts)
    for (const [type, ids] of receipt) merged.set(type, [...(merged.get(type) ?? []), ...ids]);
  return merged;
}
