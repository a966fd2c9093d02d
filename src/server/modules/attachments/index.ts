// The public face of the attachments module: what other modules may import (docs/ARCHITECTURE.md, issue 23).
// Everything not exported here is private to the module.
export { insertAttachment } from './attachment.repository.ts';
export { ContentProbe, FileTooLargeError, type ProbeResult } from './content-probe.ts';
export { contentDisposition, sanitizeFileName } from './file-name.ts';
export { type AllowedMediaType, defaultKindOf, recogniseMediaType } from './media-type.ts';
