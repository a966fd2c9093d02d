// `npm run seed -- --scale small|medium|national [--seed N] [--now YYYY-MM-DD] [--password P] [--limit N]`: loads a
// deterministic, realistic Dutch data set (see src/server/seed) into the configured database.
import { parseArgs } from 'node:util';
import pg from 'pg';
import { fail, loadCliConfig } from './cli-support.ts';
import { createDatabase } from './db/database.ts';
import { runningEmbeddedServer, startEmbeddedPostgres } from './db/embedded-postgres.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createLogger } from './logger.ts';
import { hashPassword } from './modules/auth/credentials/password-hashing.ts';
import { BULK_LOAD_SETTINGS } from './seed/fresh-tables.ts';
import { formatLoadRecord } from './seed/load-phases.ts';
import { SCALE_NAMES, type ScaleName } from './seed/scales.ts';
import { seedDataSet } from './seed/seed-data-set.ts';

const USAGE =
  'Gebruik / usage: npm run seed -- --scale small|medium|national [--seed N] [--now JJJJ-MM-DD] [--password wachtwoord] [--limit N]';
const DEFAULT_SEED_PASSWORD = 'Proefdata-Gehoord-2026';

function readArguments() {
  let values: { scale?: string; seed?: string; now?: string; password?: string; limit?: string };
  try {
    values = parseArgs({
      options: {
        scale: { type: 'string' },
        seed: { type: 'string' },
        now: { type: 'string' },
        password: { type: 'string' },
        limit: { type: 'string' },
      },
    }).values;
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`, 2);
  }
  if (!values.scale || !(SCALE_NAMES as readonly string[]).includes(values.scale)) fail(USAGE, 2);
  const seed = Number(values.seed ?? '1');
  if (!Number.isSafeInteger(seed) || seed < 0) fail(`--seed must be a whole number\n${USAGE}`, 2);
  // Default: today (UTC midnight), so the same seed gives the same data all day and open complaints are recent.
  const now = values.now
    ? new Date(`${values.now}T00:00:00Z`)
    : new Date(new Date().toISOString().slice(0, 10));
  if (Number.isNaN(now.getTime())) fail(`--now must be a date (JJJJ-MM-DD)\n${USAGE}`, 2);
  // Only the first N corporations: a part of the national set, to measure before loading all of it.
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && (!Number.isSafeInteger(limit) || limit < 1))
    fail(`--limit must be a whole number of corporations (1 or more)\n${USAGE}`, 2);
  return {
    scale: values.scale as ScaleName,
    seed,
    now,
    limit,
    password: values.password ?? process.env.SEED_PASSWORD ?? DEFAULT_SEED_PASSWORD,
  };
}

async function main(): Promise<void> {
  const args = readArguments();
  const config = loadCliConfig();
  if (!config.databaseUrl && runningEmbeddedServer(config.dataDir))
    fail(
      'Gehoord draait nog op deze database; stop de server eerst.\nGehoord is running on this database; stop the server first.',
    );
  const logger = createLogger({ ...config, logLevel: 'warn' });
  // Started for this load only: the settings of a bulk load (fresh-tables.ts) end with it.
  const embedded = config.databaseUrl
    ? null
    : await startEmbeddedPostgres(config.dataDir, logger, { settings: BULK_LOAD_SETTINGS });
  const ownerUrl = embedded?.ownerUrl ?? (config.databaseOwnerUrl as string);
  const client = new pg.Client({ connectionString: ownerUrl });
  try {
    const owner = createDatabase(ownerUrl, { poolSize: 1, log: logger, applicationName: 'gehoord-seed' });
    try {
      await migrateToLatest(owner);
    } finally {
      await owner.destroy();
    }
    await client.connect();
    const summary = await seedDataSet(client, {
      scale: args.scale,
      seed: args.seed,
      now: args.now,
      passwordHash: await hashPassword(args.password),
      progress: true,
      limit: args.limit,
    });
    const first = summary.organizations[0];
    const byRole = (role: string) =>
      summary.staff.find(
        (s) => s.roles.includes(role as never) && (role !== 'employee' || s.roles.length === 1),
      )?.email ?? '-';
    console.log(
      [
        `Proefdata geladen / data set loaded: ${args.scale}, seed ${args.seed}, peildatum ${summary.now.slice(0, 10)} (${summary.seconds.toFixed(1)} s)`,
        ...Object.entries(summary.counts).map(
          ([table, n]) => `  ${table.padEnd(20)} ${n.toLocaleString('nl-NL')}`,
        ),
        first
          ? `Eerste organisatie / first organisation: ${first.name} (host ${first.hostname}); aanmelden als / sign in as ` +
            `${byRole('employee')} (medewerker), ${byRole('manager')} (leidinggevende), ${byRole('admin')} (beheerder)` +
            ` met het wachtwoord van --password / SEED_PASSWORD${args.password === DEFAULT_SEED_PASSWORD ? ` (${DEFAULT_SEED_PASSWORD})` : ''}.`
          : '',
        'Alleen voor test en demo: alle accounts delen één wachtwoord. / For testing only: every account shares one password.',
        summary.load ? `\n${formatLoadRecord(summary.load)}` : '',
      ].join('\n'),
    );
  } catch (error) {
    process.exitCode = 1;
    console.error(`Niets (meer) geladen / load failed: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => {});
    await embedded?.stop();
  }
}

await main();
