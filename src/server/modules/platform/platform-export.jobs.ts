import { createHash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import type { corporationExport } from '../../../contract/platform.ts';
import type { Database } from '../../db/database.ts';
import { asPlatform } from '../../db/tenant-scope.ts';
import { AppError } from '../../http/app-error.ts';
import type { BlobStorage } from '../../storage/blob-storage.ts';
import * as repository from './platform.repository.ts';
import type { PlatformActor } from './platform.service.ts';
import { assertExportKey, findExportableOrganization, writeExport } from './platform-export.service.ts';
import * as jobs from './platform-export-job.repository.ts';

// Decision 047 (amended): an export started through the API runs off the request path, one at a time per instance,
// records its progress (tables done, rows) on its row and keeps the encrypted archive in blob storage, where every
// instance can serve the download. Archives and rows are removed EXPORT_KEEP_DAYS after they were made.

export const EXPORT_KEEP_DAYS = 7;
const INTERRUPTED_AFTER_MINUTES = 60;
const DAY_MS = 24 * 60 * 60 * 1000;

type ExportRow = Awaited<ReturnType<typeof jobs.findExport>> & {};

export function toCorporationExport(row: ExportRow): z.infer<typeof corporationExport> {
  return {
    id: row.id,
    corporationId: row.organization_id,
    status: row.status,
    tablesDone: row.tables_done,
    tablesTotal: row.tables_total,
    rowsDone: Number(row.rows_done),
    filesDone: row.files_done,
    sizeBytes: row.size_bytes === null ? null : Number(row.size_bytes),
    error: row.error,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    expiresAt: new Date(row.created_at.getTime() + EXPORT_KEEP_DAYS * DAY_MS).toISOString(),
    downloadUrl:
      row.status === 'done'
        ? `/api/platform/corporations/${row.organization_id}/exports/${row.id}/download`
        : null,
  };
}

export class PlatformExportRunner {
  private readonly queue: string[] = [];
  private draining: Promise<void> | null = null;
  private readonly db: Database;
  private readonly storage: BlobStorage;
  private readonly logger: FastifyBaseLogger;

  constructor(db: Database, storage: BlobStorage, logger: FastifyBaseLogger) {
    this.db = db;
    this.storage = storage;
    this.logger = logger;
  }

  /** Validates the key, stores the job (audited) and queues it; answers at once. */
  async start(corporationId: string, publicKey: string, actor: PlatformActor, now: Date) {
    assertExportKey(publicKey);
    const organization = await findExportableOrganization(this.db, { id: corporationId });
    await this.removeExpired(now);
    const row = await asPlatform(this.db, async (trx) => {
      const inserted = await jobs.insertExport(trx, {
        organizationId: organization.id,
        requestedBy: actor.adminId,
        publicKey,
      });
      await repository.insertAudit(trx, {
        ...actor,
        action: 'corporation_export_started',
        organizationId: organization.id,
        details: { exportId: inserted.id },
      });
      return inserted;
    });
    this.queue.push(row.id);
    if (this.draining === null)
      this.draining = this.drain().finally(() => {
        this.draining = null;
      });
    return toCorporationExport(row);
  }

  async list(corporationId: string, now: Date) {
    await findExportableOrganization(this.db, { id: corporationId });
    await asPlatform(this.db, (trx) =>
      jobs.failInterrupted(trx, new Date(now.getTime() - INTERRUPTED_AFTER_MINUTES * 60_000)),
    );
    const rows = await asPlatform(this.db, (trx) => jobs.listExports(trx, corporationId));
    return rows.map(toCorporationExport);
  }

  async find(corporationId: string, exportId: string) {
    const row = await asPlatform(this.db, (trx) => jobs.findExport(trx, corporationId, exportId));
    if (!row) throw new AppError('not_found');
    return toCorporationExport(row);
  }

  /** The ciphertext, for the platform administrator to hand over; audited. Only the private key opens it. */
  async download(corporationId: string, exportId: string, actor: PlatformActor) {
    const row = await asPlatform(this.db, (trx) => jobs.findExport(trx, corporationId, exportId));
    if (row?.status !== 'done' || row.storage_key === null) throw new AppError('not_found');
    await asPlatform(this.db, (trx) =>
      repository.insertAudit(trx, {
        ...actor,
        action: 'corporation_export_downloaded',
        organizationId: corporationId,
        details: { exportId },
      }),
    );
    return { body: await this.storage.get(row.storage_key), sizeBytes: Number(row.size_bytes) };
  }

  /** Resolves when every export handed to this instance has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.draining !== null) await this.draining;
  }

  /** Removes archives and rows older than EXPORT_KEEP_DAYS (on every start, so no separate schedule). */
  async removeExpired(now: Date): Promise<number> {
    const expired = await asPlatform(this.db, (trx) =>
      jobs.listExpired(trx, new Date(now.getTime() - EXPORT_KEEP_DAYS * DAY_MS)),
    );
    for (const row of expired) {
      if (row.storage_key !== null) await this.storage.delete(row.storage_key);
      await asPlatform(this.db, (trx) => jobs.deleteExport(trx, row.id));
    }
    return expired.length;
  }

  private async drain(): Promise<void> {
    for (let next = this.queue.shift(); next !== undefined; next = this.queue.shift()) {
      await new Promise((resolve) => setImmediate(resolve));
      await this.run(next);
    }
  }

  private async run(exportId: string): Promise<void> {
    const job = await asPlatform(this.db, (trx) => jobs.claimExport(trx, exportId));
    if (job === undefined) return;
    try {
      const organization = await findExportableOrganization(this.db, { id: job.organization_id });
      let rowsDone = 0;
      let pending = Promise.resolve();
      const { file, header } = await writeExport(
        this.db,
        this.storage,
        organization,
        job.public_key,
        new Date(),
        ({ table, rows, tablesDone, tablesTotal }) => {
          if (table !== 'files') rowsDone += rows;
          const step = { tablesDone, tablesTotal, rowsDone, filesDone: table === 'files' ? rows : 0 };
          // Progress goes to the row outside the export's own transaction, in order.
          pending = pending.then(() => asPlatform(this.db, (trx) => jobs.setProgress(trx, exportId, step)));
        },
      );
      await pending;
      const storageKey = `platform-exports/${exportId}`;
      await this.storage.put(storageKey, file, {
        sizeBytes: file.length,
        contentType: 'application/octet-stream',
        sha256: createHash('sha256').update(file).digest('hex'),
      });
      await asPlatform(this.db, async (trx) => {
        await jobs.finishExport(trx, exportId, { storageKey, sizeBytes: file.length });
        await repository.insertAudit(trx, {
          adminId: job.requested_by,
          actor: 'export-job',
          action: 'corporation_exported',
          organizationId: organization.id,
          details: { exportId, tables: header.tables, files: header.files },
        });
      });
    } catch (error) {
      this.logger.error({ err: error, exportId }, 'corporation export failed');
      await asPlatform(this.db, (trx) => jobs.finishExport(trx, exportId, { error: 'failed' }));
    }
  }
}
