import { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import type { StorageConfig } from '../config.ts';
import { loadOnce } from '../load-once.ts';
import { assertValidKey, type BlobMetadata, BlobNotFoundError, type BlobStorage } from './blob-storage.ts';

type S3Config = Extract<StorageConfig, { driver: 's3' }>;

// Only installations with STORAGE_DRIVER=s3 pay for the SDK, and only from the first blob they touch.
const loadSdk = loadOnce(() => import('@aws-sdk/client-s3'));

/** S3 or an S3-compatible store (MinIO, Ceph, a cloud provider's object storage), shared by every instance. */
export class S3Storage implements BlobStorage {
  private readonly bucket: string;
  private client: S3Client | null = null;
  private readonly connect: () => Promise<S3Client>;

  constructor(config: S3Config) {
    this.bucket = config.bucket;
    this.connect = loadOnce(async () => {
      const { S3Client } = await loadSdk();
      this.client = new S3Client({
        region: config.region,
        forcePathStyle: config.forcePathStyle,
        ...(config.endpoint ? { endpoint: config.endpoint } : {}),
        ...(config.credentials ? { credentials: config.credentials } : {}),
        // We send our own SHA-256 with every upload; the SDK's default streamed CRC trailer
        // (aws-chunked) is not understood by every S3-compatible server and would corrupt the object there.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      });
      return this.client;
    });
  }

  async put(key: string, body: Readable | Buffer, metadata: BlobMetadata): Promise<void> {
    assertValidKey(key);
    const [client, { PutObjectCommand }] = await Promise.all([this.connect(), loadSdk()]);
    await client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: body,
        ContentLength: metadata.sizeBytes,
        ContentType: metadata.contentType,
        // S3 verifies the content against it and refuses the upload on a mismatch.
        ChecksumSHA256: Buffer.from(metadata.sha256, 'hex').toString('base64'),
      }),
    );
  }

  async get(key: string): Promise<Readable> {
    assertValidKey(key);
    const [client, { GetObjectCommand, NoSuchKey }] = await Promise.all([this.connect(), loadSdk()]);
    try {
      const object = await client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!(object.Body instanceof Readable)) throw new Error('S3 returned no readable body');
      return object.Body;
    } catch (error) {
      if (error instanceof NoSuchKey) throw new BlobNotFoundError(key);
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    assertValidKey(key);
    const [client, { HeadObjectCommand, NotFound }] = await Promise.all([this.connect(), loadSdk()]);
    try {
      await client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (error) {
      if (error instanceof NotFound || (error as { name?: string }).name === 'NotFound') return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    const [client, { DeleteObjectCommand }] = await Promise.all([this.connect(), loadSdk()]);
    await client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async close(): Promise<void> {
    this.client?.destroy();
  }
}
