import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The portal's forms carry a signed token: a random nonce (single use, so a double click or a reload never
 * registers twice) and the moment the form was handed out (a person needs a few seconds; a script does not).
 * It is signed with the organisation's own secret, so it cannot be forged or carried to another corporation.
 * The moment is real time (the system clock), not the server clock: the fill time is anti-abuse machinery
 * like the sign-in throttles (decision 042), and a form handed out by one instance or before a restart is
 * posted to another, whose GEHOORD_CLOCK offset was fixed at a different start.
 */
export type FormToken = { nonce: string; issuedAt: number };

const VERSION = 'v1';

function mac(secret: Buffer, payload: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

export function issueFormToken(secret: Buffer, issuedAtMs = Date.now()): string {
  const nonce = randomBytes(32).toString('base64url');
  return signFormToken(secret, { nonce, issuedAt: issuedAtMs });
}

/** How long ago the form was handed out, in real milliseconds (negative: a token from the future). */
export function formTokenAgeMs(token: FormToken, realNowMs = Date.now()): number {
  return realNowMs - token.issuedAt;
}

export function signFormToken(secret: Buffer, token: FormToken): string {
  const payload = `${VERSION}.${token.nonce}.${token.issuedAt}`;
  return `${payload}.${mac(secret, payload).toString('base64url')}`;
}

/** The token's contents when its signature holds; null when it was tampered with or is not ours. */
export function verifyFormToken(secret: Buffer, token: string | undefined): FormToken | null {
  if (typeof token !== 'string' || token.length > 200) return null;
  const parts = token.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION) return null;
  const [version, nonce, issuedAt, signature] = parts as [string, string, string, string];
  if (!/^[A-Za-z0-9_-]{43}$/.test(nonce) || !/^\d{1,15}$/.test(issuedAt)) return null;
  const expected = mac(secret, `${version}.${nonce}.${issuedAt}`);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { nonce, issuedAt: Number(issuedAt) };
}

export function sha256Hex(value: string | Buffer): string {
  return createHash('sha256').update(value).digest('hex');
}

/** A status link's token: 43 base64url characters (made in status-access.ts). */
export const STATUS_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
