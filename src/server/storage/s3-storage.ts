import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { StorageConfig } from '../config.ts';
import { assertValidKey, type BlobMetadata, BlobNotFoundError, type BlobStorage } from './blob-storage.ts';

type S3Config = Extract<StorageConfig, { driver: 's3' }>;

/** S3 or an S3-compatible store (MinIO, Ceph, a cloud provider's object storage), shared by every instance. */
export class S3Storage implements BlobStorage {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(config: S3Config) {
    this.bucket = config.bucket;
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
  }

  async put(key: string, body: Readable | Buffer, metadata: BlobMetadata): Promise<void> {
    assertValidKey(key);
    await this.client.send(
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
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!(object.Body instanceof Readable)) throw new Error('S3 returned no readable body');
      return object.Body;
    } catch (error) {
      if (error instanceof NoSuchKey) throw new BlobNotFoundError(key);
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    assertValidKey(key);
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (error) {
      if (error instanceof NotFound || (error as { name?: string }).name === 'NotFound') return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}
