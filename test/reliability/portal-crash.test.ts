import { afterAll, describe, expect, test } from 'vitest';
import { createDatabase } from '../../src/server/db/database.ts';
import { sha256Hex } from '../../src/server/modules/portal/forms/form-token.ts';
import { validComplaint } from '../portal/portal-support.ts';
import { restartApp, sleep, startApp, startOwnPostgres } from './harness.ts';

// The portal's own double-submit protection is the idempotency key here: the nonce inside the signed form
// token. A browser re-sends the same form (same token) after a failed post, so that is what the clients do.
// Bounded by time, not count: people keep sending new forms for 100 s (RELIABILITY_PORTAL_SECONDS; and until
// all kills are done), then only finish the form in hand. The 10,000 is the cap: with the suite on its
// own on the 2 cores the portal confirms about 110 forms a second through the 5 kills, so a run reaches
// 9,800-10,000; a machine busy with other work reaches fewer (figures in docs/reliability.md).
const CLIENTS = 50;
const SUBMISSIONS = 10_000;
const KILLS = 5;
const LOAD_MS = Number(process.env.RELIABILITY_PORTAL_SECONDS ?? 100) * 1000;
/** Time to finish the forms in hand after the load stops (a restart under load takes up to ~15 s). */
const FINISH_MS = 90_000;

const postgres = await startOwnPostgres();
let app = await startApp(postgres, {
  JOBS: 'off',
  MAIL_WORKER: 'off',
  PORTAL_SUBMISSIONS_PER_IP_PER_HOUR: '100000',
  PORTAL_SUBMISSIONS_PER_HOUR: '1000000',
  PORTAL_MINIMUM_FILL_SECONDS: '0',
});
afterAll(async () => {
  app.server.child.kill('SIGTERM');
  await app.server.exited;
  await postgres.stop();
});

// The portal's valid answers (test/portal/portal-support.ts), answered by e-mail; each post brings its own text.
const FORM = { ...validComplaint, preferredContact: 'email' };

type PortalTally = {
  /** description → status token from the confirmation redirect */
  acknowledged: Map<string, string>;
  statuses: Map<number, number>;
  connectionErrors: number;
  missingRetryAfter: number;
  gaveUp: number;
  started: number;
};

const countStatus = (tally: PortalTally, status: number) =>
  tally.statuses.set(status, (tally.statuses.get(status) ?? 0) + 1);

/** The form token of a freshly opened form; null when the app is down or shedding load (try again). */
async function openForm(url: string, tally: PortalTally): Promise<string | null> {
  try {
    const response = await fetch(`${url}/klacht`, { signal: AbortSignal.timeout(10_000) });
    countStatus(tally, response.status);
    const page = await response.text();
    if (response.status === 503 && !response.headers.get('retry-after')) tally.missingRetryAfter++;
    return /name="formToken" value="([^"]+)"/.exec(page)?.[1] ?? null;
  } catch {
    tally.connectionErrors++;
    return null;
  }
}

async function postForm(url: string, fields: Record<string, string>) {
  return fetch(`${url}/klacht`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
    signal: AbortSignal.timeout(10_000),
  });
}

/**
 * One person's browser: open the form, send it, and after a refused connection or a 503 send the very same
 * form again (same token, same content) until the confirmation page's redirect arrives.
 */
async function runPortalClient(
  getUrl: () => string,
  descriptions: string[],
  tally: PortalTally,
  load: { accepting: () => boolean; deadline: number },
) {
  for (const description of descriptions) {
    if (!load.accepting()) break;
    tally.started++;
    let formToken: string | null = null;
    while (Date.now() < load.deadline) {
      formToken ??= await openForm(getUrl(), tally);
      if (formToken === null) {
        await sleep(100);
        continue;
      }
      try {
        const response = await postForm(getUrl(), { ...FORM, description, formToken });
        countStatus(tally, response.status);
        await response.body?.cancel();
        if (response.status === 303) {
          const token = /\/status\/([^/]+)\//.exec(response.headers.get('location') ?? '')?.[1];
          if (token) tally.acknowledged.set(description, token);
          break;
        }
        if (response.status !== 503) {
          tally.gaveUp++;
          break;
        }
        if (!response.headers.get('retry-after')) tally.missingRetryAfter++;
      } catch {
        tally.connectionErrors++;
      }
      await sleep(100);
    }
  }
}

describe('the app process is killed while people send the portal form', () => {
  test(
    'every acknowledged submission exists exactly once with its acknowledgement queued; a reused form with other content gets 422',
    async () => {
      const tally: PortalTally = {
        acknowledged: new Map(),
        statuses: new Map(),
        connectionErrors: 0,
        missingRetryAfter: 0,
        gaveUp: 0,
        started: 0,
      };
      const started = Date.now();
      let accepting = true;
      const load = { accepting: () => accepting, deadline: started + LOAD_MS + FINISH_MS };
      const perClient = SUBMISSIONS / CLIENTS;
      const clients = Array.from({ length: CLIENTS }, (_, c) =>
        runPortalClient(
          () => app.url,
          Array.from({ length: perClient }, (_, i) => `Portaalklacht ${c}-${i}: de monteur kwam niet.`),
          tally,
          load,
        ),
      );
      // Kills at random moments of the load window; each waits for the previous restart.
      const killAt = Array.from({ length: KILLS }, () => LOAD_MS * (0.05 + Math.random() * 0.7)).sort(
        (a, b) => a - b,
      );
      let kills = 0;
      const restartMs: number[] = [];
      const serverLogs: string[] = [];
      const killer = (async () => {
        for (const at of killAt) {
          await sleep(Math.max(0, started + at - Date.now()));
          app.server.child.kill('SIGKILL');
          await app.server.exited;
          serverLogs.push(app.server.output());
          kills++;
          const killedAt = Date.now();
          app = await restartApp(app);
          restartMs.push(Date.now() - killedAt);
        }
      })();
      // The load goes on for the window and at least until the last restart is done, so every kill hits it
      await Promise.all([sleep(LOAD_MS), killer]);
      accepting = false;
      const loadMs = Date.now() - started;
      await Promise.all(clients);
      const durationMs = Date.now() - started;

      const owner = createDatabase(postgres.ownerUrl, { poolSize: 1, log: { error: () => {} } });
      let rows: { id: string; description: string; acknowledgements: number }[];
      let links: { complaint_id: string; token_hash: string }[];
      try {
        rows = (
          await owner
            .selectFrom('complaint as c')
            .select(['c.id', 'c.description'])
            .select((eb) =>
              eb
                .selectFrom('outbox_message as m')
                .whereRef('m.complaint_id', '=', 'c.id')
                .where('m.kind', '=', 'acknowledgement')
                .select(eb.fn.countAll<string>().as('n'))
                .as('acknowledgements'),
            )
            .execute()
        ).map((r) => ({
          id: r.id,
          description: r.description,
          acknowledgements: Number(r.acknowledgements),
        }));
        links = await owner
          .selectFrom('complaint_status_link')
          .select(['complaint_id', 'token_hash'])
          .execute();
      } finally {
        await owner.destroy();
      }
      const perDescription = new Map<string, typeof rows>();
      for (const row of rows)
        perDescription.set(row.description, [...(perDescription.get(row.description) ?? []), row]);
      const duplicated = [...perDescription.values()].filter((list) => list.length > 1).length;
      const lost = [...tally.acknowledged.keys()].filter((d) => !perDescription.has(d)).length;
      const complaintOfLink = new Map(links.map((l) => [l.token_hash, l.complaint_id]));

      console.log('portal crash during write figures', {
        cap: SUBMISSIONS,
        clients: CLIENTS,
        kills,
        restartMs,
        started: tally.started,
        acknowledged: tally.acknowledged.size,
        lost,
        duplicated,
        complaints: rows.length,
        gaveUp: tally.gaveUp,
        statuses: Object.fromEntries(tally.statuses),
        connectionErrors: tally.connectionErrors,
        loadMs,
        durationMs,
        submissionsPerSecond: Math.round((tally.acknowledged.size / loadMs) * 1000),
      });

      // What the server said about its failures, should there be any (never the request bodies)
      const failures = [...serverLogs, app.server.output()]
        .flatMap((log) => log.split('\n'))
        .filter((line) => /"level":(50|60)/.test(line));
      if (failures.length > 0) console.log('server errors', failures.slice(0, 5).join('\n').slice(0, 5000));
      expect(kills).toBe(KILLS);
      // Every form that was started got its confirmation; and enough of them to mean something
      expect(tally.acknowledged.size).toBe(tally.started);
      expect(tally.acknowledged.size).toBeGreaterThanOrEqual(500);
      expect(tally.gaveUp).toBe(0);
      expect(tally.missingRetryAfter).toBe(0);
      expect([...tally.statuses.keys()].filter((s) => s >= 500 && s !== 503)).toEqual([]);
      expect(lost).toBe(0);
      expect(duplicated).toBe(0);
      // Exactly once, and the status link the person was given leads to that very complaint, acknowledged once.
      for (const [description, token] of tally.acknowledged) {
        const [row] = perDescription.get(description) ?? [];
        expect(complaintOfLink.get(sha256Hex(token))).toBe(row?.id);
        expect(row?.acknowledgements).toBe(1);
      }

      // The same form (its nonce) sent again with other content is refused, with the friendly page.
      const formToken = await openForm(app.url, tally);
      expect(formToken).not.toBeNull();
      const fields = { ...FORM, description: 'Een eerste versie van de klacht.', formToken: formToken ?? '' };
      expect((await postForm(app.url, fields)).status).toBe(303);
      const reused = await postForm(app.url, {
        ...fields,
        description: 'Een ander verhaal met hetzelfde formulier.',
      });
      expect(reused.status).toBe(422);
      expect(await reused.text()).toContain('Uw klacht is al verstuurd');
    },
    LOAD_MS + FINISH_MS + 60_000,
  );
});
