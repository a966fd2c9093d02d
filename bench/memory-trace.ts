import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { getHeapSpaceStatistics } from 'node:v8';

// Loaded into a process with `--import` (`BENCH_NODE_OPTIONS='--import ./bench/memory-trace.ts' npm run bench …`):
// once a second one JSON line with where its memory is — resident, V8 heap (total, used, per space), external
// and array buffers, and anonymous memory from /proc — to data/bench/memory-trace-<pid>.jsonl. Resident memory
// that grows while the heap does not is memory outside V8: ICU, zlib, malloc arenas (issue 24).

const file = path.resolve('data', 'bench', `memory-trace-${process.pid}.jsonl`);
mkdirSync(path.dirname(file), { recursive: true });
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

function anonymousMb(): number | null {
  try {
    const match = /Anonymous:\s+(\d+) kB/.exec(readFileSync('/proc/self/smaps_rollup', 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

setInterval(() => {
  const usage = process.memoryUsage();
  const spaces = Object.fromEntries(
    getHeapSpaceStatistics()
      .filter((s) => s.space_size > 0)
      .map((s) => [s.space_name.replace(/_space$/, ''), mb(s.space_size)]),
  );
  const line = {
    at: new Date().toISOString(),
    rssMb: mb(usage.rss),
    heapTotalMb: mb(usage.heapTotal),
    heapUsedMb: mb(usage.heapUsed),
    externalMb: mb(usage.external),
    arrayBuffersMb: mb(usage.arrayBuffers),
    anonymousMb: anonymousMb(),
    spacesMb: spaces,
  };
  appendFileSync(file, `${JSON.stringify(line)}\n`);
}, 1000).unref();
