import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { ReportJob, ReportJobInput } from '../../../contract/reports.ts';
import type { Quarter, StaffActor } from '../../../domain/index.ts';
import { serverNow } from '../../clock.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization } from '../../db/tenant-scope.ts';
import type { ClientOrigin } from '../../http/principal.ts';
import type { BlobStorage } from '../../storage/blob-storage.ts';
import { writeComplexDossier } from './dossier/dossier.ts';
import { contentTypeOf, renderReportFile } from './exports/report-files.ts';
import { annualPeriod, customPeriod, loadReport, quarterPeriod } from './report.service.ts';
import * as repository from './report-job.repository.ts';

// Report jobs: the request path stores the job and answers 202; this runner makes the file off the
// request path, one job at a time per instance (the PDF renderer is CPU-bound on a 2-core machine),
// records progress on the row and keeps the file in the blob storage shared by all instances.

/**
 * What the job row keeps: the request plus the reader, whose permissions decide which complaints a dossier
 * holds, and where the request came from (for the access log).
 */
export type StoredJobRequest = ReportJobInput & { reader: StaffActor; origin?: ClientOrigin };

const STALE_MINUTES = 30;

export function toReportJob(row: repository.ReportJobRow): ReportJob {
  return {
    id: row.id,
    status: row.status,
    progress: row.progress,
    format: row.format,
    fileName: row.file_name,
    error: row.status === 'failed' ? (row.error === 'interrupted' ? 'interrupted' : 'failed') : null,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    downloadUrl: row.status === 'done' ? `/api/reports/jobs/${row.id}/download` : null,
  };
}

type Produced =
  | { name: string; contentType: string; body: Buffer }
  | { name: string; contentType: string; path: string };

export class ReportJobRunner {
  private readonly queue: { organizationId: string; jobId: string }[] = [];
  private draining: Promise<void> | null = null;

  private readonly db: Database;
  private readonly storage: BlobStorage;
  private readonly logger: FastifyBaseLogger;

  constructor(db: Database, storage: BlobStorage, logger: FastifyBaseLogger) {
    this.db = db;
    this.storage = storage;
    this.logger = logger;
  }

  enqueue(organizationId: string, jobId: string): void {
    this.queue.push({ organizationId, jobId });
    if (this.draining === null) {
      this.draining = this.drain().finally(() => {
        this.draining = null;
      });
    }
  }

  /** Resolves when every job handed to this instance has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.draining !== null) await this.draining;
  }

  /** Fails a job whose instance stopped while it was queued or running. */
  async expireIfStale(organizationId: string, jobId: string): Promise<void> {
    if (this.queue.some((q) => q.jobId === jobId)) return;
    await inOrganization(this.db, organizationId, (trx) =>
      repository.failStaleJob(trx, jobId, STALE_MINUTES),
    );
  }

  private async drain(): Promise<void> {
    for (let next = this.queue.shift(); next !== undefined; next = this.queue.shift()) {
      // Let the request that queued the job answer first.
      await new Promise((resolve) => setImmediate(resolve));
      await this.run(next.organizationId, next.jobId);
    }
  }

  private async run(organizationId: string, jobId: string): Promise<void> {
    const scoped = <T>(work: Parameters<typeof inOrganization<T>>[2]) =>
      inOrganization(this.db, organizationId, work);
    const job = await scoped((trx) => repository.claimJob(trx, jobId));
    if (job === undefined) return;
    const started = Date.now();
    const progress = async (fraction: number) => {
      const percent = Math.max(1, Math.min(99, Math.round(fraction * 100)));
      await scoped((trx) => repository.setProgress(trx, jobId, percent));
    };
    let workDir: string | null = null;
    try {
      const request = job.request as StoredJobRequest;
      let produced: Produced;
      if (request.kind === 'dossier') {
        workDir = await mkdtemp(path.join(tmpdir(), 'gehoord-dossier-'));
        const zipPath = path.join(workDir, 'dossier.zip');
        const period = customPeriod(request.from, request.until, 'body');
        const result = await scoped((trx) =>
          writeComplexDossier(
            trx,
            this.storage,
            {
              housingComplexId: request.housingComplexId,
              period,
              reader: request.reader,
              loggedAs: {
                kind: 'staff',
                organizationId,
                userId: request.reader.userId,
                ...(request.origin === undefined ? {} : { origin: request.origin }),
              },
              jobId,
              path: zipPath,
            },
            progress,
          ),
        );
        produced = {
          name: `dossier-complex-${result.complexNumber.replace(/[^A-Za-z0-9-]/g, '')}-${request.from}-${request.until}.zip`,
          contentType: contentTypeOf('zip'),
          path: zipPath,
        };
      } else {
        const period =
          request.kind === 'annual' ? annualPeriod(request.year) : quarterPeriod(request.quarter as Quarter);
        const document = await scoped((trx) =>
          loadReport(
            trx,
            {
              kind: request.kind,
              period,
              departmentId: request.departmentId ?? null,
              category: request.category ?? null,
            },
            {
              now: serverNow(),
              progress: (f) => progress(f * 0.5),
            },
          ),
        );
        await progress(0.6);
        const file = await renderReportFile(document, request.format, request.table);
        produced = { name: file.fileName, contentType: file.contentType, body: file.body };
      }
      const key = `reports/${organizationId}/${jobId}-${randomUUID().slice(0, 8)}`;
      const sizeBytes = await this.store(key, produced);
      await scoped((trx) =>
        repository.finishJob(trx, jobId, {
          key,
          name: produced.name,
          contentType: produced.contentType,
          sizeBytes,
        }),
      );
      this.logger.info(
        { reportJob: jobId, format: job.format, ms: Date.now() - started, sizeBytes },
        'report job done',
      );
    } catch (error) {
      this.logger.error({ err: error, reportJob: jobId }, 'report job failed');
      await scoped((trx) =>
        repository.failJob(trx, jobId, error instanceof Error ? error.message : 'failed'),
      ).catch((failError: unknown) =>
        this.logger.error({ err: failError, reportJob: jobId }, 'could not mark report job failed'),
      );
    } finally {
      if (workDir !== null) await rm(workDir, { recursive: true, force: true });
    }
  }

  private async store(key: string, produced: Produced): Promise<number> {
    if ('body' in produced) {
      const sha256 = createHash('sha256').update(produced.body).digest('hex');
      await this.storage.put(key, produced.body, {
        sizeBytes: produced.body.length,
        contentType: produced.contentType,
        sha256,
      });
      return produced.body.length;
    }
    const { size } = await stat(produced.path);
    const sha256 = await hashFile(produced.path);
    await this.storage.put(key, createReadStream(produced.path), {
      sizeBytes: size,
      contentType: produced.contentType,
      sha256,
    });
    return size;
  }
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
