/** Live enough for a shared queue without hammering the server: others' changes show within half a minute. */
export const REFRESH_MS = 30_000;
