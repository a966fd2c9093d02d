import type { PortalEventBus } from '../portal/index.ts';
import { enqueueAcknowledgement } from './complaint-messages.service.ts';
import { enqueueMessage } from './outbox.repository.ts';

// The messages module's part in what the portal publishes (decision 029).

export function subscribeMessagesToPortalEvents(bus: PortalEventBus): void {
  // policy 2.1: the website complaint's acknowledgement, as the portal wrote it in the complainant's language
  bus.subscribe('complaint.submitted_online', 'messages', async (trx, { complaint, acknowledgement }) => {
    // issue 26: they asked for letters, so the acknowledgement is a letter to post (decision 016), from here
    if (acknowledgement.by === 'post') {
      await enqueueAcknowledgement(trx, complaint.id, null, null, { forWebSubmission: true });
      return undefined;
    }
    await enqueueMessage(trx, {
      organizationId: complaint.organizationId,
      complaintId: complaint.id,
      kind: 'acknowledgement',
      to: [acknowledgement.to],
      subject: acknowledgement.subject,
      bodyText: acknowledgement.bodyText,
      secretLink: acknowledgement.secretLink,
      stepKey: acknowledgement.stepKey,
    });
    return undefined;
  });
}
