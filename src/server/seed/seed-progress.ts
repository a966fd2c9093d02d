// A progress bar on stderr: redrawn in place on a terminal, one line every few seconds in a log. Shows the
// corporations, complaints and events done, the rate of the last seconds and the time still to go.

const RATE_WINDOW_MS = 10_000;

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  return m > 0 ? `${m}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

export class SeedProgress {
  private readonly startedAt = Date.now();
  private lastDrawn = 0;
  private readonly counts = new Map<string, number>();
  private organizationsDone = 0;
  private phaseLabel = '';
  private readonly stream: NodeJS.WriteStream;
  private readonly organizations: number;
  private readonly complaints: number;
  /** (time, rows) samples over the last RATE_WINDOW_MS: the rate follows what happens now, not the average. */
  private readonly samples: [number, number][] = [];
  private rows = 0;

  constructor(organizations: number, complaints: number, stream: NodeJS.WriteStream = process.stderr) {
    this.organizations = organizations;
    this.complaints = complaints;
    this.stream = stream;
  }

  added(table: string, rows: number): void {
    this.counts.set(table, (this.counts.get(table) ?? 0) + rows);
    this.rows += rows;
    this.draw(false);
  }

  /** What happens now ("genereren", "laden", "indexen"): some phases take a while before rows flow. */
  phase(label: string): void {
    this.phaseLabel = label;
    this.draw(true);
  }

  organizationDone(): void {
    this.organizationsDone += 1;
    this.draw(false);
  }

  finish(): void {
    this.draw(true);
    if (this.stream.isTTY) this.stream.write('\n');
  }

  /** Rows per second over the last seconds. */
  private rate(now: number): number {
    this.samples.push([now, this.rows]);
    while (this.samples.length > 2 && now - (this.samples[0] as [number, number])[0] > RATE_WINDOW_MS)
      this.samples.shift();
    const [t0, r0] = this.samples[0] as [number, number];
    return now - t0 < 500 ? 0 : ((this.rows - r0) * 1000) / (now - t0);
  }

  private draw(force: boolean): void {
    const now = Date.now();
    const interval = this.stream.isTTY ? 150 : 3_000;
    if (!force && now - this.lastDrawn < interval) return;
    this.lastDrawn = now;
    const elapsed = (now - this.startedAt) / 1000;
    const complaints = this.counts.get('complaint') ?? 0;
    const share = this.complaints === 0 ? 1 : complaints / this.complaints;
    const width = 24;
    const filled = Math.min(width, Math.round(share * width));
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    const n = (value: number) => value.toLocaleString('nl-NL');
    // The share of complaints done is the best measure of work done: events and homes come with them.
    const eta =
      share > 0.01 && share < 1 ? ` · nog ≈ ${formatDuration((elapsed * (1 - share)) / share)}` : '';
    const line =
      `${bar} ${(share * 100).toFixed(0).padStart(3)}%  organisaties ${this.organizationsDone}/${this.organizations}` +
      ` · klachten ${n(complaints)}/${n(this.complaints)} · gebeurtenissen ${n(this.counts.get('complaint_event') ?? 0)}` +
      ` · ${n(Math.round(this.rate(now)))} rijen/s · ${formatDuration(elapsed)}${eta}` +
      `${this.phaseLabel ? ` · ${this.phaseLabel}` : ''}`;
    this.stream.write(this.stream.isTTY ? `\r${line}\x1b[K` : `${line}\n`);
  }
}
