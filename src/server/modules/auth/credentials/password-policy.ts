import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

// Shorter stems are too generic: refusing "abcd" + anything would refuse good passwords.
const MIN_STEM_LENGTH = 4;
const MIN_PERSONAL_LENGTH = 4;

export type PasswordPolicyReason = 'too_short' | 'too_long' | 'common' | 'contains_personal_data';

export type PasswordPolicyResult =
  | { ok: true }
  | { ok: false; reason: PasswordPolicyReason; messages: { nl: string; en: string } };

export interface PasswordContext {
  email?: string;
  name?: string;
}

const MESSAGES: Record<PasswordPolicyReason, { nl: string; en: string }> = {
  too_short: {
    nl: `Dit wachtwoord is te kort. Gebruik minstens ${PASSWORD_MIN_LENGTH} tekens. Een zin van een paar woorden werkt goed.`,
    en: `This password is too short. Use at least ${PASSWORD_MIN_LENGTH} characters. A sentence of a few words works well.`,
  },
  too_long: {
    nl: `Dit wachtwoord is te lang. Gebruik hoogstens ${PASSWORD_MAX_LENGTH} tekens.`,
    en: `This password is too long. Use at most ${PASSWORD_MAX_LENGTH} characters.`,
  },
  common: {
    nl: 'Dit wachtwoord wordt veel gebruikt en is makkelijk te raden. Kies een ander wachtwoord.',
    en: 'This password is used a lot and is easy to guess. Choose a different password.',
  },
  contains_personal_data: {
    nl: 'Dit wachtwoord bevat uw naam of e-mailadres. Dat is makkelijk te raden. Kies een ander wachtwoord.',
    en: 'This password contains your name or e-mail address. That is easy to guess. Choose a different password.',
  },
};

let commonPasswords: Set<string> | undefined;

/**
 * The account password rules (NIST SP 800-63B style: length and a blocklist, no composition
 * rules). Length counts Unicode code points after NFKC, the same form password-hashing.ts hashes.
 */
export function checkPasswordPolicy(password: string, context: PasswordContext): PasswordPolicyResult {
  // Cheap guard before normalising, so a megabyte of input costs nothing.
  if (password.length > PASSWORD_MAX_LENGTH * 4) return refuse('too_long');
  const normalized = password.normalize('NFKC');
  const length = [...normalized].length;
  if (length < PASSWORD_MIN_LENGTH) return refuse('too_short');
  if (length > PASSWORD_MAX_LENGTH) return refuse('too_long');
  if (isCommonPassword(normalized)) return refuse('common');
  if (containsPersonalData(normalized, context)) return refuse('contains_personal_data');
  return { ok: true };
}

function refuse(reason: PasswordPolicyReason): PasswordPolicyResult {
  return { ok: false, reason, messages: MESSAGES[reason] };
}

// Also catches the classic "make it longer" trick: a listed password followed only by
// digits and symbols ("wachtwoord2024!!", "dragon12345678").
function isCommonPassword(password: string): boolean {
  const list = loadCommonPasswords();
  const lower = password.toLowerCase();
  if (list.has(lower)) return true;
  const characters = [...lower];
  for (let end = characters.length - 1; end >= MIN_STEM_LENGTH; end -= 1) {
    if (/\p{L}/u.test(characters[end] ?? '')) return false;
    if (list.has(characters.slice(0, end).join(''))) return true;
  }
  return false;
}

function containsPersonalData(password: string, context: PasswordContext): boolean {
  const haystack = simplify(password);
  const compactHaystack = removeSeparators(haystack);
  return collectPersonalFragments(context).some(
    (fragment) => haystack.includes(fragment) || compactHaystack.includes(fragment),
  );
}

// "j.de-vries@corporatie.nl" + "Jan de Vries" → j.de-vries, jdevries, vries, jandevries
function collectPersonalFragments(context: PasswordContext): string[] {
  const localPart = simplify(context.email?.split('@')[0] ?? '');
  const name = simplify(context.name ?? '');
  const fragments = [
    localPart,
    removeSeparators(localPart),
    ...localPart.split(/[^\p{L}\p{N}]+/u),
    removeSeparators(name),
    ...name.split(/[^\p{L}\p{N}]+/u),
  ];
  return [...new Set(fragments)].filter((fragment) => [...fragment].length >= MIN_PERSONAL_LENGTH);
}

// Lower case without accents, so "Jérôme" in the profile also matches "jerome" in a password.
function simplify(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').normalize('NFKC').toLowerCase().trim();
}

function removeSeparators(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '');
}

function loadCommonPasswords(): Set<string> {
  // Generated once: the first 24,000 entries (4+ characters, frequency order) of
  // @zxcvbn-ts/language-common@4 "passwords-common" (MIT), plus hand-written Dutch
  // passwords; lowercase, one per line, deduplicated.
  commonPasswords ??= new Set(
    readFileSync(join(import.meta.dirname, 'common-passwords.txt'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0),
  );
  return commonPasswords;
}
