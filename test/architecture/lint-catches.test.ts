import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

// `npm run lint` (`biome check .`) must mean something (issue 23, decision record 003): planted mistakes and
// forbidden imports are written inside the repository, so that biome.json and its overrides apply to them as
// to real code, and linted with the same command. The `.tmp/` folders are git-ignored and removed afterwards.
const root = path.join(import.meta.dirname, '../..');
const run = randomUUID().slice(0, 8);
const folders = ['src/web', 'src/contract', 'src/domain'].map((area) =>
  path.join(area, '.tmp', `lint-catches-${run}`),
);
const [webDir, contractDir, domainDir] = folders as [string, string, string];

const fixtures: Record<string, string> = {
  // A web file with the three classic mistakes and a reach into the server.
  [path.join(webDir, 'planted.ts')]: [
    "import { buildApp } from '../../../server/app.ts';",
    '',
    'export function planted(value: any): boolean {',
    '  debugger;',
    '  return value == buildApp;',
    '}',
    '',
  ].join('\n'),
  // The contract is shared by server and web: it may not import from either.
  [path.join(contractDir, 'planted.ts')]: [
    "import { buildApp } from '../../../server/app.ts';",
    "import { api } from '../../../web/lib/api-client.ts';",
    '',
    'export const planted = [buildApp, api];',
    '',
  ].join('\n'),
  // The domain imports nothing outside src/domain: not the contract, not a package.
  [path.join(domainDir, 'planted.ts')]: [
    "import { z } from 'zod';",
    "import { errorCatalog } from '../../../contract/errors.ts';",
    '',
    'export const planted = [z, errorCatalog];',
    '',
  ].join('\n'),
  // What each area may import does not fire (so the rules above are not simply "every import").
  [path.join(webDir, 'allowed.ts')]: [
    "import { errorCatalog } from '../../../contract/errors.ts';",
    "import { addWorkingDays } from '../../../domain/index.ts';",
    '',
    'export const allowed = [errorCatalog, addWorkingDays];',
    '',
  ].join('\n'),
  [path.join(domainDir, 'allowed.ts')]: [
    "import { planted } from './planted.ts';",
    '',
    'export const allowed = planted;',
    '',
  ].join('\n'),
};

type Diagnostic = {
  category: string;
  severity: string;
  location?: { path?: string; start?: { line: number } };
};
let diagnostics: Diagnostic[] = [];
let exitCode: number | null = null;

beforeAll(() => {
  for (const folder of folders) mkdirSync(path.join(root, folder), { recursive: true });
  for (const [file, text] of Object.entries(fixtures)) writeFileSync(path.join(root, file), text);
  // The same check `npm run lint` runs (`biome check`), on the fixture files only.
  const result = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/@biomejs/biome/bin/biome'),
      'check',
      '--reporter=json',
      ...Object.keys(fixtures),
    ],
    { cwd: root, encoding: 'utf8' },
  );
  exitCode = result.status;
  expect(result.stdout, result.stderr).toMatch(/^\{/);
  diagnostics = (JSON.parse(result.stdout) as { diagnostics: Diagnostic[] }).diagnostics;
}, 60_000);

afterAll(() => {
  for (const folder of folders) {
    rmSync(path.join(root, folder), { recursive: true, force: true });
    try {
      rmdirSync(path.join(root, path.dirname(folder)));
    } catch {
      // Not empty: another run's fixtures are still there.
    }
  }
});

const found = (file: string) =>
  diagnostics
    .filter((d) => d.location?.path === file.split(path.sep).join('/') && d.severity === 'error')
    .map((d) => `${d.location?.start?.line}:${d.category}`);

describe('npm run lint catches what it should (biome.json, decision record 003)', () => {
  test('a planted debugger, any and == are errors, and the check fails', () => {
    const web = found(path.join(webDir, 'planted.ts'));
    expect(web).toContain('3:lint/suspicious/noExplicitAny');
    expect(web).toContain('4:lint/suspicious/noDebugger');
    expect(web).toContain('5:lint/suspicious/noDoubleEquals');
    expect(exitCode).toBe(1);
  });

  test('src/web may not import from src/server', () => {
    expect(found(path.join(webDir, 'planted.ts'))).toContain('1:lint/style/noRestrictedImports');
  });

  test('src/contract may not import from src/server or src/web', () => {
    const contract = found(path.join(contractDir, 'planted.ts'));
    expect(contract).toContain('1:lint/style/noRestrictedImports');
    expect(contract).toContain('2:lint/style/noRestrictedImports');
  });

  test('src/domain imports nothing outside src/domain', () => {
    const domain = found(path.join(domainDir, 'planted.ts'));
    expect(domain).toContain('1:lint/style/noRestrictedImports');
    expect(domain).toContain('2:lint/style/noRestrictedImports');
  });

  test('the imports each area is allowed pass', () => {
    expect(found(path.join(webDir, 'allowed.ts'))).toEqual([]);
    expect(found(path.join(domainDir, 'allowed.ts'))).toEqual([]);
  });
});
