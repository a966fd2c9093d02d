import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConfigError, parseConfig } from '../../src/server/config.ts';

describe('attachment storage configuration', () => {
  test('defaults: local disk under DATA_DIR/attachments, 20 MB per file', () => {
    const config = parseConfig({ DATA_DIR: '/srv/gehoord' });
    expect(config.storage).toEqual({ driver: 'local', directory: path.resolve('/srv/gehoord/attachments') });
    expect(config.attachmentMaxBytes).toBe(20 * 1024 * 1024);
  });

  test('S3-compatible storage from the environment', () => {
    const config = parseConfig({
      STORAGE_DRIVER: 's3',
      S3_BUCKET: 'gehoord-bijlagen',
      S3_ENDPOINT: 'https://s3.example.nl',
      S3_REGION: 'eu-west-1',
      S3_ACCESS_KEY_ID: 'key',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_FORCE_PATH_STYLE: 'true',
      ATTACHMENT_MAX_BYTES: '5000000',
    });
    expect(config.storage).toEqual({
      driver: 's3',
      bucket: 'gehoord-bijlagen',
      endpoint: 'https://s3.example.nl',
      region: 'eu-west-1',
      credentials: { accessKeyId: 'key', secretAccessKey: 'secret' },
      forcePathStyle: true,
    });
    expect(config.attachmentMaxBytes).toBe(5_000_000);
  });

  test('without keys the SDK finds its own credentials (instance role)', () => {
    const config = parseConfig({ STORAGE_DRIVER: 's3', S3_BUCKET: 'gehoord-bijlagen' });
    expect(config.storage).toMatchObject({ driver: 's3', credentials: undefined, region: 'us-east-1' });
  });

  test.each([
    [{ STORAGE_DRIVER: 's3' }, 'S3_BUCKET: required when STORAGE_DRIVER=s3'],
    [{ STORAGE_DRIVER: 's3', S3_BUCKET: 'b-1', S3_ACCESS_KEY_ID: 'key' }, 'give both or neither'],
    [{ STORAGE_DRIVER: 'ftp' }, 'STORAGE_DRIVER'],
    [{ ATTACHMENT_MAX_BYTES: 'twenty' }, 'ATTACHMENT_MAX_BYTES'],
    [{ S3_ENDPOINT: 'ftp://files' }, 'S3_ENDPOINT'],
  ])('%j stops start-up with a readable line', (environment, message) => {
    expect(() => parseConfig(environment)).toThrow(ConfigError);
    expect(() => parseConfig(environment)).toThrow(message);
  });
});
