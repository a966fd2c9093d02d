import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, describe, expect, test } from 'vitest';
import {
  BlobIntegrityError,
  BlobNotFoundError,
  type BlobStorage,
} from '../../src/server/storage/blob-storage.ts';
import { LocalDiskStorage } from '../../src/server/storage/local-disk-storage.ts';
import { S3Storage } from '../../src/server/storage/s3-storage.ts';
import { startS3Server } from '../support/s3-server.ts';
import { sha256 } from './sample-files.ts';

const directory = await mkdtemp(path.join(tmpdir(), 'gehoord-blob-'));
afterAll(() => rm(directory, { recursive: true, force: true }));
const local = new LocalDiskStorage(directory);
const s3 = new S3Storage((await startS3Server()).config);
afterAll(() => s3.close());

const content = Buffer.from('Foto van de kapotte voordeur, gemaakt door de huurder.');
const metadata = { sizeBytes: content.length, sha256: sha256(content), contentType: 'text/plain' };

describe.each([
  ['local disk', local as BlobStorage],
  ['S3 (s3rver)', s3 as BlobStorage],
])('%s', (_name, storage) => {
  test('stores a buffer or a stream and gives the same bytes back', async () => {
    await storage.put('org-1/buffer', content, metadata);
    await storage.put(
      'org-1/stream',
      Readable.from([content.subarray(0, 10), content.subarray(10)]),
      metadata,
    );
    for (const key of ['org-1/buffer', 'org-1/stream']) {
      expect(await storage.exists(key)).toBe(true);
      expect(await text(await storage.get(key))).toBe(content.toString());
    }
  });

  test('a missing key: exists is false and get throws BlobNotFoundError', async () => {
    expect(await storage.exists('org-1/missing')).toBe(false);
    await expect(storage.get('org-1/missing')).rejects.toBeInstanceOf(BlobNotFoundError);
  });

  test('delete removes the blob (used only to clean up a failed upload)', async () => {
    await storage.put('org-1/gone', content, metadata);
    await storage.delete('org-1/gone');
    expect(await storage.exists('org-1/gone')).toBe(false);
  });

  test.each(['../outside', '/etc/passwd', 'org-1/../../outside', 'org-1/name.txt', 'Org-1/upper', ''])(
    'refuses the key %j before touching the store',
    async (key) => {
      await expect(storage.put(key, content, metadata)).rejects.toThrow(/invalid blob key/);
      await expect(storage.get(key)).rejects.toThrow(/invalid blob key/);
      await expect(storage.delete(key)).rejects.toThrow(/invalid blob key/);
    },
  );
});

describe('local disk', () => {
  test('content that does not match its SHA-256 is refused and leaves nothing behind', async () => {
    const before = await readdir(directory, { recursive: true });
    await expect(
      local.put('org-2/corrupt', content, { ...metadata, sha256: sha256(Buffer.from('iets anders')) }),
    ).rejects.toBeInstanceOf(BlobIntegrityError);
    expect(await local.exists('org-2/corrupt')).toBe(false);
    expect((await readdir(directory, { recursive: true })).filter((f) => !before.includes(f))).toEqual([
      'org-2',
    ]);
  });

  test('a stream that fails halfway leaves no file under the key, not even a partial one', async () => {
    const failing = new Readable({
      read() {
        this.push(content.subarray(0, 5));
        this.destroy(new Error('connection lost'));
      },
    });
    await expect(local.put('org-3/halfway', failing, metadata)).rejects.toThrow('connection lost');
    expect(await readdir(path.join(directory, 'org-3'))).toEqual([]);
  });

  test('files are readable by the server user only', async () => {
    await local.put('org-4/private', content, metadata);
    expect((await stat(path.join(directory, 'org-4', 'private'))).mode & 0o777).toBe(0o600);
  });
});
