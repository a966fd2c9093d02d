import { fileTypeFromFile } from 'file-type';
import { ALLOWED_ATTACHMENT_TYPES } from '../../../../contract/attachments.ts';
import type { ProbeResult } from './content-probe.ts';

export type AllowedMediaType = (typeof ALLOWED_ATTACHMENT_TYPES)[number];

const ALLOWED = new Set<string>(ALLOWED_ATTACHMENT_TYPES);

/**
 * The type of an upload, recognised from its bytes; the file name and the browser's claimed type are
 * ignored, so a renamed program is refused. Null means: not a type we accept.
 */
export async function recogniseMediaType(file: string, probe: ProbeResult): Promise<AllowedMediaType | null> {
  const detected = await fileTypeFromFile(file);
  if (detected !== undefined) return ALLOWED.has(detected.mime) ? (detected.mime as AllowedMediaType) : null;
  // No binary signature. E-mail and text have none; anything else here is an unknown binary.
  if (probe.hasNul) return null;
  if (looksLikeEmail(probe.head)) return 'message/rfc822';
  return probe.isText ? 'text/plain' : null;
}

const FIELD = /^[!-9;-~]+:/; // RFC 5322 2.2: printable ASCII except the colon, then a colon
const FOLDED = /^[ \t]+\S/;
const EMAIL_FIELDS = new Set(['date', 'subject', 'to', 'message-id', 'received', 'mime-version']);

/** An .eml file: a header block (RFC 5322) with at least `From` and one other typical field, then a blank line. */
export function looksLikeEmail(head: Buffer): boolean {
  const text = head.toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  if (end <= 0) return false;
  const names = new Set<string>();
  for (const line of text.slice(0, end).split(/\r?\n/)) {
    if (FOLDED.test(line) && names.size > 0) continue;
    if (!FIELD.test(line)) return false;
    names.add(line.slice(0, line.indexOf(':')).toLowerCase());
  }
  return names.has('from') && [...EMAIL_FIELDS].some((name) => names.has(name));
}

/** Without a kind from the uploader: photos and e-mails recognise themselves, the rest is `other`. */
export function defaultKindOf(mediaType: AllowedMediaType): 'photo' | 'email' | 'other' {
  if (mediaType.startsWith('image/')) return 'photo';
  if (mediaType === 'message/rfc822') return 'email';
  return 'other';
}
