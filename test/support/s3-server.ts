import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll } from 'vitest';
import type { StorageConfig } from '../../src/server/config.ts';

/**
 * A real S3-compatible server (s3rver) on a loopback port with one empty bucket, stopped after the
 * file's tests. `listKeys` reads the bucket directly, to check what the app left behind.
 */
export async function startS3Server() {
  const directory = await mkdtemp(path.join(tmpdir(), 'gehoord-s3-'));
  const bucket = 'gehoord-test';
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const config: Extract<StorageConfig, { driver: 's3' }> = {
    driver: 's3',
    bucket,
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    // s3rver's fixed development credentials
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    forcePathStyle: true,
  };
  const inspector = new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    credentials: config.credentials,
    forcePathStyle: true,
  });
  afterAll(async () => {
    inspector.destroy();
    await server.close();
    await rm(directory, { recursive: true, force: true });
  });
  return {
    config,
    async listKeys(): Promise<string[]> {
      const listed = await inspector.send(new ListObjectsV2Command({ Bucket: bucket }));
      return (listed.Contents ?? []).map((object) => object.Key as string).sort();
    },
  };
}
