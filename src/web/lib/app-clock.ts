// The web app's "now" (decision 042): the browser's clock, unless the server runs on a set clock (GEHOORD_CLOCK)
// and says so in the `Gehoord-Clock` header of its API answers; then the server's clock, running on here.

let offsetMs = 0;

/** Called with each API answer's `Gehoord-Clock` header (absent: the server is on the system clock). */
export function noteServerClock(header: string | null): void {
  if (header === null) return;
  const instant = Date.parse(header);
  if (!Number.isNaN(instant)) offsetMs = instant - Date.now();
}

/** "Now" for defaults and today's date in forms: the server's business clock as far as the app knows it. */
export function appNow(): Date {
  return new Date(Date.now() + offsetMs);
}
