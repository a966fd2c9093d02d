import { describe, expect, test } from 'vitest';
import {
  CASE_CODE_ALPHABET,
  caseCodeFromBytes,
  normalizeCaseCode,
  sameReference,
  statusDeliveryFor,
} from '../../src/domain/index.ts';

describe('case code (issue 21)', () => {
  test.each([
    [[0, 0, 0, 0, 0, 0, 0, 0], '0000-0000-0000'],
    [[255, 255, 255, 255, 255, 255, 255, 255], 'ZZZZ-ZZZZ-ZZZZ'],
    // 0x08 = 00001000: the first five bits are 00001 → '1', the next start 000…
    [[8, 0, 0, 0, 0, 0, 0, 0], '1000-0000-0000'],
    [[0, 0, 0, 0, 0, 0, 0, 0x10], '0000-0000-0001'],
  ])('%j → %s', (bytes, code) => {
    expect(caseCodeFromBytes(Uint8Array.from(bytes))).toBe(code);
  });

  test('uses 60 bits: different bytes give different codes, only from the alphabet', () => {
    const a = caseCodeFromBytes(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]));
    const b = caseCodeFromBytes(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 9 + 16]));
    expect(a).not.toBe(b);
    for (const c of a.replaceAll('-', '')) expect(CASE_CODE_ALPHABET).toContain(c);
    expect(() => caseCodeFromBytes(Uint8Array.from([1, 2]))).toThrow();
  });

  test.each([
    ['7KQM-3XHD-P9AV', '7KQM-3XHD-P9AV'],
    ['7kqm3xhdp9av', '7KQM-3XHD-P9AV'],
    [' 7KQM 3XHD P9AV ', '7KQM-3XHD-P9AV'],
    // misread letters count as the digits they look like
    ['OIL0-0000-0000', '0110-0000-0000'],
    ['7KQM-3XHD-P9A', null],
    ['7KQM-3XHD-P9AVV', null],
    ['7KQM-3XHD-P9AU', null],
    ['', null],
    ['<script>alert(1)</script>', null],
  ])('normalizes %j to %j', (typed, expected) => {
    expect(normalizeCaseCode(typed)).toBe(expected);
  });

  test.each([
    ['K-2026-00042', 'K-2026-00042', true],
    ['k 2026 00042', 'K-2026-00042', true],
    ['K-2026-00043', 'K-2026-00042', false],
    ['', 'K-2026-00042', false],
  ])('reference %j against %j: %s', (typed, reference, same) => {
    expect(sameReference(typed, reference)).toBe(same);
  });
});

describe('how the complainant gets their status access (policy 1.1, 2.1)', () => {
  test.each([
    [{ email: 'a@example.nl', postalAddressLines: 0 }, { by: 'email' }],
    [{ email: 'a@example.nl', postalAddressLines: 2 }, { by: 'email' }],
    [{ email: null, postalAddressLines: 2 }, { by: 'letter' }],
    [{ email: '  ', postalAddressLines: 1 }, { by: 'letter' }],
    [
      { email: null, postalAddressLines: 0 },
      { by: 'none', reason: 'no_postal_address' },
    ],
  ])('%j → %j', (contact, delivery) => {
    expect(statusDeliveryFor(contact)).toEqual(delivery);
  });
});
