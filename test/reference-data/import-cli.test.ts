import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { clockEnvironment } from '../support/clock.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganization } from '../support/factories.ts';

const root = path.resolve(import.meta.dirname, '../..');
const database = await createTestDatabase();
await createOrganization(database.owner, { isDefault: true, name: 'Standaard' });
const target = await createOrganization(database.owner, {
  name: 'Wonen Midden-Delfland',
  hostnames: ['klachten.wmd.test'],
});
const folder = await mkdtemp(path.join(tmpdir(), 'gehoord-import-'));
afterAll(() => rm(folder, { recursive: true, force: true }));

/** `npm run import -- …` as a real process against this test database. */
function runImport(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'src/server/import-cli.ts'), ...args], {
      cwd: folder, // no .env of the developer's is read
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        DATABASE_URL: database.appUrl,
        DATABASE_OWNER_URL: database.ownerUrl,
        LOG_PRETTY: 'false',
        ...clockEnvironment(),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const complexesOf = (organizationId: string) =>
  database.owner
    .selectFrom('housing_complex')
    .select(['complex_number', 'name'])
    .where('organization_id', '=', organizationId)
    .orderBy('complex_number')
    .execute();

describe('npm run import', () => {
  test('imports a file into the organisation named by host name, and reports the counts', async () => {
    const file = path.join(folder, 'complexen.csv');
    await writeFile(
      file,
      '\uFEFFcomplexnummer;naam;plaats\n1040;De Hoven;Maasland\n1041;Woudhof;Schipluiden\n',
    );
    const run = await runImport(['complexes', file, '--organization', 'klachten.wmd.test']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Wonen Midden-Delfland');
    expect(run.stdout).toMatch(/2 nieuw \/ created, 0 bijgewerkt \/ updated, 0 ongewijzigd/);
    expect(await complexesOf(target.id)).toEqual([
      { complex_number: '1040', name: 'De Hoven' },
      { complex_number: '1041', name: 'Woudhof' },
    ]);

    const again = await runImport(['complexes', file, '--organization', 'klachten.wmd.test']);
    expect(again.stdout).toMatch(/0 nieuw \/ created, 0 bijgewerkt \/ updated, 2 ongewijzigd/);
  });

  test('a file with bad rows lists every line, exits 1 and writes nothing', async () => {
    const file = path.join(folder, 'fout.csv');
    await writeFile(
      file,
      'complexnummer;naam;plaats\n2000;;Maasland\n2001;Goed;Maasland\n;Geen nummer;Maasland\n',
    );
    const run = await runImport(['complexes', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Niets geïmporteerd / nothing imported');
    expect(run.stderr).toMatch(/regel \/ line 2, kolom \/ column naam/);
    expect(run.stderr).toMatch(/regel \/ line 4, kolom \/ column complexnummer/);
    const standaard = await database.owner
      .selectFrom('housing_complex')
      .select('id')
      .where('complex_number', 'in', ['2000', '2001'])
      .execute();
    expect(standaard).toEqual([]);
  });

  test('an unknown organisation or wrong arguments stop with a clear message', async () => {
    const file = path.join(folder, 'leeg.csv');
    await writeFile(file, 'complexnummer;naam;plaats\n3000;X;Y\n');
    const unknown = await runImport(['complexes', file, '--organization', 'bestaat.niet']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Geen organisatie met hostnaam bestaat.niet');
    const usage = await runImport(['gebouwen', file]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('npm run import --');
    const missing = await runImport(['units', path.join(folder, 'nergens.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('file not found');
  });
});
