import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// The parameters every authenticator app supports; the otpauth URI states them explicitly.
const STEP_SECONDS = 30;
const DEFAULT_DIGITS = 6;
const SECRET_BYTES = 20; // RFC 4226 R6 recommends 160 bits, the HMAC-SHA1 output size
const MIN_SECRET_BYTES = 16; // RFC 4226 R6: a shared secret MUST be at least 128 bits
const MAX_WINDOW = 10;
const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export type TotpVerification = { ok: true; step: number } | { ok: false };

export interface VerifyTotpOptions {
  /** Steps accepted either side of now, for clock drift and typing time. Default 1. */
  window?: number;
  /** The step of the last accepted code; that step and earlier ones are refused (no replay). */
  lastUsedStep?: number | null;
}

export function generateTotpSecret(): string {
  return encodeBase32(randomBytes(SECRET_BYTES));
}

/** `digits` exists for the RFC 6238 test vectors (8 digits); the app uses the default 6. */
export function generateTotp(secret: string, now: Date, options: { digits?: number } = {}): string {
  return generateHotp(decodeSecret(secret), getTotpStep(now), options.digits ?? DEFAULT_DIGITS);
}

export function getTotpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / STEP_SECONDS);
}

export function verifyTotp(
  secret: string,
  code: string,
  now: Date,
  options: VerifyTotpOptions = {},
): TotpVerification {
  const window = options.window ?? 1;
  if (!Number.isInteger(window) || window < 0 || window > MAX_WINDOW) {
    throw new RangeError(`TOTP window must be an integer from 0 to ${MAX_WINDOW}`);
  }
  const candidate = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(candidate)) return { ok: false };

  const key = decodeSecret(secret);
  const current = getTotpStep(now);
  const lastUsedStep = options.lastUsedStep ?? -1;
  let matchedStep: number | null = null;
  // Check every step without stopping early, so timing does not reveal which one matched.
  // Keep the latest match: accepting a code at step s must also block that code at s + 1.
  for (let step = current - window; step <= current + window; step += 1) {
    if (step < 0 || step <= lastUsedStep) continue;
    const expected = generateHotp(key, step, DEFAULT_DIGITS);
    if (timingSafeEqual(Buffer.from(expected), Buffer.from(candidate))) matchedStep = step;
  }
  return matchedStep === null ? { ok: false } : { ok: true, step: matchedStep };
}

/** The key URI format read by authenticator apps (as a QR code). */
export function buildOtpauthUri(input: { secret: string; accountName: string; issuer: string }): string {
  // A colon separates issuer and account in the label; apps split on it even when encoded.
  if (input.issuer.includes(':') || input.accountName.includes(':')) {
    throw new RangeError('TOTP issuer and account name may not contain a colon');
  }
  const secret = encodeBase32(decodeBase32(input.secret));
  const label = `${encodeURIComponent(input.issuer)}:${encodeURIComponent(input.accountName)}`;
  const query = [
    `secret=${secret}`,
    `issuer=${encodeURIComponent(input.issuer)}`,
    'algorithm=SHA1',
    `digits=${DEFAULT_DIGITS}`,
    `period=${STEP_SECONDS}`,
  ].join('&');
  return `otpauth://totp/${label}?${query}`;
}

function decodeSecret(secret: string): Uint8Array {
  const key = decodeBase32(secret);
  if (key.length < MIN_SECRET_BYTES) throw new RangeError('TOTP secret is shorter than 128 bits');
  return key;
}

// RFC 4226 §5.3: HMAC-SHA1 over the 8-byte big-endian counter, then dynamic truncation.
function generateHotp(key: Uint8Array, counter: number, digits: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(message).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** RFC 4648 §6 base32, without padding. */
export function encodeBase32(bytes: Uint8Array): string {
  let output = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      output += BASE32_ALPHABET[(buffer >>> (bits - 5)) & 0x1f];
      bits -= 5;
    }
  }
  if (bits > 0) output += BASE32_ALPHABET[(buffer << (5 - bits)) & 0x1f];
  return output;
}

/**
 * RFC 4648 §6 base32. Forgiving about how people copy secrets (lower case, spaces, hyphens,
 * padding); throws on anything else, because a wrong secret must never verify silently.
 */
export function decodeBase32(text: string): Uint8Array {
  const cleaned = text
    .replace(/[\s-]+/g, '')
    .replace(/=+$/, '')
    .toUpperCase();
  // 1, 3 or 6 trailing characters cannot come from whole bytes.
  if ([1, 3, 6].includes(cleaned.length % 8)) throw new RangeError('Invalid base32 length');
  const output = new Uint8Array(Math.floor((cleaned.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const character of cleaned) {
    const value = BASE32_ALPHABET.indexOf(character);
    if (value === -1) throw new RangeError('Invalid base32 character');
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      output[index] = (buffer >>> (bits - 8)) & 0xff;
      index += 1;
      bits -= 8;
    }
  }
  return output;
}
