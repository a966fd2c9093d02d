import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { LocalDiskStorage } from '../../src/server/storage/local-disk-storage.ts';
import { defineAttachmentTests } from './attachment-api.suite.ts';

const directory = await mkdtemp(path.join(tmpdir(), 'gehoord-attachments-'));
afterAll(() => rm(directory, { recursive: true, force: true }));

await defineAttachmentTests({
  storage: new LocalDiskStorage(directory),
  // Everything on disk counts, half-written temporary files included.
  listKeys: async () =>
    (await readdir(directory, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(directory, path.join(entry.parentPath, entry.name)))
      .sort(),
});
