// The public face of the access-log module: the AVG access log's one writer and its reader (docs/ARCHITECTURE.md,
// issue 23). It depends on no other module, so every module that reads personal data can record the read
// without an import cycle (complaints ↔ privacy was one).
export {
  type AccessEntry,
  type AccessLogFilter,
  type AccessReader,
  listAccessLog,
  recordAccess,
  recordAccesses,
  recordPersonComplaintsRead,
} from './access-log.service.ts';
