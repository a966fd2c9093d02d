import { argon2, randomBytes, timingSafeEqual } from 'node:crypto';

// OWASP's minimum argon2id profile (19 MiB, 2 passes, 1 lane). Raising these later is safe:
// every stored hash carries its own parameters, and needsRehash() flags the older ones.
const CURRENT = { memory: 19_456, passes: 2, parallelism: 1, tagLength: 32, saltLength: 16 } as const;

// Upper bounds for parameters read back from the database, so a corrupted or tampered
// row cannot make one login allocate gigabytes or run for minutes.
const LIMITS = { memory: 262_144, passes: 16, parallelism: 16, minBytes: 8, maxBytes: 128 } as const;

const PHC_PATTERN =
  /^\$argon2id\$v=19\$m=(\d{1,7}),t=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

interface StoredHash {
  memory: number;
  passes: number;
  parallelism: number;
  salt: Buffer;
  hash: Buffer;
}

// Same parameters as a real hash, so an unknown e-mail address costs as much time as a
// known one. The all-zero tag cannot be produced by any realistic password.
const DUMMY_HASH = formatPhc({
  ...CURRENT,
  salt: Buffer.alloc(CURRENT.saltLength),
  hash: Buffer.alloc(CURRENT.tagLength),
});

export async function hashPassword(plain: string): Promise<string> {
  const salt = randomBytes(CURRENT.saltLength);
  const hash = await deriveKey(plain, { ...CURRENT, salt });
  return formatPhc({ ...CURRENT, salt, hash });
}

/** Never throws: a malformed or unsupported stored value simply does not verify. */
export async function verifyPassword(plain: string, stored: string): Promise<boolean> {
  const parsed = parsePhc(stored);
  if (!parsed) return false;
  try {
    const candidate = await deriveKey(plain, { ...parsed, tagLength: parsed.hash.length });
    return timingSafeEqual(candidate, parsed.hash);
  } catch {
    return false;
  }
}

/** For the unknown-account branch of login: same work as verifyPassword, always false. */
export async function verifyAgainstDummy(plain: string): Promise<false> {
  await verifyPassword(plain, DUMMY_HASH);
  return false;
}

/** True when the stored hash is unreadable or weaker than what hashPassword produces today. */
export function needsRehash(stored: string): boolean {
  const parsed = parsePhc(stored);
  if (!parsed) return true;
  return (
    parsed.memory < CURRENT.memory ||
    parsed.passes < CURRENT.passes ||
    parsed.hash.length < CURRENT.tagLength ||
    parsed.salt.length < CURRENT.saltLength
  );
}

function deriveKey(
  plain: string,
  params: { memory: number; passes: number; parallelism: number; tagLength: number; salt: Buffer },
): Promise<Buffer> {
  // NFKC so the same password typed on another keyboard or OS (composed vs decomposed
  // accents) still matches; password-policy.ts counts length on the same form.
  const message = Buffer.from(plain.normalize('NFKC'), 'utf8');
  return new Promise((resolve, reject) => {
    argon2(
      'argon2id',
      {
        message,
        nonce: params.salt,
        memory: params.memory,
        passes: params.passes,
        parallelism: params.parallelism,
        tagLength: params.tagLength,
      },
      (error, derivedKey) => (error ? reject(error) : resolve(derivedKey)),
    );
  });
}

function parsePhc(stored: string): StoredHash | null {
  const match = PHC_PATTERN.exec(stored);
  if (!match) return null;
  const [, m, t, p, saltText, hashText] = match;
  const memory = Number(m);
  const passes = Number(t);
  const parallelism = Number(p);
  const salt = decodeBase64(saltText ?? '');
  const hash = decodeBase64(hashText ?? '');
  const withinLimits =
    parallelism >= 1 &&
    parallelism <= LIMITS.parallelism &&
    passes >= 1 &&
    passes <= LIMITS.passes &&
    memory >= 8 * parallelism &&
    memory <= LIMITS.memory &&
    isByteLengthAllowed(salt) &&
    isByteLengthAllowed(hash);
  return withinLimits ? { memory, passes, parallelism, salt, hash } : null;
}

function formatPhc(value: StoredHash): string {
  const params = `m=${value.memory},t=${value.passes},p=${value.parallelism}`;
  return `$argon2id$v=19$${params}$${encodeBase64(value.salt)}$${encodeBase64(value.hash)}`;
}

// The PHC string format uses standard base64 without '=' padding.
function encodeBase64(bytes: Buffer): string {
  return bytes.toString('base64').replace(/=+$/, '');
}

function decodeBase64(text: string): Buffer {
  const bytes = Buffer.from(text, 'base64');
  // Buffer.from silently drops stray bits; insist on the canonical encoding instead.
  return encodeBase64(bytes) === text ? bytes : Buffer.alloc(0);
}

function isByteLengthAllowed(bytes: Buffer): boolean {
  return bytes.length >= LIMITS.minBytes && bytes.length <= LIMITS.maxBytes;
}
