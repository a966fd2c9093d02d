import { describe, expect, test } from 'vitest';
import {
  generateToken,
  hashToken,
  safeEqual,
} from '../../src/server/modules/auth/credentials/secure-token.ts';

describe('secure tokens', () => {
  test('a token is the prefix plus base64url of the requested number of random bytes', () => {
    const token = generateToken('ghd_');
    expect(token).toMatch(/^ghd_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.slice(4), 'base64url')).toHaveLength(32);
    expect(generateToken('ghd_', 16)).toMatch(/^ghd_[A-Za-z0-9_-]{22}$/);
    expect(generateToken('ghd_')).not.toBe(token);
  });

  test.each([0, 8, 15, 16.5])('refuses %s random bytes', (bytes) => {
    expect(() => generateToken('ghd_', bytes)).toThrow(RangeError);
  });

  test('hashToken is SHA-256 in hex', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const token = generateToken('ghd_');
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).not.toBe(hashToken(`${token}x`));
  });

  test.each([
    ['same', 'same', true],
    ['same', 'Same', false],
    ['short', 'shorter', false],
    ['', '', true],
    ['', 'x', false],
    ['wachtwoord€', 'wachtwoord€', true],
  ])('safeEqual(%j, %j) is %s', (a, b, expected) => {
    expect(safeEqual(a, b)).toBe(expected);
  });
});
