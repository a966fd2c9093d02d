// The public face of the platform module: what other modules may import (docs/ARCHITECTURE.md, issue 23).
// Everything not exported here is private to the module.
export {
  authenticatePlatform,
  changeHostnames,
  createCorporation,
  createPlatformAdmin,
  linkOnHost,
  listCorporations,
  PLATFORM_SESSION_COOKIE,
  type PlatformActor,
  type PlatformPrincipal,
  preparePlatformAdminLink,
  setCorporationSuspended,
} from './platform.service.ts';
export {
  assertExportKey,
  decryptExport,
  type ExportedFile,
  exportCorporation,
  TABLES_NOT_EXPORTED,
} from './platform-export.service.ts';
