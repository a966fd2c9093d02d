/**
 * Secrets that travel in a URL path (the complaint portal's private status links) never reach the logs:
 * whatever follows `/status/` is replaced before a request line is written.
 */
export function redactUrl(url: string): string {
  return url.replace(/(\/status\/)[^/?#]+/g, '$1[redacted]');
}

/** pino's censor: the URL keeps its shape, every other redacted value disappears entirely. */
export function censorLogValue(value: unknown, path: string[]): unknown {
  if (path[path.length - 1] === 'url' && typeof value === 'string') return redactUrl(value);
  return '[redacted]';
}
