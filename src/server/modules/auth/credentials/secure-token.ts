import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// Below 128 bits a fast hash (see hashToken) would no longer be safe to store.
const MIN_TOKEN_BYTES = 16;

/** A random bearer secret such as `ghd_3q2…`; the prefix makes leaked tokens easy to recognise and scan for. */
export function generateToken(prefix: string, bytes = 32): string {
  if (!Number.isInteger(bytes) || bytes < MIN_TOKEN_BYTES) {
    throw new RangeError(`A token needs at least ${MIN_TOKEN_BYTES} random bytes`);
  }
  return `${prefix}${randomBytes(bytes).toString('base64url')}`;
}

/**
 * What we store instead of the token. A plain SHA-256 is enough here, unlike for passwords:
 * a token carries at least 128 random bits, so there is no dictionary to try and brute force
 * is out of reach however fast the hash is. Being fast and deterministic also lets us look a
 * token up by its hash in an index on every request.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Constant-time string comparison that also hides the length (both sides are hashed first). */
export function safeEqual(a: string, b: string): boolean {
  const digestA = createHash('sha256').update(a, 'utf8').digest();
  const digestB = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(digestA, digestB) && a === b;
}
