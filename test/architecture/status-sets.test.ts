import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPLAINT_STATUSES } from '../../src/domain/index.ts';

// Issue 23: a set of complaint statuses (term running, open, closed for messages, transferable …) is a policy
// rule and is written once, in src/domain (status-sets.ts, complaint-state.ts). Server, SQL and web take it from
// there. This test fails on a literal list of two or more complaint statuses anywhere else in src/server or
// src/web: an array or Set literal (`['new', 'in_progress']`), or a parenthesised list as in raw SQL
// (`status in ('closed', 'withdrawn')`).

const ROOT = path.join(import.meta.dirname, '../..');
const SCANNED = ['src/server', 'src/web'];

/**
 * The only places allowed to spell a set out. Migrations are frozen in time and may not import app code
 * (house style), so a check constraint or data fix there names its statuses itself.
 */
const ALLOWED = [/^src\/server\/db\/migrations\//];

const STATUSES = new Set(Object.keys(COMPLAINT_STATUSES));
const STRING = String.raw`(?:'[^'\n]*'|"[^"\n]*")`;
/** `[` or `(`, then two or more string literals separated by commas (trailing comma allowed), then `]` or `)`. */
const LIST = new RegExp(String.raw`[[(]\s*(${STRING}(?:\s*,\s*${STRING})+)\s*,?\s*[\])]`, 'g');

type Finding = { line: number; list: string };

/** Literal lists in `source` whose items are all complaint statuses (two or more). */
function findStatusLists(source: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of source.matchAll(LIST)) {
    const items = [...(match[1] ?? '').matchAll(new RegExp(STRING, 'g'))].map((m) => m[0].slice(1, -1));
    if (items.length >= 2 && items.every((item) => STATUSES.has(item))) {
      const line = source.slice(0, match.index).split('\n').length;
      findings.push({ line, list: match[0].replace(/\s+/g, ' ') });
    }
  }
  return findings;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.(ts|tsx)$/.test(entry.name) ? [relative] : [];
  });
}

describe('the status-list detector', () => {
  it.each([
    ["const OPEN = new Set(['new', 'in_progress']);", 1],
    ['const CLOSED = ["closed", "withdrawn"] as const;', 1],
    ["where('c.status', 'in', [\n  'in_progress',\n  'declined_outside_procedure',\n])", 1],
    ["sql`where c.status in ('answered', 'closed')`", 1],
    ["statuses: ['in_progress', 'answered'],", 1],
    // not a set of statuses: one status, or statuses mixed with other words
    ["statuses: ['in_progress'],", 0],
    ["['answered', 'kpiAnswered']", 0],
    ["const SETS = ['received', 'answered', 'closed'];", 0],
    ["['extended', 'referred', 'board_track'].includes(step)", 0],
    ["if (status === 'new' || status === 'closed')", 0],
  ])('%s → %i finding(s)', (source, count) => {
    expect(findStatusLists(source)).toHaveLength(count);
  });
});

describe('status sets are named once, in src/domain', () => {
  it('no literal list of complaint statuses in src/server or src/web (take the set from src/domain)', () => {
    const files = SCANNED.flatMap(sourceFiles).filter((file) => !ALLOWED.some((re) => re.test(file)));
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) =>
      findStatusLists(readFileSync(path.join(ROOT, file), 'utf8')).map((f) => `${file}:${f.line} ${f.list}`),
    );
    expect(found).toEqual([]);
  });
});
