import { describe, expect, test } from 'vitest';
import { chooseEncoding } from '../../src/server/http/compression.ts';

describe('choosing the content encoding', () => {
  test.each([
    [undefined, null],
    ['', null],
    ['identity', null],
    ['gzip', 'gzip'],
    ['gzip, deflate, br, zstd', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0, br;q=0', null],
    ['*', 'br'],
    ['*;q=0.5, br;q=0', 'gzip'],
    ['GZIP', 'gzip'],
  ])('Accept-Encoding %j gives %j', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});
