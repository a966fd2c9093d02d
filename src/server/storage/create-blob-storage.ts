import type { StorageConfig } from '../config.ts';
import type { BlobStorage } from './blob-storage.ts';
import { LocalDiskStorage } from './local-disk-storage.ts';
import { S3Storage } from './s3-storage.ts';

/** Local disk for a single instance; S3-compatible storage when several instances share the files. */
export function createBlobStorage(config: StorageConfig): BlobStorage {
  return config.driver === 's3' ? new S3Storage(config) : new LocalDiskStorage(config.directory);
}
