import { validComplaint } from '../portal/portal-support.ts';
import type { Reply } from '../support/nginx.ts';
import { sleep } from './harness.ts';

// The clients of the proxy test (proxy-rolling-restart.test.ts): people on the portal, an integration
// registering complaints and staff software reading, each retrying a 502/503/504 or a refused or cut
// connection with the very same request (the same form, the same Idempotency-Key) until it is answered.

export type Send = (
  url: string,
  options?: { method?: string; headers?: Record<string, string>; body?: string },
) => Promise<Reply>;
export type Load = { accepting: () => boolean; deadline: number };

export const newProxyTally = (): ProxyTally => ({ requests: 0, retries: 0, gaveUp: [], statuses: new Map() });

export type ProxyTally = {
  requests: number;
  retries: number;
  gaveUp: string[];
  statuses: Map<number, number>;
};
const RETRYABLE = new Set([502, 503, 504]);

/** Sends until an answer that is not a retryable failure; a refused or cut connection is retried too. */
export async function withRetries(
  tally: ProxyTally,
  send: () => Promise<Reply>,
  deadline: number,
): Promise<Reply | null> {
  for (let attempt = 0; Date.now() < deadline; attempt++) {
    if (attempt > 0) {
      tally.retries++;
      await sleep(100);
    }
    tally.requests++;
    try {
      const reply = await send();
      tally.statuses.set(reply.status, (tally.statuses.get(reply.status) ?? 0) + 1);
      if (!RETRYABLE.has(reply.status)) return reply;
    } catch {
      tally.statuses.set(0, (tally.statuses.get(0) ?? 0) + 1);
    }
  }
  return null;
}

// The portal's valid answers (test/portal/portal-support.ts), answered by e-mail; each post brings its own text.
const FORM = { ...validComplaint, preferredContact: 'email' };

/** A person on the portal: open the form, send it; after a failure send the very same form again. */
export async function portalClient(send: Send, name: string, tally: ProxyTally, load: Load) {
  const acknowledged: string[] = [];
  for (let i = 0; load.accepting(); i++) {
    const description = `Proxyklacht ${name}-${i}: de monteur kwam niet.`;
    const form = await withRetries(tally, () => send('/klacht'), load.deadline);
    const formToken = /name="formToken" value="([^"]+)"/.exec(form?.body ?? '')?.[1];
    if (!formToken) {
      tally.gaveUp.push(`form ${description}: ${form?.status}`);
      break;
    }
    const body = new URLSearchParams({ ...FORM, description, formToken }).toString();
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    const sent = await withRetries(
      tally,
      () => send('/klacht', { method: 'POST', headers, body }),
      load.deadline,
    );
    if (sent?.status !== 303) {
      tally.gaveUp.push(`post ${description}: ${sent?.status}`);
      break;
    }
    acknowledged.push(description);
  }
  return acknowledged;
}

/** An integration registering complaints over the API, each with its own Idempotency-Key. */
export async function apiWriter(send: Send, name: string, token: string, tally: ProxyTally, load: Load) {
  const acknowledged: string[] = [];
  for (let i = 0; load.accepting(); i++) {
    const key = `proxy-${name}-${i}`;
    const body = JSON.stringify({ channel: 'web', description: `Proxytest ${key}` });
    const headers = {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'idempotency-key': key,
    };
    const sent = await withRetries(
      tally,
      () => send('/api/complaints', { method: 'POST', headers, body }),
      load.deadline,
    );
    if (sent?.status !== 201) {
      tally.gaveUp.push(`api ${key}: ${sent?.status} ${sent?.body.slice(0, 200)}`);
      break;
    }
    acknowledged.push(`Proxytest ${key}`);
  }
  return acknowledged;
}

/** Staff software reading the work list over the API. */
export async function reader(send: Send, token: string, tally: ProxyTally, load: Load) {
  let reads = 0;
  while (load.accepting()) {
    const read = await withRetries(
      tally,
      () => send('/api/complaints?limit=20', { headers: { authorization: `Bearer ${token}` } }),
      load.deadline,
    );
    if (read?.status !== 200) {
      tally.gaveUp.push(`read: ${read?.status}`);
      break;
    }
    reads++;
  }
  return reads;
}
