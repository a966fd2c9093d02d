import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  assertValidKey,
  BlobIntegrityError,
  type BlobMetadata,
  BlobNotFoundError,
  type BlobStorage,
} from './blob-storage.ts';

/**
 * Files under one directory (DATA_DIR/attachments by default). A blob appears under its key only when
 * complete: it is written to a temporary name in the same directory, flushed, then renamed.
 */
export class LocalDiskStorage implements BlobStorage {
  readonly directory: string;

  constructor(directory: string) {
    this.directory = path.resolve(directory);
  }

  private pathOf(key: string): string {
    assertValidKey(key);
    return path.join(this.directory, ...key.split('/'));
  }

  async put(key: string, body: Readable | Buffer, metadata: BlobMetadata): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    const temporary = `${target}.${randomUUID()}.partial`;
    const hash = createHash('sha256');
    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        callback(null, chunk);
      },
    });
    try {
      await pipeline(
        Buffer.isBuffer(body) ? Readable.from([body]) : body,
        hashing,
        createWriteStream(temporary, { flags: 'wx', mode: 0o600, flush: true }),
      );
      if (hash.digest('hex') !== metadata.sha256) throw new BlobIntegrityError(key);
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable> {
    const file = this.pathOf(key);
    if (!(await this.exists(key))) throw new BlobNotFoundError(key);
    return createReadStream(file);
  }

  async exists(key: string): Promise<boolean> {
    try {
      await access(this.pathOf(key));
      return true;
    } catch {
      return false;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async close(): Promise<void> {}
}
