import type { PortalEventBus } from '../portal/index.ts';
import { insertIntegrationEvent } from './integration-event.repository.ts';

// The integrations module's part in what the portal publishes (decision 029).

export function subscribeIntegrationsToPortalEvents(bus: PortalEventBus): void {
  // The CRM hears about the rating (integrations issue): scores only, never the comment; never a
  // confidential complaint
  bus.subscribe('satisfaction.rated', 'integrations', async (trx, { complaint, handling, outcome }) => {
    if (!complaint.confidential)
      await insertIntegrationEvent(trx, {
        organizationId: complaint.organization_id,
        type: 'satisfaction.received',
        complaintId: complaint.id,
        payload: {
          complaint: { id: complaint.id, reference: complaint.reference, path: `/klachten/${complaint.id}` },
          satisfaction: { handling, outcome },
        },
      });
    return undefined;
  });
}
