import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';

// Turns whatever an endpoint answers into text a marker can be searched in: JSON and text as they are, a PDF
// through pdftotext, a ZIP or an Excel workbook entry by entry (names and contents, PDFs inside as text).

const isZip = (bytes: Buffer) => bytes.length > 4 && bytes.readUInt32LE(0) === 0x04034b50;
const isPdf = (bytes: Buffer) => bytes.subarray(0, 5).toString('latin1') === '%PDF-';

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-q', file, '-'], { encoding: 'utf8' });
}

function walk(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

function fileText(file: string, root: string): string {
  const bytes = readFileSync(file);
  const name = path.relative(root, file);
  if (isPdf(bytes)) return `${name}\n${pdfText(file)}`;
  if (isZip(bytes)) return `${name}\n${zipText(bytes)}`;
  return `${name}\n${bytes.toString('utf8')}`;
}

function zipText(bytes: Buffer): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'gehoord-leak-'));
  try {
    const archive = path.join(directory, 'archive.zip');
    writeFileSync(archive, bytes);
    const out = path.join(directory, 'out');
    execFileSync('unzip', ['-q', '-o', archive, '-d', out]);
    return walk(out)
      .map((file) => fileText(file, out))
      .join('\n');
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

function binaryText(bytes: Buffer): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'gehoord-leak-'));
  try {
    const file = path.join(directory, 'file.pdf');
    writeFileSync(file, bytes);
    return pdfText(file);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** Everything a reader gets from one response, as searchable text (headers included: file names, redirects). */
export function readableBody(response: LightMyRequestResponse): string {
  const bytes = response.rawPayload;
  const headers = ['content-disposition', 'location', 'link']
    .map((h) => response.headers[h])
    .filter((v) => v !== undefined)
    .join('\n');
  let body: string;
  if (isPdf(bytes)) body = binaryText(bytes);
  else if (isZip(bytes)) body = zipText(bytes);
  else body = bytes.toString('utf8');
  // PDFs wrap lines; JSON escapes nothing in our markers
  return `${headers}\n${body}`.replace(/\s+/g, ' ');
}
