// Issue 21: every complainant can follow their complaint, whatever the channel (policy 1.1: "de voortgang
// koppelen wij altijd terug"; the title: satisfaction is measured for everyone). A complainant with e-mail
// gets the private status link in the acknowledgement; one without e-mail gets a letter with a short link,
// a QR code of the private link and a case code to type on the status page. These are the pure rules.

/**
 * Crockford's base32 alphabet: no I, L, O or U, so a typed code survives the usual misreadings
 * (O → 0, I and L → 1) and never spells a word.
 */
export const CASE_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 12 characters of 5 bits: 60 bits, far beyond what a rate-limited form can guess (see decision 024). */
export const CASE_CODE_LENGTH = 12;

/** The bytes a code is made from (8 random bytes; only the first 60 bits are used). */
export const CASE_CODE_BYTES = 8;

/**
 * The case code from random bytes, as printed: three groups of four (`7KQM-3XHD-P9AV`). The caller draws
 * the bytes (domain code has no randomness of its own).
 */
export function caseCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < CASE_CODE_BYTES) throw new Error(`a case code needs ${CASE_CODE_BYTES} bytes`);
  let value = 0n;
  for (const byte of bytes.subarray(0, CASE_CODE_BYTES)) value = (value << 8n) | BigInt(byte);
  let code = '';
  for (let i = 0; i < CASE_CODE_LENGTH; i++) {
    code += CASE_CODE_ALPHABET[Number((value >> BigInt(64 - 5 * (i + 1))) & 31n)];
  }
  return formatCaseCode(code);
}

/** `7KQM3XHDP9AV` → `7KQM-3XHD-P9AV`. */
export function formatCaseCode(compact: string): string {
  return compact.match(/.{1,4}/g)?.join('-') ?? compact;
}

const MISREAD: Record<string, string> = { O: '0', I: '1', L: '1' };

/**
 * A code as the tenant typed it, in the form we derive the link from (`7KQM-3XHD-P9AV`), or null when it
 * cannot be a code at all: case, spaces and dashes do not matter; O, I and L are read as 0, 1 and 1.
 */
export function normalizeCaseCode(typed: string): string | null {
  const compact = typed
    .toUpperCase()
    .replace(/[\s\-–.]/g, '')
    .replace(/[OIL]/g, (c) => MISREAD[c] ?? c);
  if (compact.length !== CASE_CODE_LENGTH) return null;
  for (const c of compact) if (!CASE_CODE_ALPHABET.includes(c)) return null;
  return formatCaseCode(compact);
}

/**
 * The second thing the tenant types: the complaint's reference (`K-2026-00042`) from the same letter.
 * Compared without case, spaces or dashes.
 */
export function sameReference(typed: string, reference: string): boolean {
  const compact = (value: string) => value.toUpperCase().replace(/[\s\-–]/g, '');
  const given = compact(typed);
  return given !== '' && given === compact(reference);
}

export type StatusDelivery =
  /** The link goes in the acknowledgement e-mail. */
  | { by: 'email' }
  /** The acknowledgement letter (window envelope) prints a short link, a QR code and the case code. */
  | { by: 'letter' }
  /** No e-mail and no postal address: staff must ask for one (the letter cannot be made). */
  | { by: 'none'; reason: 'no_postal_address' };

/**
 * How the complainant receives their status access (policy 1.1, 2.1): by e-mail when we have an address,
 * otherwise by post. A letter needs a postal address.
 */
export function statusDeliveryFor(contact: {
  email: string | null;
  postalAddressLines: number;
}): StatusDelivery {
  if (contact.email !== null && contact.email.trim() !== '') return { by: 'email' };
  if (contact.postalAddressLines > 0) return { by: 'letter' };
  return { by: 'none', reason: 'no_postal_address' };
}
