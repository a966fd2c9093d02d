// Issue 20: the complainant's private status link is a bearer secret (policy 1.3: the complaint is shared
// need-to-know only; whoever holds the link reads the case and writes as the complainant). It goes to the
// complainant alone. Whatever staff, API tokens or exports can read shows it redacted.

/** The redacted token, so a reader still sees that a status link was sent. */
export const REDACTED_TOKEN = '••••';

// A status link's path: `/klacht/status/<token>` (nl) or `/complaint/status/<token>` (en); tokens are
// 43 base64url characters (256 bits).
const TOKEN_IN_PATH = /(\/(?:klacht|complaint)\/status\/)[A-Za-z0-9_-]{43}/g;

/** The text with every status-link token replaced by `••••`. */
export function redactStatusLinks(text: string): string {
  return text.replace(TOKEN_IN_PATH, `$1${REDACTED_TOKEN}`);
}

/** True when the text still carries a status-link token. */
export function containsStatusToken(text: string): boolean {
  return new RegExp(TOKEN_IN_PATH.source).test(text);
}

/**
 * The mail as it is sent: the redacted form of `secretLink` in the stored text becomes the real link again.
 * Without a secret link the text is returned unchanged.
 */
export function restoreStatusLink(text: string, secretLink: string | null): string {
  if (secretLink === null) return text;
  return text.split(redactStatusLinks(secretLink)).join(secretLink);
}
