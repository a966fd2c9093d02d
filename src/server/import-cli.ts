// `npm run import -- <complexes|units|tenants> <file.csv> [--organization <host name>] [--dry-run]`:
// the same all-or-nothing import as POST /api/imports/{kind}, for files too large or too sensitive to upload.
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { IMPORT_KINDS, type ImportKind } from '../contract/imports.ts';
import { fail, loadCliConfig } from './cli-support.ts';
import { connectDatabase } from './database-connection.ts';
import { runningEmbeddedServer } from './db/embedded-postgres.ts';
import { AppError } from './http/app-error.ts';
import { createLogger } from './logger.ts';
import { decodeCsvBytes } from './modules/reference-data/csv-import/csv-reader.ts';
import { importCsv } from './modules/reference-data/csv-import/import.service.ts';
import { resolveImportOrganization } from './modules/reference-data/csv-import/import-target.ts';

const USAGE =
  'Gebruik / usage: npm run import -- <complexes|units|tenants> <bestand.csv> [--organization <hostnaam>] [--dry-run]';

function readArguments(): {
  kind: ImportKind;
  file: string;
  organization: string | undefined;
  dryRun: boolean;
} {
  let parsed: ReturnType<
    typeof parseArgs<{
      options: { organization: { type: 'string' }; 'dry-run': { type: 'boolean' } };
      allowPositionals: true;
    }>
  >;
  try {
    parsed = parseArgs({
      options: { organization: { type: 'string' }, 'dry-run': { type: 'boolean' } },
      allowPositionals: true,
    });
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`, 2);
  }
  const [kind, file, ...rest] = parsed.positionals;
  if (!kind || !file || rest.length > 0 || !(IMPORT_KINDS as readonly string[]).includes(kind))
    fail(USAGE, 2);
  return {
    kind: kind as ImportKind,
    file,
    organization: parsed.values.organization,
    dryRun: parsed.values['dry-run'] ?? false,
  };
}

async function main(): Promise<void> {
  const args = readArguments();
  const config = loadCliConfig();
  if (!existsSync(args.file)) fail(`Bestand niet gevonden / file not found: ${args.file}`);
  if (!config.databaseUrl && runningEmbeddedServer(config.dataDir)) {
    fail(
      'Gehoord draait nog op deze database. Stop de server eerst, of importeer via POST /api/imports/{soort}.\n' +
        'Gehoord is running on this database. Stop the server first, or import through POST /api/imports/{kind}.',
    );
  }
  const text = decodeCsvBytes(readFileSync(args.file));
  // Quiet unless asked: the summary below is the output.
  const logger = createLogger({ ...config, logLevel: process.env.LOG_LEVEL ? config.logLevel : 'warn' });
  const connection = await connectDatabase(config, logger, { prepareSetupLink: false });
  try {
    const organization = await resolveImportOrganization(connection.db, args.organization);
    if (!organization) {
      fail(
        args.organization
          ? `Geen organisatie met hostnaam ${args.organization} / no organisation with host name ${args.organization}`
          : 'Er is geen standaardorganisatie; geef --organization <hostnaam> / no default organisation; pass --organization',
      );
    }
    const result = await importCsv(connection.db, organization.id, args.kind, text, { dryRun: args.dryRun });
    console.log(
      `${result.dryRun ? 'Proef (niets opgeslagen) / dry run (nothing saved)' : 'Geïmporteerd / imported'}: ` +
        `${args.kind} → ${organization.name}: ${result.rows} regels / rows; ${result.created} nieuw / created, ` +
        `${result.updated} bijgewerkt / updated, ${result.unchanged} ongewijzigd / unchanged.`,
    );
    if (result.ignoredColumns.length > 0)
      console.log(`Genegeerde kolommen / ignored columns: ${result.ignoredColumns.join(', ')}`);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const lines = (error.fieldErrors ?? []).map((e) => {
      const [, line, column] = e.path.split('.');
      return `  regel / line ${line}${column ? `, kolom / column ${column}` : ''}: ${e.messages.nl} / ${e.messages.en}`;
    });
    process.exitCode = 1;
    console.error(
      [`Niets geïmporteerd / nothing imported. ${error.detail ?? error.message}`, ...lines].join('\n'),
    );
  } finally {
    await connection.close();
  }
}

await main();
