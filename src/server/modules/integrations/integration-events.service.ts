import type { Scoped } from '../../db/tenant-scope.ts';
import { insertIntegrationEvent } from './integration-event.repository.ts';

/**
 * Publishes one integration event in the caller's transaction (policy 1.4): it enters the change feed and is
 * queued for every active webhook endpoint that wants its type. For events that are not a complaint change
 * (e.g. learning's improvement actions).
 */
export async function publishIntegrationEvent(
  trx: Scoped,
  event: {
    organizationId: string;
    type: string;
    complaintId: string | null;
    payload: Record<string, unknown>;
  },
): Promise<void> {
  await insertIntegrationEvent(trx, event);
}
