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
