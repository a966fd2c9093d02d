import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkPasswordPolicy } from '../../src/server/modules/auth/credentials/password-policy.ts';

const ANNE = { email: 'anne.de-jong@wooncorporatie.nl', name: 'Anne de Jong' };

describe('password policy', () => {
  test.each([
    // length, counted in code points after NFKC
    ['kort', {}, 'too_short'],
    ['elf tekens!', {}, 'too_short'],
    ['🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑', {}, 'too_short'], // 11 code points, 22 UTF-16 units
    ['🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑', {}, 'ok'],
    ['e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301', {}, 'too_short'], // 12 units, 6 after NFKC
    ['x'.repeat(256), {}, 'ok'],
    ['x'.repeat(257), {}, 'too_long'],
    ['x'.repeat(100_000), {}, 'too_long'],
    // common passwords, also with digits or symbols appended (case-insensitive)
    ['wachtwoord123', {}, 'common'],
    ['Wachtwoord2024!', {}, 'common'],
    ['voorjaar2025', {}, 'common'],
    ['zomer2024!!!', {}, 'common'],
    ['Welkom01welkom01', {}, 'ok'],
    ['welkom012345', {}, 'common'],
    ['FEYENOORD1908', {}, 'common'],
    ['ajax1900ajax', {}, 'ok'],
    ['Ajax1900!!!!', {}, 'common'],
    ['geheim!@#$%^&*', {}, 'common'],
    ['password1234', {}, 'common'],
    ['Qwertyuiop123', {}, 'common'],
    ['123456789012', {}, 'common'],
    ['iloveyou12345', {}, 'common'],
    ['!!!wachtwoord', {}, 'ok'], // only appended characters are stripped
    ['abc!8#2k$9@1zq', {}, 'ok'],
    // personal data: e-mail local part or name parts of 4+ characters
    ['anne.de-jong1988', ANNE, 'contains_personal_data'],
    ['annedejong!!!!', ANNE, 'contains_personal_data'],
    ['mijn naam is ANNE, echt', ANNE, 'contains_personal_data'],
    ['ik heet jong en vrolijk', ANNE, 'contains_personal_data'],
    ['rode fiets in de gracht', ANNE, 'ok'], // "de" is shorter than 4
    ['paarse olifant jérôme', { name: 'Jerome Bakker' }, 'contains_personal_data'],
    ['paarse olifant jerome', { name: 'Jérôme Bakker' }, 'contains_personal_data'],
    ['paarse olifant 2025', { email: 'olifant@example.nl' }, 'contains_personal_data'],
    ['paarse olifant 2025', { email: 'pio@example.nl', name: 'Bo Li' }, 'ok'],
    ['paarse olifant 2025', { email: '', name: '' }, 'ok'],
    ['correct horse battery staple', ANNE, 'ok'],
  ] as const)('%j with %j → %s', (password, context, expected) => {
    const result = checkPasswordPolicy(password, context);
    expect(result.ok ? 'ok' : result.reason).toBe(expected);
  });

  test('a refusal explains itself in Dutch and English', () => {
    const result = checkPasswordPolicy('kort', {});
    expect(result).toEqual({
      ok: false,
      reason: 'too_short',
      messages: {
        nl: expect.stringContaining('minstens 12 tekens'),
        en: expect.stringContaining('at least 12'),
      },
    });
  });
});

describe('bundled common-password list', () => {
  const lines = readFileSync(
    new URL('../../src/server/modules/auth/credentials/common-passwords.txt', import.meta.url),
    'utf8',
  ).split('\n');
  const entries = lines.filter((line) => line.length > 0);

  test('is lowercase, deduplicated and of the intended size', () => {
    expect(entries.length).toBeGreaterThanOrEqual(10_000);
    expect(entries.length).toBeLessThanOrEqual(30_000);
    expect(new Set(entries).size).toBe(entries.length);
    expect(entries.filter((entry) => entry !== entry.toLowerCase() || entry !== entry.trim())).toEqual([]);
  });

  test.each([
    'welkom01',
    'wachtwoord',
    'wachtwoord123',
    'zomer2024',
    'voorjaar2025',
    'feyenoord',
    'ajax1900',
    'geheim',
  ])('contains the Dutch favourite %s', (password) => {
    expect(entries).toContain(password);
  });
});
