// The public face of the portal module: what other modules may import (docs/ARCHITECTURE.md, issue 23).
// Everything not exported here is private to the module.

export { issueStatusAccess } from './access/status-access.ts';
export { statusCodePath, statusPaths } from './http/portal-paths.ts';
export type { PortalLocale } from './i18n/messages.ts';
export {
  createPortalEventBus,
  type PortalEventBus,
  type PortalEventMap,
  portalEvents,
} from './portal-events.ts';
export { applyInitialPortalSettings, type InitialPortalSettings } from './portal-settings.service.ts';
