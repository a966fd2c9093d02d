import {
  constants,
  createCipheriv,
  createDecipheriv,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
} from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Database } from '../../db/database.ts';
import { asPlatform, inOrganization } from '../../db/tenant-scope.ts';
import { AppError } from '../../http/app-error.ts';
import * as repository from './platform.repository.ts';
import type { PlatformActor } from './platform.service.ts';
import * as exportRepository from './platform-export.repository.ts';

// Decision 047: a corporation's data, encrypted to a public key the corporation holds, so the operator who makes
// the file cannot read it. AES-256-GCM over gzipped NDJSON ({"table": …, "row": {…}} per line); the AES key is
// wrapped with RSA-OAEP (SHA-256). The file: one JSON header line, then ciphertext, then the 16-byte tag.

const FORMAT = 'gehoord-export-1';
const OAEP = { padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' };

export type ExportHeader = {
  format: typeof FORMAT;
  organization: { id: string; slug: string };
  createdAt: string;
  tables: Record<string, number>;
  wrappedKey: string;
  iv: string;
};

export async function exportCorporation(
  db: Database,
  slug: string,
  publicKeyPem: string,
  actor: PlatformActor,
  now: Date,
  progress: (table: string, rows: number) => void = () => {},
): Promise<Buffer> {
  const organization = await asPlatform(db, (trx) => exportRepository.findOrganizationBySlug(trx, slug));
  if (!organization) throw new AppError('not_found');
  const lines: string[] = [];
  const tables: Record<string, number> = {};
  // One transaction: a consistent picture of the corporation, as the application role in its scope.
  await inOrganization(db, organization.id, async (trx) => {
    const own = await exportRepository.selectOrganization(trx, organization.id);
    for (const row of own) lines.push(JSON.stringify({ table: 'organization', row }));
    tables.organization = own.length;
    for (const table of await exportRepository.listTenantTables(trx)) {
      const rows = await exportRepository.selectRows(trx, table, organization.id);
      for (const row of rows) lines.push(JSON.stringify({ table, row }));
      tables[table] = rows.length;
      progress(table, rows.length);
    }
  });
  const key = randomBytes(32);
  const iv = randomBytes(12);
  let wrappedKey: Buffer;
  try {
    wrappedKey = publicEncrypt({ key: publicKeyPem, ...OAEP }, key);
  } catch {
    throw new AppError('validation_failed', {
      fieldErrors: [
        {
          in: 'body',
          path: 'publicKey',
          code: 'invalid_public_key',
          messages: {
            nl: 'Dit is geen openbare RSA-sleutel (PEM).',
            en: 'This is not an RSA public key (PEM).',
          },
        },
      ],
    });
  }
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([
    cipher.update(gzipSync(lines.join('\n'))),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  const header: ExportHeader = {
    format: FORMAT,
    organization,
    createdAt: now.toISOString(),
    tables,
    wrappedKey: wrappedKey.toString('base64'),
    iv: iv.toString('base64'),
  };
  await asPlatform(db, (trx) =>
    repository.insertAudit(trx, {
      ...actor,
      action: 'corporation_exported',
      organizationId: organization.id,
      details: { tables },
    }),
  );
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), body]);
}

/** For the corporation, with its private key: the header and the rows. */
export function decryptExport(file: Buffer, privateKeyPem: string) {
  const newline = file.indexOf(0x0a);
  const header = JSON.parse(file.subarray(0, newline).toString('utf8')) as ExportHeader;
  if (header.format !== FORMAT) throw new Error(`not a Gehoord export (${header.format})`);
  const key = privateDecrypt({ key: privateKeyPem, ...OAEP }, Buffer.from(header.wrappedKey, 'base64'));
  const body = file.subarray(newline + 1);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(header.iv, 'base64'));
  decipher.setAuthTag(body.subarray(body.length - 16));
  const plain = gunzipSync(
    Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]),
  );
  const rows = plain
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { table: string; row: Record<string, unknown> });
  return { header, rows };
}
