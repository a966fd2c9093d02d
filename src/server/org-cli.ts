// `npm run org -- …`: the platform administrator's tasks at the command line (issue 25, decision 047). Works while
// the server runs: it connects to the running embedded PostgreSQL (or DATABASE_URL) instead of starting its own.
//   npm run org -- create --slug S --name N --host H [--host H2] [--locale nl] [--locale en]
//   npm run org -- list
//   npm run org -- hosts <slug> --host H [--host H2]
//   npm run org -- suspend <slug> | resume <slug>
//   npm run org -- admin create <email>
import { readFile, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { errorCatalog } from '../contract/errors.ts';
import { createCorporationInput, hostNames } from '../contract/platform.ts';
import { fail, loadCliConfig } from './cli-support.ts';
import { connectDatabase } from './database-connection.ts';
import { createDatabase, type Database } from './db/database.ts';
import { runningEmbeddedConnection } from './db/embedded-postgres.ts';
import { AppError } from './http/app-error.ts';
import { createLogger } from './logger.ts';
import {
  changeHostnames,
  createCorporation,
  createPlatformAdmin,
  decryptExport,
  exportCorporation,
  linkOnHost,
  listCorporations,
  type PlatformActor,
  setCorporationSuspended,
} from './modules/platform/index.ts';
import type { BlobStorage } from './storage/blob-storage.ts';
import { createBlobStorage } from './storage/create-blob-storage.ts';

const USAGE = `Gebruik / usage:
  npm run org -- create --slug korte-naam --name "Naam" --host klachten.example.nl [--host …] [--locale nl] [--locale en]
  npm run org -- list
  npm run org -- hosts <slug> --host klachten.example.nl [--host …]
  npm run org -- suspend <slug>
  npm run org -- resume <slug>
  npm run org -- admin create <e-mail>
  npm run org -- export <slug> --public-key corporatie.pem --out export.gehoord
  npm run org -- decrypt-export export.gehoord --private-key corporatie-prive.pem --out export.ndjson`;

function readArguments() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        slug: { type: 'string' },
        name: { type: 'string' },
        host: { type: 'string', multiple: true },
        locale: { type: 'string', multiple: true },
        'public-key': { type: 'string' },
        'private-key': { type: 'string' },
        out: { type: 'string' },
      },
    });
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`, 2);
  }
}

async function findBySlug(db: Database, slug: string) {
  const found = (await listCorporations(db)).find((c) => c.slug === slug);
  if (!found) fail(`Geen corporatie met de korte naam ${slug} / no corporation with slug ${slug}`);
  return found;
}

function describeAppError(error: AppError): string {
  const fields = (error.fieldErrors ?? []).map((f) => `  ${f.path}: ${f.messages.nl} / ${f.messages.en}`);
  return [`${errorCatalog[error.code].nl} / ${error.message}`, ...fields].join('\n');
}

async function run(
  db: Database,
  storage: BlobStorage,
  publicUrl: string,
  platformHost: string,
  args: ReturnType<typeof readArguments>,
) {
  const [command, subject] = args.positionals;
  const actor: PlatformActor = { adminId: null, actor: `cli:${userInfo().username}`, ip: null };
  const now = new Date();
  switch (command) {
    case 'create': {
      const parsed = createCorporationInput.safeParse({
        slug: args.values.slug,
        name: args.values.name,
        hostnames: args.values.host ?? [],
        ...(args.values.locale ? { locales: args.values.locale } : {}),
      });
      if (!parsed.success)
        fail(
          `Niet alle gegevens kloppen / invalid input:\n${parsed.error.issues.map((i) => `  --${String(i.path[0])}: ${i.message}`).join('\n')}\n${USAGE}`,
          2,
        );
      const created = await createCorporation(db, parsed.data, actor, publicUrl, now);
      console.log(
        `Corporatie aangemaakt / corporation created: ${created.corporation.name} (${created.corporation.slug}, ${created.corporation.id})\n` +
          `Host names: ${created.corporation.hostnames.join(', ')}\n\n` +
          `Eenmalige link voor de eerste beheerder (geldig tot ${created.setupLinkExpiresAt}) / one-time setup link:\n\n  ${created.setupUrl}\n`,
      );
      return;
    }
    case 'list': {
      for (const c of await listCorporations(db))
        console.log(
          [
            c.slug.padEnd(24),
            c.suspendedAt ? 'GESCHORST/suspended' : 'actief/active     ',
            String(c.staffAccounts).padStart(5),
            String(c.complaintsThisYear).padStart(8),
            c.hostnames.join(','),
          ].join('  '),
        );
      return;
    }
    case 'hosts': {
      if (!subject) fail(USAGE, 2);
      const hosts = hostNames.safeParse(args.values.host ?? []);
      if (!hosts.success) fail(`--host: ${hosts.error.issues[0]?.message}\n${USAGE}`, 2);
      const corporation = await findBySlug(db, subject);
      const changed = await changeHostnames(db, corporation.id, { hostnames: hosts.data }, actor);
      console.log(`Host names van ${changed.slug}: ${changed.hostnames.join(', ')}`);
      return;
    }
    case 'suspend':
    case 'resume': {
      if (!subject) fail(USAGE, 2);
      const corporation = await findBySlug(db, subject);
      const changed = await setCorporationSuspended(db, corporation.id, command === 'suspend', actor, now);
      console.log(
        changed.suspendedAt
          ? `${changed.slug} is geschorst / suspended (${changed.suspendedAt})`
          : `${changed.slug} is weer actief / resumed`,
      );
      return;
    }
    case 'admin': {
      if (subject !== 'create' || !args.positionals[2]) fail(USAGE, 2);
      const { link, expiresAt } = await createPlatformAdmin(
        db,
        args.positionals[2],
        linkOnHost(publicUrl, platformHost, ''),
        actor,
        now,
      );
      console.log(
        `Eenmalige link om het wachtwoord in te stellen (geldig tot ${expiresAt.toISOString()}) / one-time password link:\n\n  ${link}\n`,
      );
      return;
    }
    case 'export': {
      const key = args.values['public-key'];
      const out = args.values.out;
      if (!subject || !key || !out) fail(USAGE, 2);
      const file = await exportCorporation(
        db,
        storage,
        subject,
        await readFile(key, 'utf8'),
        actor,
        now,
        ({ table, rows }) => console.error(`  ${table}: ${rows}`),
      );
      await writeFile(out, file, { mode: 0o600 });
      console.log(
        `Export van ${subject} versleuteld voor de sleutelhouder geschreven naar / encrypted export written to ${out}`,
      );
      return;
    }
    case 'decrypt-export': {
      const key = args.values['private-key'];
      if (!subject || !key) fail(USAGE, 2);
      const { rows, files } = decryptExport(await readFile(subject), await readFile(key, 'utf8'));
      const text = [
        ...rows.map((row) => JSON.stringify(row)),
        ...files.map((f) =>
          JSON.stringify({ file: f.file, sha256: f.sha256, base64: f.content.toString('base64') }),
        ),
      ].join('\n');
      if (args.values.out) await writeFile(args.values.out, `${text}\n`, { mode: 0o600 });
      else console.log(text);
      return;
    }
    default:
      fail(USAGE, 2);
  }
}

async function main(): Promise<void> {
  const args = readArguments();
  const config = loadCliConfig();
  const logger = createLogger({ ...config, logLevel: 'warn' });
  // Beside a running server: its embedded PostgreSQL (already migrated); otherwise connect (and migrate) as usual.
  const running = config.databaseUrl ? null : runningEmbeddedConnection(config.dataDir);
  const connection = running
    ? {
        db: createDatabase(running.appUrl, { poolSize: 2, log: logger, applicationName: 'gehoord-org' }),
        close: async () => {},
      }
    : await connectDatabase(config, logger, { prepareSetupLink: false });
  const storage = createBlobStorage(config.storage);
  try {
    await run(connection.db, storage, config.publicUrl, config.platformHost, args);
  } catch (error) {
    process.exitCode = 1;
    if (error instanceof AppError) console.error(describeAppError(error));
    else console.error(`Mislukt / failed: ${(error as Error).message}`);
  } finally {
    if (running) await connection.db.destroy();
    await connection.close();
    await storage.close();
  }
}

await main();
