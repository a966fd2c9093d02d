import { appendFile, mkdir, open, readFile } from 'node:fs/promises';
import path from 'node:path';

export type ErasureLedgerEntry = {
  at: string;
  organizationId: string;
  kind: 'complaint' | 'person' | 'representative';
  id: string;
  reason: 'retention' | 'request' | 'reapply';
};

/**
 * Ids of everything anonymised, one JSON line each, kept outside the database (DATA_DIR/privacy). A backup
 * taken before an erasure still holds the person's data; `npm run restore` reads this file and erases
 * them again. Ids and dates only: the ledger itself holds nothing personal.
 */
export class ErasureLedger {
  readonly file: string;

  constructor(file: string) {
    this.file = path.resolve(file);
  }

  async append(entries: readonly ErasureLedgerEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
    await appendFile(this.file, entries.map((e) => `${JSON.stringify(e)}\n`).join(''), { mode: 0o600 });
    // The erasure is committed; the line that lets a restore repeat it must survive a power cut too
    const handle = await open(this.file, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  async read(): Promise<ErasureLedgerEntry[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    // A line cut off by a crash is skipped; every complete line is an erasure to repeat
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .flatMap((line) => {
        try {
          return [JSON.parse(line) as ErasureLedgerEntry];
        } catch {
          return [];
        }
      });
  }
}

export function defaultLedgerFile(dataDir: string): string {
  return path.join(dataDir, 'privacy', 'erasure-ledger.jsonl');
}
