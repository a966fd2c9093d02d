// Photos and documents a complainant sends with the portal form (issue 21). Pure rules: which files are
// accepted and how their hidden metadata (EXIF with the GPS location, XMP, text chunks) is removed before
// anyone at the corporation sees them. No I/O: the caller reads the bytes and hands in the limits.

/** policy 1.1 (laagdrempelig): a few photos or a letter are enough; more is sent later on request. */
export const PORTAL_MAX_FILES = 5;
/** All files of one form together; each file also has its own limit (the attachment limit). */
export const PORTAL_MAX_TOTAL_BYTES = 25 * 1024 * 1024;

/**
 * Types the public form accepts, recognised from the content. Only types whose metadata we can remove
 * (policy 1.4, privacy: the complainant's location is not the corporation's business) and PDF.
 * HEIC is left out: its EXIF lives inside the ISO media boxes; phones convert to JPEG on upload.
 */
export const PORTAL_ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type PortalAttachmentType = (typeof PORTAL_ATTACHMENT_TYPES)[number];

export type PortalFileProblem = 'too_many' | 'too_large' | 'total_too_large' | 'wrong_type' | 'empty';

/**
 * The problem with the n-th file (0-based) of a form, or null when it may be kept. `totalBefore` is the
 * size of the files accepted before this one.
 */
export function portalFileProblem(
  file: { index: number; sizeBytes: number; mediaType: string | null; truncated: boolean },
  limits: { maxFileBytes: number; totalBefore: number },
): PortalFileProblem | null {
  if (file.index >= PORTAL_MAX_FILES) return 'too_many';
  if (file.truncated || file.sizeBytes > limits.maxFileBytes) return 'too_large';
  if (file.sizeBytes === 0) return 'empty';
  if (file.mediaType === null || !(PORTAL_ATTACHMENT_TYPES as readonly string[]).includes(file.mediaType))
    return 'wrong_type';
  if (limits.totalBefore + file.sizeBytes > PORTAL_MAX_TOTAL_BYTES) return 'total_too_large';
  return null;
}

export class ImageMetadataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImageMetadataError';
  }
}

/** The bytes without metadata; other types come back unchanged. Throws ImageMetadataError on a broken image. */
export function stripImageMetadata(bytes: Uint8Array, mediaType: string): Uint8Array {
  if (mediaType === 'image/jpeg') return stripJpeg(bytes);
  if (mediaType === 'image/png') return stripPng(bytes);
  if (mediaType === 'image/webp') return stripWebp(bytes);
  return bytes;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

// JPEG markers without a length field: TEM and RST0–7 (SOI and EOI are handled apart).
const STANDALONE = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);
// Kept application segments: APP0 (JFIF), APP2 (ICC colour profile), APP14 (Adobe colour transform). APP1 is
// EXIF and XMP (the GPS location, camera serial), APP13 Photoshop/IPTC; COM is a free-text comment.
const KEPT_APP = new Set([0xe0, 0xe2, 0xee]);

/** JPEG: drops APP1 (EXIF, XMP), the other application segments except colour data, and comments. */
export function stripJpeg(bytes: Uint8Array): Uint8Array {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new ImageMetadataError('not a JPEG');
  const parts: Uint8Array[] = [bytes.subarray(0, 2)];
  let offset = 2;
  while (offset < bytes.length) {
    if (bytes[offset] !== 0xff) throw new ImageMetadataError('JPEG segment expected');
    let marker = bytes[offset + 1] as number;
    let start = offset;
    // Fill bytes (0xFF repeated) may precede a marker.
    while (marker === 0xff && offset + 2 < bytes.length) {
      offset += 1;
      start = offset;
      marker = bytes[offset + 1] as number;
    }
    if (marker === 0xd9) {
      parts.push(bytes.subarray(start));
      return concat(parts);
    }
    if (STANDALONE(marker)) {
      parts.push(bytes.subarray(start, offset + 2));
      offset += 2;
      continue;
    }
    if (offset + 4 > bytes.length) throw new ImageMetadataError('JPEG segment cut off');
    const length = ((bytes[offset + 2] as number) << 8) | (bytes[offset + 3] as number);
    const end = offset + 2 + length;
    if (length < 2 || end > bytes.length) throw new ImageMetadataError('JPEG segment length out of range');
    if (marker === 0xda) {
      // Start of scan: the entropy-coded image data follows; everything after it is kept as it is.
      parts.push(bytes.subarray(start));
      return concat(parts);
    }
    const isMetadata = (marker >= 0xe0 && marker <= 0xef && !KEPT_APP.has(marker)) || marker === 0xfe;
    if (!isMetadata) parts.push(bytes.subarray(start, end));
    offset = end;
  }
  throw new ImageMetadataError('JPEG without image data');
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
// eXIf (EXIF with GPS), the text chunks (XMP travels in iTXt), and the time of last change.
const PNG_METADATA = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME']);

const ascii = (bytes: Uint8Array, offset: number) =>
  String.fromCharCode(...bytes.subarray(offset, offset + 4));

/** PNG: drops the eXIf and text chunks; every other chunk is copied with its own CRC. */
export function stripPng(bytes: Uint8Array): Uint8Array {
  if (bytes.length < 8 || PNG_SIGNATURE.some((byte, i) => bytes[i] !== byte))
    throw new ImageMetadataError('not a PNG');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: Uint8Array[] = [bytes.subarray(0, 8)];
  let offset = 8;
  while (offset < bytes.length) {
    if (offset + 12 > bytes.length) throw new ImageMetadataError('PNG chunk cut off');
    const length = view.getUint32(offset);
    const type = ascii(bytes, offset + 4);
    const end = offset + 12 + length;
    if (end > bytes.length) throw new ImageMetadataError('PNG chunk length out of range');
    if (!PNG_METADATA.has(type)) parts.push(bytes.subarray(offset, end));
    offset = end;
    if (type === 'IEND') return concat(parts);
  }
  throw new ImageMetadataError('PNG without IEND');
}

/** WebP: drops the EXIF and XMP chunks, clears their flags in VP8X and corrects the RIFF size. */
export function stripWebp(bytes: Uint8Array): Uint8Array {
  if (bytes.length < 12 || ascii(bytes, 0) !== 'RIFF' || ascii(bytes, 8) !== 'WEBP')
    throw new ImageMetadataError('not a WebP');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = Math.min(bytes.length, 8 + view.getUint32(0, true));
  const parts: Uint8Array[] = [];
  let offset = 12;
  while (offset + 8 <= end) {
    const type = ascii(bytes, offset);
    const size = view.getUint32(offset + 4, true);
    const next = offset + 8 + size + (size % 2);
    if (offset + 8 + size > end) throw new ImageMetadataError('WebP chunk length out of range');
    const chunk = bytes.slice(offset, Math.min(next, end));
    if (type === 'VP8X' && chunk.length > 8) chunk[8] = (chunk[8] as number) & ~0x0c; // EXIF and XMP flags
    if (type !== 'EXIF' && type !== 'XMP ') parts.push(chunk);
    offset = next;
  }
  const body = concat(parts);
  const header = new Uint8Array(12);
  header.set(bytes.subarray(0, 12));
  new DataView(header.buffer).setUint32(4, 4 + body.length, true);
  return concat([header, body]);
}
