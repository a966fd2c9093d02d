import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Executor } from './seed-loader.ts';

// Where a load's time goes, phase by phase: wall time, this Node process's CPU (main thread and the generator's
// worker thread together) and PostgreSQL's CPU. CPU seconds stay comparable on a busy machine, where wall time
// stretches with the share of the cores the load gets. PostgreSQL's CPU is read from /proc when the server runs
// on this machine (the embedded one): the postmaster with every child it has reaped (parallel index workers)
// plus its live children (this connection's backend, the checkpointer, the WAL writer). For a server elsewhere
// it is null.

export type LoadPhase = {
  name: string;
  seconds: number;
  nodeCpuSeconds: number;
  /** null: PostgreSQL runs on another machine (or /proc cannot be read). */
  postgresCpuSeconds: number | null;
};

export type LoadRecord = {
  /** When the load started (wall clock, ISO). */
  startedAt?: string;
  seconds: number;
  nodeCpuSeconds: number;
  postgresCpuSeconds: number | null;
  /** One-minute load average when the load started and when it ended (other work on the machine). */
  loadAverage: { before: number; after: number };
  cores: number;
  phases: LoadPhase[];
  /** The bulk tables were empty and truncated in the load's transaction (fresh-tables.ts): COPY FREEZE, no WAL. */
  freshTables?: boolean;
};

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** utime, stime, cutime, cstime and the parent pid of a process, or null when it cannot be read. */
function readStat(pid: number): { own: number; children: number; parent: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: the fields after it start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const number = (index: number) => Number(fields[index - 3]);
    return {
      parent: number(4),
      own: number(14) + number(15),
      children: number(16) + number(17),
    };
  } catch {
    return null;
  }
}

/** CPU seconds used so far by the whole PostgreSQL server the backend `backendPid` belongs to. */
export function postgresCpuSeconds(backendPid: number | null): number | null {
  if (backendPid === null) return null;
  const backend = readStat(backendPid);
  if (!backend) return null;
  const postmaster = readStat(backend.parent);
  if (!postmaster) return null;
  let ticks = postmaster.own + postmaster.children;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const child = readStat(Number(entry));
    if (child && child.parent === backend.parent) ticks += child.own;
  }
  return ticks / TICKS_PER_SECOND;
}

/** The backend's pid when it runs on this machine (its /proc entry exists), else null. */
export async function localBackendPid(client: Executor): Promise<number | null> {
  const pid = Number((await client.query('select pg_backend_pid() as pid')).rows[0]?.pid);
  if (!Number.isSafeInteger(pid) || readStat(pid) === null) return null;
  // Same pid number on another machine: the process must be a postgres backend.
  try {
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return command.includes('postgres') ? pid : null;
  } catch {
    return null;
  }
}

type Sample = { at: number; node: number; postgres: number | null };

export class LoadPhases {
  private readonly phases = new Map<string, LoadPhase>();
  private readonly started: Sample;
  private readonly loadBefore = loadavg()[0] ?? 0;
  private readonly startedAtIso = new Date().toISOString();
  private current: { name: string; from: Sample } | null = null;
  private readonly backendPid: number | null;
  private readonly cores: number;

  constructor(backendPid: number | null, cores: number) {
    this.backendPid = backendPid;
    this.cores = cores;
    this.started = this.sample();
  }

  private sample(): Sample {
    const cpu = process.cpuUsage();
    return {
      at: performance.now(),
      node: (cpu.user + cpu.system) / 1e6,
      postgres: postgresCpuSeconds(this.backendPid),
    };
  }

  /** Ends the phase under way (if any) and starts `name`; a phase entered again adds up. */
  enter(name: string | null): void {
    const now = this.sample();
    if (this.current) {
      const { from } = this.current;
      const phase = this.phases.get(this.current.name) ?? {
        name: this.current.name,
        seconds: 0,
        nodeCpuSeconds: 0,
        postgresCpuSeconds: from.postgres === null ? null : 0,
      };
      phase.seconds += (now.at - from.at) / 1000;
      phase.nodeCpuSeconds += now.node - from.node;
      if (phase.postgresCpuSeconds !== null && now.postgres !== null && from.postgres !== null)
        phase.postgresCpuSeconds += now.postgres - from.postgres;
      this.phases.set(this.current.name, phase);
    }
    this.current = name === null ? null : { name, from: now };
  }

  finish(): LoadRecord {
    this.enter(null);
    const end = this.sample();
    const round = (value: number) => Math.round(value * 100) / 100;
    return {
      startedAt: this.startedAtIso,
      seconds: round((end.at - this.started.at) / 1000),
      nodeCpuSeconds: round(end.node - this.started.node),
      postgresCpuSeconds:
        end.postgres === null || this.started.postgres === null
          ? null
          : round(end.postgres - this.started.postgres),
      loadAverage: { before: this.loadBefore, after: loadavg()[0] ?? 0 },
      cores: this.cores,
      phases: [...this.phases.values()].map((p) => ({
        name: p.name,
        seconds: round(p.seconds),
        nodeCpuSeconds: round(p.nodeCpuSeconds),
        postgresCpuSeconds: p.postgresCpuSeconds === null ? null : round(p.postgresCpuSeconds),
      })),
    };
  }
}

export function formatLoadRecord(record: LoadRecord): string {
  const s = (value: number | null) => (value === null ? '–' : `${value.toFixed(1)} s`);
  return [
    '| fase / phase | tijd / wall | CPU Node | CPU PostgreSQL |',
    '|---|---:|---:|---:|',
    ...record.phases.map(
      (p) => `| ${p.name} | ${s(p.seconds)} | ${s(p.nodeCpuSeconds)} | ${s(p.postgresCpuSeconds)} |`,
    ),
    `| **totaal / total** | **${s(record.seconds)}** | ${s(record.nodeCpuSeconds)} | ${s(record.postgresCpuSeconds)} |`,
  ].join('\n');
}
