import type { ComplaintEventBus } from '../complaints/index.ts';
import {
  enqueueAcknowledgement,
  enqueueEffectMessages,
  enqueueProgressMessages,
} from './complaint-messages.service.ts';
import { clearAnswerDrafts } from './composer.service.ts';

// The messages module's part in a complaint change (decision 029): it turns what changed into mail and
// letters for the complainant, queued in the change's own transaction.

export function subscribeMessagesToComplaintEvents(bus: ComplaintEventBus): void {
  // The domain's "send …" effects; the outbox ids go back onto the effect's timeline event
  bus.subscribe('complaint.effects_decided', 'messages', async (trx, { complaint, effects }) => {
    // issue 22: the answer went out, so the drafts of it are spent
    if (effects.some((effect) => effect.type === 'send_answer')) await clearAnswerDrafts(trx, complaint.id);
    return enqueueEffectMessages(trx, complaint.id, effects);
  });
  // policy 2.1: the acknowledgement of receipt
  bus.subscribe('complaint.registered', 'messages', async (trx, { complaint, channel, acknowledgeAfter }) => {
    const acknowledgement = await enqueueAcknowledgement(trx, complaint.id, acknowledgeAfter, channel);
    return acknowledgement === null
      ? []
      : [
          {
            type: 'acknowledgement_queued',
            payload: {
              outboxIds: [acknowledgement],
              ...(acknowledgeAfter === null ? {} : { heldUntil: acknowledgeAfter.toISOString() }),
            },
          },
        ];
  });
  // Policy 1.1: the progress steps of a later change (the registration's step is its acknowledgement)
  bus.subscribe('complaint.changed', 'messages', async (trx, { complaint, events, cause }) => {
    if (cause === 'change') await enqueueProgressMessages(trx, complaint.id, events);
    return undefined;
  });
}
