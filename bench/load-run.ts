import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import autocannon, { type Request } from 'autocannon';

// One scenario: a warm-up, then a measured run of fixed length. Latency percentiles are computed from every
// response time (autocannon's own summary has no p95), and the server's resident memory is sampled meanwhile.

export type LoadResult = {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  /** Responses with a status the scenario does not expect (by default anything outside 2xx). */
  failedResponses: number;
  firstFailure: string | null;
  maxRssMb: number | null;
  /** Latency per kind of request, for a scenario that mixes several. */
  byKind: Record<string, { requests: number; p50: number; p95: number; p99: number }> | null;
  /** CPU time per request of the server process and of all PostgreSQL processes: robust on a busy machine. */
  nodeCpuMsPerRequest: number | null;
  postgresCpuMsPerRequest: number | null;
};

export type LoadOptions = {
  url: string;
  connections: number;
  warmupSeconds: number;
  seconds: number;
  request: Request;
  /** Which statuses count as success: 2xx unless the scenario says otherwise (the portal answers 303). */
  okStatus?: ((status: number) => boolean) | undefined;
  /** For a mixed scenario: the kind of request the response just received answers. */
  kindOfLastResponse?: (() => string | undefined) | undefined;
  /** Process whose resident memory is sampled during the measured run. */
  rssPid?: number | undefined;
  /** The HTTP server's process, whose CPU time is counted. */
  cpuPid?: number | undefined;
  /** The postmaster: its own and its backends' CPU time is counted. */
  postmasterPid?: number | undefined;
};

const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * CPU clock ticks of one process from /proc/<pid>/stat: utime + stime (fields 14, 15), plus cutime + cstime
 * (16, 17) of children it has reaped — so a PostgreSQL backend that exits mid-run is still counted.
 */
function readStat(pid: number): { own: number; reaped: number; parent: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text
      .slice(text.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
    const at = (i: number) => fields[i] ?? 0;
    return { own: at(11) + at(12), reaped: at(13) + at(14), parent: at(1) };
  } catch {
    return null;
  }
}

function cpuTicks(pid: number, withChildren: boolean): number {
  const self = readStat(pid);
  if (!withChildren) return self?.own ?? 0;
  let total = (self?.own ?? 0) + (self?.reaped ?? 0);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat?.parent === pid) total += stat.own;
  }
  return total;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

export function readRssMb(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

function run(options: LoadOptions, seconds: number, measure: boolean): Promise<LoadResult> {
  const times: number[] = [];
  const kindTimes = new Map<string, number[]>();
  const isOk = options.okStatus ?? ((status: number) => status >= 200 && status < 300);
  let failedResponses = 0;
  let firstFailure: string | null = null;
  let maxRss: number | null = null;
  const sampler =
    measure && options.rssPid !== undefined
      ? setInterval(() => {
          const rss = readRssMb(options.rssPid as number);
          if (rss !== null) maxRss = Math.max(maxRss ?? 0, rss);
        }, 200)
      : null;
  const nodeBefore = options.cpuPid === undefined ? null : cpuTicks(options.cpuPid, false);
  const postgresBefore = options.postmasterPid === undefined ? null : cpuTicks(options.postmasterPid, true);
  const perRequest = (before: number | null, pid: number | undefined, children: boolean, requests: number) =>
    before === null || pid === undefined || requests === 0
      ? null
      : ((cpuTicks(pid, children) - before) * 1000) / TICKS_PER_SECOND / requests;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: seconds,
        timeout: 10,
        requests: [options.request],
        setupClient: (client) => {
          let lastBody = '';
          client.on('body', (body: Buffer) => {
            lastBody = body.toString('utf8').slice(0, 300);
          });
          client.on('response', (status: number) => {
            if (!isOk(status) && firstFailure === null) firstFailure = `${status} ${lastBody}`;
          });
        },
      },
      (error, result) => {
        if (sampler) clearInterval(sampler);
        if (error) return reject(error);
        const sorted = times.sort((a, b) => a - b);
        resolve({
          requests: result.requests.total,
          requestsPerSecond: result.requests.total / seconds,
          p50: percentile(sorted, 50),
          p95: percentile(sorted, 95),
          p99: percentile(sorted, 99),
          max: sorted.at(-1) ?? Number.NaN,
          errors: result.errors + result.timeouts,
          failedResponses,
          firstFailure,
          maxRssMb: maxRss,
          byKind:
            kindTimes.size === 0
              ? null
              : Object.fromEntries(
                  [...kindTimes].map(([kind, list]) => {
                    const ordered = list.sort((a, b) => a - b);
                    return [
                      kind,
                      {
                        requests: ordered.length,
                        p50: percentile(ordered, 50),
                        p95: percentile(ordered, 95),
                        p99: percentile(ordered, 99),
                      },
                    ];
                  }),
                ),
          nodeCpuMsPerRequest: perRequest(nodeBefore, options.cpuPid, false, result.requests.total),
          postgresCpuMsPerRequest: perRequest(
            postgresBefore,
            options.postmasterPid,
            true,
            result.requests.total,
          ),
        });
      },
    );
    instance.on('response', (_client, status, _bytes, responseTime) => {
      times.push(responseTime);
      const kind = options.kindOfLastResponse?.();
      if (kind !== undefined) {
        const list = kindTimes.get(kind) ?? [];
        list.push(responseTime);
        kindTimes.set(kind, list);
      }
      if (!isOk(status)) failedResponses += 1;
    });
  });
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  if (options.warmupSeconds > 0) await run(options, options.warmupSeconds, false);
  return run(options, options.seconds, true);
}
