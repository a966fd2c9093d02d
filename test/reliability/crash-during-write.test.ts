import { afterAll, describe, expect, test } from 'vitest';
import { createDatabase } from '../../src/server/db/database.ts';
import {
  newTally,
  restartApp,
  runClient,
  setUpWithToken,
  sleep,
  startApp,
  startOwnPostgres,
} from './harness.ts';

const postgres = await startOwnPostgres();
let app = await startApp(postgres, { JOBS: 'off' });
const token = await setUpWithToken(app);
afterAll(async () => {
  app.server.child.kill('SIGTERM');
  await app.server.exited;
  await postgres.stop();
});

describe('the app process is killed while clients register complaints', () => {
  test('every acknowledged registration exists exactly once; a reused key with another body is refused', async () => {
    const tally = newTally();
    const deadline = Date.now() + 150_000;
    const clients = Array.from({ length: 20 }, (_, c) =>
      runClient(
        () => app.url,
        token,
        Array.from({ length: 15 }, (_, i) => `crash-${c}-${i}`),
        tally,
        { deadline },
      ),
    );
    let kills = 0;
    const killer = (async () => {
      for (let i = 0; i < 5; i++) {
        await sleep(500 + Math.floor(Math.random() * 1500));
        app.server.child.kill('SIGKILL');
        await app.server.exited;
        kills++;
        app = await restartApp(app);
      }
    })();
    await Promise.all([...clients, killer]);
    console.log('crash during write figures', {
      kills,
      acknowledged: tally.acknowledged.size,
      statuses: Object.fromEntries(tally.statuses),
      connectionErrors: tally.connectionErrors,
    });
    expect(kills).toBe(5);
    expect(tally.acknowledged.size).toBe(300);
    expect([...tally.statuses.keys()].filter((s) => s >= 500 && s !== 503)).toEqual([]);
    const owner = createDatabase(postgres.ownerUrl, { poolSize: 1, log: { error: () => {} } });
    try {
      const rows = await owner.selectFrom('complaint').select(['id', 'description']).execute();
      // Exactly once: as many complaints as keys, one per key, and the ids the clients were given
      expect(rows).toHaveLength(300);
      expect(new Set(rows.map((r) => r.description)).size).toBe(300);
      expect(new Set(rows.map((r) => r.id))).toEqual(new Set(tally.acknowledged.values()));
    } finally {
      await owner.destroy();
    }
    const reused = await fetch(`${app.url}/api/complaints`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': 'crash-0-0',
      },
      body: JSON.stringify({ channel: 'web', description: 'Een ander verhaal met dezelfde sleutel.' }),
    });
    expect(reused.status).toBe(422);
  });
});
