import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

const HEAD_BYTES = 64 * 1024;
// C0 controls other than tab, line feed, form feed and carriage return, and DEL: not in a text file.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the purpose of this pattern
const NON_TEXT = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;

export type ProbeResult = {
  sizeBytes: number;
  sha256: string;
  /** The first 64 KB, for recognising e-mail headers. */
  head: Buffer;
  /** Valid UTF-8 without control characters. */
  isText: boolean;
  hasNul: boolean;
};

export class FileTooLargeError extends Error {
  constructor(limit: number) {
    super(`file exceeds ${limit} bytes`);
    this.name = 'FileTooLargeError';
  }
}

/**
 * Passes the upload through while counting, hashing and looking at it, so the file is read once: the
 * stream fails as soon as it passes the size limit, without buffering it.
 */
export class ContentProbe extends Transform {
  private size = 0;
  private readonly hash = createHash('sha256');
  private readonly headChunks: Buffer[] = [];
  private headSize = 0;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private text = true;
  private nul = false;
  private readonly limit: number;

  constructor(limit: number) {
    super();
    this.limit = limit;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.limit) {
      callback(new FileTooLargeError(this.limit));
      return;
    }
    this.hash.update(chunk);
    if (this.headSize < HEAD_BYTES) {
      const part = chunk.subarray(0, HEAD_BYTES - this.headSize);
      this.headChunks.push(part);
      this.headSize += part.length;
    }
    if (!this.nul && chunk.includes(0)) this.nul = true;
    if (this.text) this.checkText(() => this.decoder.decode(chunk, { stream: true }));
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.text) this.checkText(() => this.decoder.decode());
    callback();
  }

  private checkText(decode: () => string): void {
    try {
      if (NON_TEXT.test(decode())) this.text = false;
    } catch {
      this.text = false; // not UTF-8
    }
  }

  result(): ProbeResult {
    return {
      sizeBytes: this.size,
      sha256: this.hash.copy().digest('hex'),
      head: Buffer.concat(this.headChunks),
      isText: this.text,
      hasNul: this.nul,
    };
  }
}
