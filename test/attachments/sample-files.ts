import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

/** A real PNG (RGB, a colour gradient), built byte by byte so the test needs no image file. */
export function samplePng(width = 8, height = 8): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const checksum = Buffer.alloc(4);
    checksum.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, checksum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter, no interlace
  const rows = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) rows.set([x * 30, y * 30, 120], y * (1 + width * 3) + 1 + x * 3);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A minimal one-page PDF. */
export function samplePdf(): Buffer {
  return Buffer.from(
    [
      '%PDF-1.4',
      '1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj',
      '2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj',
      '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj',
      'trailer <</Root 1 0 R>>',
      '%%EOF',
      '',
    ].join('\n'),
    'latin1',
  );
}

/** The start of a Windows program (DOS stub), as a renamed .exe would arrive. */
export function sampleExe(): Buffer {
  const bytes = Buffer.alloc(512);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('This program cannot be run in DOS mode.', 0x4e, 'latin1');
  bytes.write('PE\0\0', 0x80, 'latin1');
  return bytes;
}

export function sampleEmail(): Buffer {
  return Buffer.from(
    [
      'From: Jannie de Vries <jannie@example.nl>',
      'To: klachten@woonstichting.example',
      'Subject: Lekkage badkamer',
      'Date: Tue, 24 Nov 2026 09:12:00 +0100',
      'Message-ID: <abc123@example.nl>',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Geachte heer/mevrouw, de lekkage is nog steeds niet verholpen.',
      '',
    ].join('\r\n'),
  );
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A multipart/form-data body exactly as a browser's FormData sends it. */
export async function multipartBody(
  file: { name: string; bytes: Buffer; claimedType?: string } | null,
  fields: Record<string, string> = {},
) {
  const form = new FormData();
  if (file !== null)
    form.append(
      'file',
      new Blob([new Uint8Array(file.bytes)], { type: file.claimedType ?? 'application/octet-stream' }),
      file.name,
    );
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    headers: { 'content-type': request.headers.get('content-type') as string },
  };
}

/** A GPS position (52°5'N, 5°7'E) as EXIF rationals, big-endian: recognisable in the bytes of a file. */
export const GPS_LATITUDE_BYTES = Buffer.from([
  0, 0, 0, 52, 0, 0, 0, 1, 0, 0, 0, 5, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1,
]);

/** An EXIF block (TIFF, big-endian) whose IFD0 points to a GPS IFD with latitude reference and latitude. */
export function exifWithGps(): Buffer {
  const tiff = Buffer.alloc(8 + 2 + 12 + 4 + 2 + 24 + 4 + 24);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4); // IFD0 at 8
  tiff.writeUInt16BE(1, 8); // one entry
  tiff.writeUInt16BE(0x8825, 10); // GPSInfo
  tiff.writeUInt16BE(4, 12); // LONG
  tiff.writeUInt32BE(1, 14);
  const gpsIfd = 8 + 2 + 12 + 4;
  tiff.writeUInt32BE(gpsIfd, 18);
  tiff.writeUInt32BE(0, 22); // no next IFD
  tiff.writeUInt16BE(2, gpsIfd);
  tiff.writeUInt16BE(1, gpsIfd + 2); // GPSLatitudeRef
  tiff.writeUInt16BE(2, gpsIfd + 4); // ASCII
  tiff.writeUInt32BE(2, gpsIfd + 6);
  tiff.write('N\0', gpsIfd + 10, 'latin1');
  const rationals = gpsIfd + 2 + 24 + 4;
  tiff.writeUInt16BE(2, gpsIfd + 14); // GPSLatitude
  tiff.writeUInt16BE(5, gpsIfd + 16); // RATIONAL
  tiff.writeUInt32BE(3, gpsIfd + 18);
  tiff.writeUInt32BE(rationals, gpsIfd + 22);
  tiff.writeUInt32BE(0, gpsIfd + 26);
  GPS_LATITUDE_BYTES.copy(tiff, rationals);
  return Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
}

const segment = (marker: number, data: Buffer) => {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xff00 | marker, 0);
  head.writeUInt16BE(data.length + 2, 2);
  return Buffer.concat([head, data]);
};

/**
 * A real baseline JPEG (8×8 grey, one block), built byte by byte, carrying a photo's metadata: EXIF with a
 * GPS position, XMP with the same position, and a comment. `gps: false` gives the same picture without them.
 */
export function sampleJpeg({ gps = true }: { gps?: boolean } = {}): Buffer {
  const jfif = segment(0xe0, Buffer.from([0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]));
  const metadata = gps
    ? [
        segment(0xe1, exifWithGps()),
        segment(
          0xe1,
          Buffer.from(
            'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><rdf:Description exif:GPSLatitude="52,5.0N"/></x:xmpmeta>',
            'latin1',
          ),
        ),
        segment(0xfe, Buffer.from('Keukenkastje, Dorpsstraat 12', 'latin1')),
      ]
    : [];
  const quantisation = segment(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)]));
  const frame = segment(0xc0, Buffer.from([8, 0, 8, 0, 8, 1, 1, 0x11, 0]));
  // One-code Huffman tables: DC category 0 and AC end-of-block, each the one-bit code "0".
  const dc = segment(0xc4, Buffer.concat([Buffer.from([0x00, 1]), Buffer.alloc(15), Buffer.from([0])]));
  const ac = segment(0xc4, Buffer.concat([Buffer.from([0x10, 1]), Buffer.alloc(15), Buffer.from([0])]));
  const scan = segment(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0]));
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    jfif,
    ...metadata,
    quantisation,
    frame,
    dc,
    ac,
    scan,
    Buffer.from([0x3f]), // "0" (DC 0), "0" (end of block), padded with ones
    Buffer.from([0xff, 0xd9]),
  ]);
}
