import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  ImageMetadataError,
  PORTAL_MAX_TOTAL_BYTES,
  portalFileProblem,
  stripImageMetadata,
} from '../../src/domain/index.ts';
import { GPS_LATITUDE_BYTES, sampleJpeg, samplePdf, samplePng } from '../attachments/sample-files.ts';

const contains = (haystack: Uint8Array, needle: Buffer | string) =>
  Buffer.from(haystack).includes(typeof needle === 'string' ? Buffer.from(needle, 'latin1') : needle);

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, checksum]);
}

/** The sample PNG with metadata chunks inserted after IHDR. */
function pngWithMetadata(): Buffer {
  const png = samplePng();
  const afterHeader = 8 + 25;
  return Buffer.concat([
    png.subarray(0, afterHeader),
    pngChunk('eXIf', GPS_LATITUDE_BYTES),
    pngChunk('tEXt', Buffer.from('Comment\0Dorpsstraat 12', 'latin1')),
    pngChunk('iTXt', Buffer.from('XML:com.adobe.xmp\0\0\0\0\0exif:GPSLatitude', 'latin1')),
    png.subarray(afterHeader),
  ]);
}

function webpChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.write(type, 0, 'latin1');
  head.writeUInt32LE(data.length, 4);
  return Buffer.concat([head, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
}

function webp(chunks: Buffer[]): Buffer {
  const body = Buffer.concat(chunks);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(4 + body.length, 4);
  header.write('WEBP', 8, 'latin1');
  return Buffer.concat([header, body]);
}

const vp8x = (flags: number) => Buffer.from([flags, 0, 0, 0, 7, 0, 0, 7, 0, 0]);
const image = webpChunk('VP8L', Buffer.from([0x2f, 7, 0xc0, 0x01, 0x00, 0x10, 0x07]));

describe('stripImageMetadata (issue 21: the location of a photo never reaches the corporation)', () => {
  it('removes EXIF (with GPS), XMP and the comment from a JPEG and keeps the image data', () => {
    const photo = sampleJpeg();
    expect(contains(photo, GPS_LATITUDE_BYTES)).toBe(true);
    const stripped = stripImageMetadata(photo, 'image/jpeg');
    for (const trace of [GPS_LATITUDE_BYTES, 'Exif', 'GPSLatitude', 'Dorpsstraat'])
      expect(contains(stripped, trace)).toBe(false);
    // Exactly the same picture as one that never had the metadata.
    expect(Buffer.from(stripped).equals(sampleJpeg({ gps: false }))).toBe(true);
  });

  it('keeps a JPEG without metadata byte for byte', () => {
    const clean = sampleJpeg({ gps: false });
    expect(Buffer.from(stripImageMetadata(clean, 'image/jpeg')).equals(clean)).toBe(true);
  });

  it('removes eXIf and text chunks from a PNG, keeping the others with their checksums', () => {
    const stripped = stripImageMetadata(pngWithMetadata(), 'image/png');
    for (const trace of [GPS_LATITUDE_BYTES, 'eXIf', 'tEXt', 'iTXt', 'GPSLatitude'])
      expect(contains(stripped, trace)).toBe(false);
    expect(Buffer.from(stripped).equals(samplePng())).toBe(true);
  });

  it('removes EXIF and XMP chunks from a WebP, clears their flags and corrects the RIFF size', () => {
    const withMetadata = webp([
      webpChunk('VP8X', vp8x(0x0c)),
      image,
      webpChunk('EXIF', GPS_LATITUDE_BYTES),
      webpChunk('XMP ', Buffer.from('exif:GPSLatitude', 'latin1')),
    ]);
    const stripped = stripImageMetadata(withMetadata, 'image/webp');
    expect(Buffer.from(stripped).equals(webp([webpChunk('VP8X', vp8x(0)), image]))).toBe(true);
  });

  it('leaves a PDF as it is', () => {
    const pdf = samplePdf();
    expect(stripImageMetadata(pdf, 'application/pdf')).toBe(pdf);
  });

  it.each([
    ['image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x10, 0x00, 1, 2])],
    ['image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0, 0])],
    ['image/png', samplePng().subarray(0, 40)],
    ['image/webp', webp([webpChunk('VP8X', vp8x(0))]).subarray(0, 20)],
  ])('refuses a broken %s rather than passing it on half-cleaned', (type, bytes) => {
    expect(() => stripImageMetadata(bytes, type)).toThrow(ImageMetadataError);
  });
});

describe('portalFileProblem (issue 21: at most 5 files, images and PDF, within the limits)', () => {
  const limits = { maxFileBytes: 1000, totalBefore: 0 };
  const file = { index: 0, sizeBytes: 500, mediaType: 'image/jpeg' as string | null, truncated: false };
  it.each([
    ['a photo', file, limits, null],
    ['a PDF', { ...file, mediaType: 'application/pdf' }, limits, null],
    ['the fifth file', { ...file, index: 4 }, limits, null],
    ['a sixth file', { ...file, index: 5 }, limits, 'too_many'],
    ['a file over the limit', { ...file, sizeBytes: 1001 }, limits, 'too_large'],
    ['a file cut off at the limit', { ...file, truncated: true }, limits, 'too_large'],
    ['an empty file', { ...file, sizeBytes: 0 }, limits, 'empty'],
    ['an unrecognised type', { ...file, mediaType: null }, limits, 'wrong_type'],
    ['a type staff may add but the form not', { ...file, mediaType: 'message/rfc822' }, limits, 'wrong_type'],
    [
      'a file that passes the total',
      file,
      { maxFileBytes: 1000, totalBefore: PORTAL_MAX_TOTAL_BYTES - 499 },
      'total_too_large',
    ],
  ] as const)('%s', (_name, candidate, given, expected) => {
    expect(portalFileProblem(candidate, given)).toBe(expected);
  });
});
