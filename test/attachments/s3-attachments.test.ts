import { afterAll } from 'vitest';
import { S3Storage } from '../../src/server/storage/s3-storage.ts';
import { startS3Server } from '../support/s3-server.ts';
import { defineAttachmentTests } from './attachment-api.suite.ts';

// The same API tests against S3-compatible storage: a real s3rver on a loopback port.
const s3 = await startS3Server();
const storage = new S3Storage(s3.config);
afterAll(() => storage.close());

await defineAttachmentTests({ storage, listKeys: s3.listKeys });
