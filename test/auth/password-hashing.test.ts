import { argon2Sync } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  hashPassword,
  needsRehash,
  verifyAgainstDummy,
  verifyPassword,
} from '../../src/server/modules/auth/credentials/password-hashing.ts';

const PASSWORD = 'correct horse battery staple';
const PHC = /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/;

// Reference output of phc-winner-argon2 (password "password", salt "somesalt").
const REFERENCE_HASHES = [
  '$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc',
  '$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4',
];

function buildPhc(params: {
  memory: number;
  passes: number;
  tagLength?: number;
  saltLength?: number;
}): string {
  const salt = Buffer.alloc(params.saltLength ?? 16, 7);
  const hash = argon2Sync('argon2id', {
    message: PASSWORD,
    nonce: salt,
    memory: params.memory,
    passes: params.passes,
    parallelism: 1,
    tagLength: params.tagLength ?? 32,
  });
  const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');
  return `$argon2id$v=19$m=${params.memory},t=${params.passes},p=1$${b64(salt)}$${b64(hash)}`;
}

describe('password hashing (argon2id, PHC string)', () => {
  test('hashes into a standard PHC string with a fresh salt each time', async () => {
    const first = await hashPassword(PASSWORD);
    const second = await hashPassword(PASSWORD);
    expect(first).toMatch(PHC);
    expect(second).toMatch(PHC);
    expect(first).not.toBe(second);
  });

  test('round trip: the right password verifies, a wrong one does not', async () => {
    const stored = await hashPassword(PASSWORD);
    expect(await verifyPassword(PASSWORD, stored)).toBe(true);
    expect(await verifyPassword(`${PASSWORD} `, stored)).toBe(false);
    expect(await verifyPassword('Correct horse battery staple', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  test.each(REFERENCE_HASHES)('verifies reference output %s', async (stored) => {
    expect(await verifyPassword('password', stored)).toBe(true);
    expect(await verifyPassword('passwore', stored)).toBe(false);
  });

  test('the same password in composed or decomposed Unicode verifies (NFKC)', async () => {
    const stored = await hashPassword('Crème brûlée à la maison');
    expect(await verifyPassword('Cre\u0300me bru\u0302le\u0301e a\u0300 la maison', stored)).toBe(true);
  });

  test('a tampered hash, salt or parameter does not verify', async () => {
    const stored = await hashPassword(PASSWORD);
    const parts = stored.split('$');
    const flip = (text: string) => (text[0] === 'A' ? 'B' : 'A') + text.slice(1);
    const tampered = [
      [...parts.slice(0, 5), flip(parts[5] ?? '')].join('$'),
      [...parts.slice(0, 4), flip(parts[4] ?? ''), parts[5]].join('$'),
      stored.replace('t=2', 't=3'),
      stored.replace('m=19456', 'm=19457'),
    ];
    for (const value of tampered) expect(await verifyPassword(PASSWORD, value)).toBe(false);
  });

  test.each([
    ['empty', ''],
    ['not a hash', 'wachtwoord'],
    ['bcrypt', '$2b$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ012'],
    ['argon2i', '$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc'],
    ['old version', '$argon2id$v=16$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc'],
    ['no version', '$argon2id$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc'],
    [
      'padded base64',
      '$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ=$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc',
    ],
    [
      'url-safe base64',
      '$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR_uIPnA4rEsF5h7TKyQwu9U1bMCHGi_4',
    ],
    [
      'non-canonical base64',
      '$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHR$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4',
    ],
    ['short salt', '$argon2id$v=19$m=256,t=2,p=1$c29tZQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4'],
    ['zero passes', '$argon2id$v=19$m=256,t=0,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4'],
    ['zero lanes', '$argon2id$v=19$m=256,t=2,p=0$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4'],
    [
      'memory too small',
      '$argon2id$v=19$m=4,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4',
    ],
    [
      'memory too large',
      '$argon2id$v=19$m=9999999,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4',
    ],
    ['trailing garbage', `${REFERENCE_HASHES[1]}$x`],
    ['extra whitespace', ` ${REFERENCE_HASHES[1]}`],
  ])('malformed stored value (%s) is false, never an exception', async (_label, stored) => {
    await expect(verifyPassword('password', stored)).resolves.toBe(false);
  });

  test('verifyAgainstDummy does the work and is always false', async () => {
    await expect(verifyAgainstDummy(PASSWORD)).resolves.toBe(false);
    await expect(verifyAgainstDummy('')).resolves.toBe(false);
  });
});

describe('needsRehash', () => {
  test('a fresh hash is current', async () => {
    expect(needsRehash(await hashPassword(PASSWORD))).toBe(false);
  });

  test.each([
    ['lower memory', { memory: 4096, passes: 2 }, true],
    ['fewer passes', { memory: 19456, passes: 1 }, true],
    ['shorter tag', { memory: 19456, passes: 2, tagLength: 16 }, true],
    ['shorter salt', { memory: 19456, passes: 2, saltLength: 8 }, true],
    ['stronger than current', { memory: 65536, passes: 3 }, false],
  ])('%s %o → %s', async (_label, params, expected) => {
    const stored = buildPhc(params);
    expect(await verifyPassword(PASSWORD, stored)).toBe(true);
    expect(needsRehash(stored)).toBe(expected);
  });

  test.each(['', 'garbage', '$2b$10$abcdefghijklmnopqrstuu'])('unreadable %j needs a rehash', (stored) => {
    expect(needsRehash(stored)).toBe(true);
  });
});
