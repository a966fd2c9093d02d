// The public face of the attachments module: what other modules may import (docs/ARCHITECTURE.md, issue 23).
// Everything not exported here is private to the module.
export { insertAttachment } from './attachment.repository.ts';
export { ContentProbe, FileTooLargeError, type ProbeResult } from './files/content-probe.ts';
export { contentDisposition, sanitizeFileName } from './files/file-name.ts';
export { type AllowedMediaType, defaultKindOf, recogniseMediaType } from './files/media-type.ts';
