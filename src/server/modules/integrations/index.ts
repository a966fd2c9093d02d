// The public face of the integrations module: what other modules may import (docs/ARCHITECTURE.md, issue 23).
// Everything not exported here is private to the module.
export { subscribeIntegrationsToComplaintEvents } from './complaint-events.subscriber.ts';
export { publishIntegrationEvent } from './integration-events.service.ts';
export { subscribeIntegrationsToPortalEvents } from './portal-events.subscriber.ts';
