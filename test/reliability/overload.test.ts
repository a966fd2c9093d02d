import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, test } from 'vitest';
import { setUpWithToken, sleep, startApp, startOwnPostgres } from './harness.ts';

const postgres = await startOwnPostgres();
const app = await startApp(postgres, {
  JOBS: 'off',
  MAX_EVENT_LOOP_DELAY_MS: '150',
  MAX_CONCURRENT_REQUESTS: '24',
});
const token = await setUpWithToken(app);
afterAll(async () => {
  app.server.child.kill('SIGTERM');
  await app.server.exited;
  await postgres.stop();
});

type Sample = { status: number; ms: number; retryAfter: boolean; error?: string };

/** Open-loop load: requests start on a fixed schedule whether or not earlier ones have finished. */
async function openLoop(
  ratePerSecond: number,
  seconds: number,
  request: () => Promise<Response>,
): Promise<Sample[]> {
  const samples: Promise<Sample>[] = [];
  const interval = 1000 / ratePerSecond;
  const start = performance.now();
  for (let i = 0; i < ratePerSecond * seconds; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const began = performance.now();
    samples.push(
      request().then(
        async (response) => {
          await response.body?.cancel();
          return {
            status: response.status,
            ms: performance.now() - began,
            retryAfter: response.headers.has('retry-after'),
          };
        },
        (error: Error) => ({
          status: 0,
          ms: performance.now() - began,
          retryAfter: false,
          error: String(error.cause ?? error.message),
        }),
      ),
    );
  }
  return Promise.all(samples);
}

const workQueue = () =>
  fetch(`${app.url}/api/complaints?limit=50`, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(15_000),
  });

function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function rssMegabytes(pid: number) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

describe('overload: more work than the machine can do', () => {
  test('admitted requests stay fast, the rest get a quick 503 with Retry-After, and the app recovers', async () => {
    for (let i = 0; i < 30; i++) {
      await fetch(`${app.url}/api/complaints`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ channel: 'web', description: `Vulling ${i}` }),
      });
    }
    // Capacity: a closed loop of 8 clients for 3 seconds
    let completed = 0;
    const until = Date.now() + 3000;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (Date.now() < until) {
          const response = await workQueue();
          await response.body?.cancel();
          completed++;
        }
      }),
    );
    const capacity = Math.max(10, Math.round(completed / 3));
    const figures: Record<string, unknown> = { capacityPerSecond: capacity };
    for (const factor of [2, 5]) {
      const samples = await openLoop(capacity * factor, 5, workQueue);
      const admitted = samples.filter((s) => s.status === 200);
      const shed = samples.filter((s) => s.status === 503);
      const other = samples.filter((s) => s.status !== 200 && s.status !== 503);
      figures[`${factor}x`] = {
        sent: samples.length,
        admitted: admitted.length,
        shed: shed.length,
        other: other.map((s) => s.status),
        errors: [...new Set(other.map((s) => s.error))].slice(0, 3),
        p99AdmittedMs: Math.round(
          percentile(
            admitted.map((s) => s.ms),
            99,
          ),
        ),
        p99ShedMs: Math.round(
          percentile(
            shed.map((s) => s.ms),
            99,
          ),
        ),
        rssMb: Math.round(await rssMegabytes(app.server.child.pid as number)),
      };
      expect(other.filter((s) => s.status >= 500 || s.status === 0)).toEqual([]);
      expect(shed.every((s) => s.retryAfter)).toBe(true);
      expect(admitted.length).toBeGreaterThan(0);
      // The budget is 1 s on an idle machine (docs/reliability.md); the bound here leaves room for a busy CI host
      expect(
        percentile(
          admitted.map((s) => s.ms),
          99,
        ),
      ).toBeLessThan(3000);
      expect(
        percentile(
          shed.map((s) => s.ms),
          99,
        ),
      ).toBeLessThan(3000);
      expect(await rssMegabytes(app.server.child.pid as number)).toBeLessThan(500);
      await sleep(500);
    }
    const stoppedAt = Date.now();
    let recovered = false;
    while (Date.now() - stoppedAt < 10_000) {
      const response = await workQueue();
      await response.body?.cancel();
      if (response.status === 200) {
        recovered = true;
        break;
      }
      await sleep(200);
    }
    figures.recoveryMs = Date.now() - stoppedAt;
    console.log('overload figures', JSON.stringify(figures));
    expect(recovered).toBe(true);
    expect(app.server.child.exitCode).toBeNull();
  });

  test('requests the clients abort do not leak into the in-flight bound (found by npm run bench)', async () => {
    await Promise.all(
      Array.from({ length: 120 }, () =>
        fetch(`${app.url}/api/complaints?limit=50`, {
          headers: { authorization: `Bearer ${token}` },
          signal: AbortSignal.timeout(5),
        }).catch(() => undefined),
      ),
    );
    await sleep(2000);
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const response = await workQueue();
      await response.body?.cancel();
      statuses.push(response.status);
    }
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  });
});
