// The public face of the portal module: what other modules may import (docs/ARCHITECTURE.md, issue 23).
// Everything not exported here is private to the module.
export type { PortalLocale } from './messages.ts';
export {
  createPortalEventBus,
  type PortalEventBus,
  type PortalEventMap,
  portalEvents,
} from './portal-events.ts';
export { statusCodePath, statusPaths } from './portal-paths.ts';
export { applyInitialPortalSettings, type InitialPortalSettings } from './portal-settings.service.ts';
export { issueStatusAccess } from './status-access.ts';
