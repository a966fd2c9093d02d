import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  annualQuery,
  drillList,
  drillQuery,
  exportQuery,
  quarterlyQuery,
  reportDocument,
  reportJob,
  reportJobInput,
} from '../../../contract/reports.ts';
import type { Quarter } from '../../../domain/index.ts';
import { serverNow } from '../../clock.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization } from '../../db/tenant-scope.ts';
import { AppError } from '../../http/app-error.ts';
import type { BlobStorage } from '../../storage/blob-storage.ts';
import { contentDisposition } from '../attachments/index.ts';
import {
  requireAnyReportPermission,
  requireDossierViewer,
  requireReportViewer,
} from './access/reports-access.ts';
import { findComplex } from './dossier.repository.ts';
import { drillDown } from './drill-down.service.ts';
import { renderReportFile } from './exports/report-files.ts';
import {
  COMPLAINT_SET_NAMES,
  type ComplaintSet,
  DIMENSION_NAMES,
  type Dimension,
} from './measures/report-sets.ts';
import { ReportJobRunner, type StoredJobRequest, toReportJob } from './report.jobs.ts';
import {
  annualPeriod,
  customPeriod,
  loadReport,
  mayRenderDirectly,
  quarterPeriod,
} from './report.service.ts';
import * as jobs from './report-job.repository.ts';

// Quarterly and annual reports, their exports, report jobs and the drill-down behind every number
// (policy 2.2, 3.2; docs/measures.md).

const tags = ['reports'];
const fileContent = z.string().meta({ format: 'binary' });
const fileResponse = {
  description: 'The report file (always a download)',
  content: {
    'application/pdf': { schema: fileContent },
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: fileContent },
    'text/csv': { schema: fileContent },
    'application/zip': { schema: fileContent },
  },
};

export type ReportRouteOptions = { db: Database; storage: BlobStorage };

function sendFile(
  reply: FastifyReply,
  file: { body: Buffer | NodeJS.ReadableStream; contentType: string; fileName: string },
) {
  return reply
    .type(file.contentType)
    .header('content-disposition', contentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(file.body as unknown as string);
}

function invalid(path: string, nl: string, en: string): AppError {
  return new AppError('validation_failed', {
    fieldErrors: [{ in: 'querystring', path, code: 'invalid_value', messages: { nl, en } }],
  });
}

export const reportRoutes: FastifyPluginAsyncZod<ReportRouteOptions> = async (app, { db, storage }) => {
  const runner = new ReportJobRunner(db, storage, app.log);
  app.addHook('onClose', async () => runner.idle());
  const scoped = <T>(organizationId: string, work: Parameters<typeof inOrganization<T>>[2]) =>
    inOrganization(db, organizationId, work);

  app.get(
    '/api/reports/quarterly',
    {
      schema: {
        tags,
        summary: 'Quarterly report (policy 2.2, 3.2): every table, each number with its drill-down query',
        description:
          'MT, board and management assistants: whole organisation or one department. Managers: a department they manage.',
        querystring: quarterlyQuery,
        response: { 200: reportDocument },
      },
    },
    async (request) => {
      const viewer = requireReportViewer(request, request.query.departmentId);
      return scoped(viewer.staff.organizationId, (trx) =>
        loadReport(
          trx,
          {
            kind: 'quarterly',
            period: quarterPeriod(request.query.quarter as Quarter),
            departmentId: viewer.departmentId,
            category: request.query.category ?? null,
          },
          { now: serverNow() },
        ),
      );
    },
  );

  app.get(
    '/api/reports/annual',
    {
      schema: {
        tags,
        summary: "Annual report (policy 2.2): each department's overview for the board and the annual report",
        querystring: annualQuery,
        response: { 200: reportDocument },
      },
    },
    async (request) => {
      const viewer = requireReportViewer(request, request.query.departmentId);
      return scoped(viewer.staff.organizationId, (trx) =>
        loadReport(
          trx,
          {
            kind: 'annual',
            period: annualPeriod(request.query.year),
            departmentId: viewer.departmentId,
            category: request.query.category ?? null,
          },
          { now: serverNow() },
        ),
      );
    },
  );

  for (const kind of ['quarterly', 'annual'] as const) {
    app.get(
      `/api/reports/${kind}/export`,
      {
        schema: {
          tags,
          summary: `The ${kind} report as PDF, Excel workbook or CSV`,
          description:
            'CSV always comes directly (one table with `table`, or all tables). PDF and Excel come directly for a quarter; ' +
            'for a year the answer is 409 `report_job_required`: start a job with POST /api/reports/jobs.',
          querystring: (kind === 'quarterly' ? quarterlyQuery : annualQuery).extend(exportQuery.shape),
          response: { 200: fileResponse },
        },
      },
      async (request, reply) => {
        const query = request.query as {
          quarter?: string;
          year?: number;
          departmentId?: string;
          category?: string;
          format: 'pdf' | 'xlsx' | 'csv';
          table?: string;
        };
        const viewer = requireReportViewer(request, query.departmentId);
        const period =
          kind === 'annual' ? annualPeriod(query.year as number) : quarterPeriod(query.quarter as Quarter);
        if (query.format !== 'csv' && !mayRenderDirectly(period)) throw new AppError('report_job_required');
        if (query.table !== undefined && query.format !== 'csv') {
          throw invalid(
            'table',
            'Een losse tabel kan alleen als CSV.',
            'A single table is only available as CSV.',
          );
        }
        const document = await scoped(viewer.staff.organizationId, (trx) =>
          loadReport(
            trx,
            { kind, period, departmentId: viewer.departmentId, category: query.category ?? null },
            { now: serverNow() },
          ),
        );
        return sendFile(reply, await renderReportFile(document, query.format, query.table));
      },
    );
  }

  app.get(
    '/api/reports/complaints',
    {
      schema: {
        tags,
        summary: 'The complaints behind one number of a report (drill-down)',
        description:
          'Pass the `drill` query string of a report cell as is. Lists reference, status and dates only; no names or texts. ' +
          '`total` counts every complaint of the figure; complaints the reader may not open are not listed but counted in `withheld`. ' +
          'Every listed complaint is recorded in the access log.',
        querystring: drillQuery,
        response: { 200: drillList },
      },
    },
    async (request) => {
      const query = request.query;
      const viewer = requireReportViewer(request, query.departmentId);
      if (!COMPLAINT_SET_NAMES.includes(query.set as ComplaintSet)) {
        throw invalid('set', 'Onbekende verzameling.', 'Unknown set.');
      }
      if (query.dimension !== undefined && !DIMENSION_NAMES.includes(query.dimension as Dimension)) {
        throw invalid('dimension', 'Onbekende indeling.', 'Unknown dimension.');
      }
      const period = customPeriod(query.from, query.until, 'querystring');
      const filter =
        query.dimension === undefined
          ? null
          : {
              dimension: query.dimension as Dimension,
              key: query.key === undefined || query.key === 'null' ? null : query.key,
            };
      return drillDown(db, viewer.staff, {
        scope: { period, departmentId: viewer.departmentId, category: query.category ?? null },
        set: query.set as ComplaintSet,
        filter,
        limit: query.limit,
      });
    },
  );

  app.post(
    '/api/reports/jobs',
    {
      schema: {
        tags,
        summary: 'Start a report job: a report as PDF, Excel or CSV, or a complex dossier as ZIP',
        description:
          'Answers 202 with the job; poll GET /api/reports/jobs/{id} for progress and download the file when `status` is `done`. ' +
          'A complex dossier (kind `dossier`) is for MT, board and management assistants only; it holds the case files of ' +
          'the complaints the reader may open (others are only counted in its LEESMIJ.txt), each recorded in the access log.',
        body: reportJobInput,
        response: { 202: reportJob },
      },
    },
    async (request, reply) => {
      const input = request.body;
      const { staff, departmentId } =
        input.kind === 'dossier'
          ? { staff: requireDossierViewer(request), departmentId: null }
          : requireReportViewer(request, input.departmentId);
      if (input.kind === 'dossier') customPeriod(input.from, input.until, 'body');
      const stored: StoredJobRequest = {
        ...(input.kind === 'dossier' ? input : { ...input, departmentId }),
        reader: {
          userId: staff.userId,
          roles: staff.roles,
          departmentId: staff.departmentId,
          managedDepartmentIds: staff.managedDepartmentIds,
        },
        ...(staff.origin === undefined ? {} : { origin: staff.origin }),
      };
      const row = await scoped(staff.organizationId, async (trx) => {
        if (input.kind === 'dossier') {
          if ((await findComplex(trx, input.housingComplexId)) === undefined) {
            throw new AppError('validation_failed', {
              fieldErrors: [
                {
                  in: 'body',
                  path: 'housingComplexId',
                  code: 'invalid_reference',
                  messages: {
                    nl: 'Dit complex bestaat niet (meer).',
                    en: 'This complex does not exist (any more).',
                  },
                },
              ],
            });
          }
        }
        return jobs.insertJob(trx, {
          organizationId: staff.organizationId,
          requestedBy: staff.userId,
          request: stored,
          format: input.kind === 'dossier' ? 'zip' : input.format,
        });
      });
      runner.enqueue(staff.organizationId, row.id);
      return reply.code(202).header('location', `/api/reports/jobs/${row.id}`).send(toReportJob(row));
    },
  );

  const jobParams = z.object({ id: z.uuid() });
  /** A job is seen by whoever started it. */
  const ownJob = async (organizationId: string, userId: string, id: string) => {
    const row = await scoped(organizationId, (trx) => jobs.findJob(trx, id));
    if (row === undefined || row.requested_by !== userId) throw new AppError('not_found');
    return row;
  };

  app.get(
    '/api/reports/jobs/:id',
    {
      schema: { tags, summary: 'Progress of a report job', params: jobParams, response: { 200: reportJob } },
    },
    async (request) => {
      const staff = requireAnyReportPermission(request);
      let row = await ownJob(staff.organizationId, staff.userId, request.params.id);
      if (row.status === 'queued' || row.status === 'running') {
        await runner.expireIfStale(staff.organizationId, row.id);
        row = await ownJob(staff.organizationId, staff.userId, request.params.id);
      }
      return toReportJob(row);
    },
  );

  app.get(
    '/api/reports/jobs/:id/download',
    {
      schema: {
        tags,
        summary: 'The file of a finished report job',
        description: '409 `report_not_ready` while the job is still queued or running.',
        params: jobParams,
        response: { 200: fileResponse },
      },
    },
    async (request, reply) => {
      const staff = requireAnyReportPermission(request);
      const row = await ownJob(staff.organizationId, staff.userId, request.params.id);
      if (row.status !== 'done' || row.file_key === null) {
        throw row.status === 'failed' ? new AppError('not_found') : new AppError('report_not_ready');
      }
      return sendFile(reply, {
        body: await storage.get(row.file_key),
        contentType: row.content_type ?? 'application/octet-stream',
        fileName: row.file_name ?? 'rapportage',
      });
    },
  );
};
