import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import {
  buildOtpauthUri,
  decodeBase32,
  encodeBase32,
  generateTotp,
  generateTotpSecret,
  getTotpStep,
  verifyTotp,
} from '../../src/server/modules/auth/credentials/totp.ts';

// RFC 6238 Appendix B uses the ASCII seed "12345678901234567890" for SHA1.
const RFC_SECRET = encodeBase32(Buffer.from('12345678901234567890', 'ascii'));
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const NOW = new Date('2026-03-02T09:00:15Z');
const STEP_MS = 30_000;

const textEncoder = new TextEncoder();
const ascii = (text: string) => textEncoder.encode(text);

describe('base32 (RFC 4648 §10 test vectors)', () => {
  test.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('"%s" ↔ "%s"', (plain, encoded) => {
    expect(encodeBase32(ascii(plain))).toBe(encoded);
    expect(decodeBase32(encoded)).toEqual(ascii(plain));
  });

  test('decoding tolerates padding, lower case, spaces and hyphens', () => {
    expect(decodeBase32('MZXW6YQ=')).toEqual(ascii('foob'));
    expect(decodeBase32('mzxw 6ytb oi')).toEqual(ascii('foobar'));
    expect(decodeBase32('MZXW-6YTB-OI======')).toEqual(ascii('foobar'));
  });

  test.each(['MZXW1', 'M', 'MZX', 'MZXW6Y', 'MZ!W'])('rejects invalid input "%s"', (text) => {
    expect(() => decodeBase32(text)).toThrow(RangeError);
  });

  propTest.prop([fc.uint8Array({ maxLength: 64 })])('decode(encode(x)) = x', (bytes) => {
    expect(decodeBase32(encodeBase32(bytes))).toEqual(bytes);
  });

  propTest.prop([fc.uint8Array({ maxLength: 64 })])('encoding is unpadded and uses the alphabet', (bytes) => {
    const encoded = encodeBase32(bytes);
    expect(encoded).toMatch(/^[A-Z2-7]*$/);
    expect(encoded.length).toBe(Math.ceil((bytes.length * 8) / 5));
  });
});

describe('TOTP (RFC 6238 Appendix B, SHA1)', () => {
  test.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('T = %i s gives %s', (seconds, expected) => {
    const at = new Date(seconds * 1000);
    expect(generateTotp(RFC_SECRET, at, { digits: 8 })).toBe(expected);
    expect(generateTotp(RFC_SECRET, at)).toBe(expected.slice(-6));
  });

  test('a generated secret is 20 random bytes in base32', () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(decodeBase32(secret)).toHaveLength(20);
    expect(generateTotpSecret()).not.toBe(secret);
  });

  test('refuses secrets shorter than 128 bits', () => {
    expect(() => generateTotp('MZXW6YTBOI', NOW)).toThrow(RangeError);
  });
});

describe('verifyTotp', () => {
  const codeAt = (offsetSteps: number) =>
    generateTotp(SECRET, new Date(NOW.getTime() + offsetSteps * STEP_MS));
  const currentStep = getTotpStep(NOW);

  test.each([
    [-2, false],
    [-1, true],
    [0, true],
    [1, true],
    [2, false],
  ])('default window: a code from %i steps away is accepted: %s', (offset, accepted) => {
    const result = verifyTotp(SECRET, codeAt(offset), NOW);
    expect(result.ok).toBe(accepted);
    if (result.ok) expect(result.step).toBe(currentStep + offset);
  });

  test('window 0 accepts only the current step; a wider window accepts more', () => {
    expect(verifyTotp(SECRET, codeAt(-1), NOW, { window: 0 }).ok).toBe(false);
    expect(verifyTotp(SECRET, codeAt(0), NOW, { window: 0 }).ok).toBe(true);
    expect(verifyTotp(SECRET, codeAt(-2), NOW, { window: 2 }).ok).toBe(true);
  });

  test('replay: a step at or before lastUsedStep is refused', () => {
    const first = verifyTotp(SECRET, codeAt(0), NOW);
    expect(first).toEqual({ ok: true, step: currentStep });
    expect(verifyTotp(SECRET, codeAt(0), NOW, { lastUsedStep: currentStep })).toEqual({ ok: false });
    expect(verifyTotp(SECRET, codeAt(-1), NOW, { lastUsedStep: currentStep })).toEqual({ ok: false });
    expect(verifyTotp(SECRET, codeAt(1), NOW, { lastUsedStep: currentStep })).toEqual({
      ok: true,
      step: currentStep + 1,
    });
    expect(verifyTotp(SECRET, codeAt(0), NOW, { lastUsedStep: null }).ok).toBe(true);
  });

  test('accepts a code typed with spaces and a secret typed in lower case', () => {
    const code = codeAt(0);
    expect(verifyTotp(SECRET.toLowerCase(), `${code.slice(0, 3)} ${code.slice(3)}`, NOW).ok).toBe(true);
  });

  test.each(['', '12345', '1234567', '12345a', '１２３４５６', '-12345'])(
    'refuses malformed code "%s"',
    (code) => {
      expect(verifyTotp(SECRET, code, NOW)).toEqual({ ok: false });
    },
  );

  test('refuses a wrong code', () => {
    const wrong = String((Number(codeAt(0)) + 1) % 1_000_000).padStart(6, '0');
    expect(verifyTotp(SECRET, wrong, NOW, { window: 0 })).toEqual({ ok: false });
  });

  test.each([-1, 1.5, 11])('refuses window %s as a programming error', (window) => {
    expect(() => verifyTotp(SECRET, codeAt(0), NOW, { window })).toThrow(RangeError);
  });
});

describe('buildOtpauthUri', () => {
  test('builds the key URI with encoded label and parameters', () => {
    const uri = buildOtpauthUri({
      secret: 'jbsw y3dp ehpk 3pxp',
      accountName: 'anne+test@wonen.nl',
      issuer: 'Gehoord Wonen & Co',
    });
    expect(uri).toBe(
      'otpauth://totp/Gehoord%20Wonen%20%26%20Co:anne%2Btest%40wonen.nl' +
        '?secret=JBSWY3DPEHPK3PXP&issuer=Gehoord%20Wonen%20%26%20Co&algorithm=SHA1&digits=6&period=30',
    );
    const parsed = new URL(uri);
    expect(parsed.protocol).toBe('otpauth:');
    expect(parsed.searchParams.get('issuer')).toBe('Gehoord Wonen & Co');
  });

  test('refuses a colon in issuer or account name', () => {
    expect(() => buildOtpauthUri({ secret: SECRET, accountName: 'a:b', issuer: 'Gehoord' })).toThrow(
      RangeError,
    );
    expect(() => buildOtpauthUri({ secret: SECRET, accountName: 'a@b.nl', issuer: 'X:Y' })).toThrow(
      RangeError,
    );
  });
});
