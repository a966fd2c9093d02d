// A progress line on stderr: redrawn in place on a terminal, one line every few seconds in a log.

export class SeedProgress {
  private readonly startedAt = Date.now();
  private lastDrawn = 0;
  private readonly counts = new Map<string, number>();
  private organizationsDone = 0;
  private phaseLabel = '';
  private readonly stream: NodeJS.WriteStream;
  private readonly organizations: number;
  private readonly complaints: number;

  constructor(organizations: number, complaints: number, stream: NodeJS.WriteStream = process.stderr) {
    this.organizations = organizations;
    this.complaints = complaints;
    this.stream = stream;
  }

  added(table: string, rows: number): void {
    this.counts.set(table, (this.counts.get(table) ?? 0) + rows);
    this.draw(false);
  }

  /** What happens now ("genereren", "laden"): generation of a large corporation takes a while before rows flow. */
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

  private draw(force: boolean): void {
    const now = Date.now();
    const interval = this.stream.isTTY ? 150 : 3_000;
    if (!force && now - this.lastDrawn < interval) return;
    this.lastDrawn = now;
    const complaints = this.counts.get('complaint') ?? 0;
    const share = this.complaints === 0 ? 1 : complaints / this.complaints;
    const width = 24;
    const filled = Math.min(width, Math.round(share * width));
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    const n = (value: number) => value.toLocaleString('nl-NL');
    const line =
      `${bar} ${(share * 100).toFixed(0).padStart(3)}%  organisaties ${this.organizationsDone}/${this.organizations}` +
      ` · klachten ${n(complaints)}/${n(this.complaints)} · gebeurtenissen ${n(this.counts.get('complaint_event') ?? 0)}` +
      ` · ${((now - this.startedAt) / 1000).toFixed(1)} s${this.phaseLabel ? ` · ${this.phaseLabel}` : ''}`;
    this.stream.write(this.stream.isTTY ? `\r${line}\x1b[K` : `${line}\n`);
  }
}
