import {
  constants,
  createCipheriv,
  createDecipheriv,
  createPublicKey,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
} from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Database } from '../../db/database.ts';
import { asPlatform, inOrganization } from '../../db/tenant-scope.ts';
import { AppError } from '../../http/app-error.ts';
import { BlobNotFoundError, type BlobStorage } from '../../storage/blob-storage.ts';
import * as repository from './platform.repository.ts';
import type { PlatformActor } from './platform.service.ts';
import * as exportRepository from './platform-export.repository.ts';

// Decision 047: a corporation's data, encrypted to a public key the corporation holds, so the operator who makes
// the file cannot read it. AES-256-GCM over gzipped NDJSON; the AES key is wrapped with RSA-OAEP (SHA-256).
// Lines: {"table": …, "row": {…}} per row, then {"file": storage key, "sha256", "base64"} per attachment file.
// The file: one JSON header line, then ciphertext, then the 16-byte tag.

const FORMAT = 'gehoord-export-2';
const READABLE_FORMATS = new Set(['gehoord-export-1', FORMAT]);
const OAEP = { padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' };

/**
 * Every table that is not in a corporation's export, and why. Everything else must carry an organisation id the
 * application role may read (then it is exported); test/platform/export-coverage.test.ts lists the schema and fails on
 * a table that is in neither, or on a table that points at a tenant table without being exported itself.
 */
export const TABLES_NOT_EXPORTED = {
  /** The installation's own bookkeeping, no corporation's data. */
  platform: [
    'app_instance',
    'job_run',
    'kysely_migration',
    'kysely_migration_lock',
    'platform_admin',
    'platform_password_link',
    'platform_session',
    'platform_audit',
    'platform_export',
  ],
  /** Shared by all corporations and anonymised (decision 040): not one corporation's data. */
  global: ['sector_benchmark_figure'],
} as const;

export type ExportHeader = {
  format: string;
  organization: { id: string; slug: string };
  createdAt: string;
  tables: Record<string, number>;
  /** Attachment files in the archive, and those whose blob was already gone (erased or lost). */
  files?: { included: number; bytes: number; missing: number };
  wrappedKey: string;
  iv: string;
};

export type ExportProgress = (step: {
  table: string;
  rows: number;
  tablesDone: number;
  tablesTotal: number;
}) => void;

const invalidKey = () =>
  new AppError('validation_failed', {
    fieldErrors: [
      {
        in: 'body',
        path: 'publicKey',
        code: 'invalid_public_key',
        messages: {
          nl: 'Dit is geen openbare RSA-sleutel (PEM) van minstens 2048 bits.',
          en: 'This is not an RSA public key (PEM) of at least 2048 bits.',
        },
      },
    ],
  });

/** Refuses anything but an RSA public key of at least 2048 bits, before any row is read. */
export function assertExportKey(publicKeyPem: string): void {
  // createPublicKey would accept a private key and derive its public half: refuse it, it must not be handed over.
  if (publicKeyPem.includes('PRIVATE KEY')) throw invalidKey();
  try {
    const key = createPublicKey(publicKeyPem);
    if (key.asymmetricKeyType !== 'rsa' || (key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048)
      throw invalidKey();
  } catch {
    throw invalidKey();
  }
}

export async function findExportableOrganization(db: Database, slugOrId: { slug?: string; id?: string }) {
  const organization = await asPlatform(db, (trx) => exportRepository.findOrganization(trx, slugOrId));
  if (!organization) throw new AppError('not_found');
  return organization;
}

/** The encrypted archive of one corporation: every tenant table's rows and its attachment files. */
export async function writeExport(
  db: Database,
  storage: BlobStorage,
  organization: { id: string; slug: string },
  publicKeyPem: string,
  now: Date,
  progress: ExportProgress = () => {},
): Promise<{ file: Buffer; header: ExportHeader }> {
  assertExportKey(publicKeyPem);
  const lines: string[] = [];
  const tables: Record<string, number> = {};
  const files = { included: 0, bytes: 0, missing: 0 };
  // One transaction: a consistent picture of the corporation, as the application role in its scope.
  await inOrganization(db, organization.id, async (trx) => {
    const tenantTables = await exportRepository.listTenantTables(trx);
    const own = await exportRepository.selectOrganization(trx, organization.id);
    for (const row of own) lines.push(JSON.stringify({ table: 'organization', row }));
    tables.organization = own.length;
    let done = 0;
    for (const table of tenantTables) {
      const rows = await exportRepository.selectRows(trx, table, organization.id);
      for (const row of rows) lines.push(JSON.stringify({ table, row }));
      tables[table] = rows.length;
      done += 1;
      progress({ table, rows: rows.length, tablesDone: done, tablesTotal: tenantTables.length + 1 });
    }
    for (const blob of await exportRepository.listAttachmentBlobs(trx, organization.id)) {
      let content: Buffer;
      try {
        content = await buffer(await storage.get(blob.storage_key));
      } catch (error) {
        if (!(error instanceof BlobNotFoundError)) throw error;
        files.missing += 1;
        continue;
      }
      lines.push(
        JSON.stringify({ file: blob.storage_key, sha256: blob.sha256, base64: content.toString('base64') }),
      );
      files.included += 1;
      files.bytes += content.length;
    }
    progress({
      table: 'files',
      rows: files.included,
      tablesDone: tenantTables.length + 1,
      tablesTotal: tenantTables.length + 1,
    });
  });
  const key = randomBytes(32);
  const iv = randomBytes(12);
  const wrappedKey = publicEncrypt({ key: publicKeyPem, ...OAEP }, key);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([
    cipher.update(gzipSync(lines.join('\n'))),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  const header: ExportHeader = {
    format: FORMAT,
    organization: { id: organization.id, slug: organization.slug },
    createdAt: now.toISOString(),
    tables,
    files,
    wrappedKey: wrappedKey.toString('base64'),
    iv: iv.toString('base64'),
  };
  return { file: Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), body]), header };
}

/** At the command line (decision 047): the whole archive in one call, audited. */
export async function exportCorporation(
  db: Database,
  storage: BlobStorage,
  slug: string,
  publicKeyPem: string,
  actor: PlatformActor,
  now: Date,
  progress: ExportProgress = () => {},
): Promise<Buffer> {
  assertExportKey(publicKeyPem);
  const organization = await findExportableOrganization(db, { slug });
  const { file, header } = await writeExport(db, storage, organization, publicKeyPem, now, progress);
  await asPlatform(db, (trx) =>
    repository.insertAudit(trx, {
      ...actor,
      action: 'corporation_exported',
      organizationId: organization.id,
      details: { tables: header.tables, files: header.files },
    }),
  );
  return file;
}

export type ExportedFile = { file: string; sha256: string; content: Buffer };

/** For the corporation, with its private key: the header, the rows and the attachment files. */
export function decryptExport(file: Buffer, privateKeyPem: string) {
  const newline = file.indexOf(0x0a);
  const header = JSON.parse(file.subarray(0, newline).toString('utf8')) as ExportHeader;
  if (!READABLE_FORMATS.has(header.format)) throw new Error(`not a Gehoord export (${header.format})`);
  const key = privateDecrypt({ key: privateKeyPem, ...OAEP }, Buffer.from(header.wrappedKey, 'base64'));
  const body = file.subarray(newline + 1);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(header.iv, 'base64'));
  decipher.setAuthTag(body.subarray(body.length - 16));
  const plain = gunzipSync(
    Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]),
  );
  const rows: { table: string; row: Record<string, unknown> }[] = [];
  const files: ExportedFile[] = [];
  for (const line of plain.toString('utf8').split('\n')) {
    if (!line) continue;
    const entry = JSON.parse(line) as
      | { table: string; row: Record<string, unknown> }
      | { file: string; sha256: string; base64: string };
    if ('file' in entry)
      files.push({ file: entry.file, sha256: entry.sha256, content: Buffer.from(entry.base64, 'base64') });
    else rows.push(entry);
  }
  return { header, rows, files };
}
