import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  accessLogEntry,
  accessLogPage,
  accessLogQuery,
  createLegalHoldInput,
  erasureResult,
  legalHold,
  liftLegalHoldInput,
  privacySettings,
  retentionPreview,
  updatePrivacySettingsInput,
} from '../../../contract/privacy.ts';
import type { Database } from '../../db/database.ts';
import { requireOrganizationPermission } from '../../http/principal.ts';
import type { BlobStorage } from '../../storage/blob-storage.ts';
import { accessLogCsv, exportAccessLog, readAccessLog } from './access-log.service.ts';
import type { ErasureLedger } from './erasure/erasure-ledger.ts';
import { erasePerson } from './erasure.service.ts';
import * as admin from './privacy-admin.service.ts';
import { exportSubjectData } from './subject-access.service.ts';

const tags = ['privacy'];
const idParams = z.object({ id: z.uuid() });

export const privacyRoutes: FastifyPluginAsyncZod<{
  db: Database;
  storage: BlobStorage;
  ledger: ErasureLedger | null;
}> = async (app, { db, storage, ledger }) => {
  const deps = { storage, ledger, log: app.log };
  const manager = (request: Parameters<typeof requireOrganizationPermission>[0]) =>
    requireOrganizationPermission(request, 'privacy.manage');
  const auditor = (request: Parameters<typeof requireOrganizationPermission>[0]) =>
    requireOrganizationPermission(request, 'privacy.view_access_log');

  app.get(
    '/api/privacy/settings',
    {
      schema: {
        tags,
        summary: 'Retention terms and mail minimisation of this organisation',
        response: { 200: privacySettings },
      },
    },
    async (request) => admin.getSettings(db, manager(request)),
  );

  app.patch(
    '/api/privacy/settings',
    {
      schema: {
        tags,
        summary: 'Change the retention terms or mail minimisation',
        description:
          'Absent fields stay. The maximum under a legal hold may not be shorter than the ordinary term.',
        body: updatePrivacySettingsInput,
        response: { 200: privacySettings },
      },
    },
    async (request) => admin.updateSettings(db, manager(request), request.body),
  );

  app.get(
    '/api/privacy/complaints/:id/legal-holds',
    {
      schema: {
        tags,
        summary: "A complaint's legal holds: placed by hand (also lifted ones) and those the data shows",
        params: idParams,
        response: { 200: z.array(legalHold) },
      },
    },
    async (request) => admin.listHolds(db, manager(request), request.params.id),
  );

  app.post(
    '/api/privacy/complaints/:id/legal-holds',
    {
      schema: {
        tags,
        summary: 'Place a legal hold: the retention clock stops until it is lifted',
        params: idParams,
        body: createLegalHoldInput,
        response: { 201: legalHold },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await admin.placeHold(db, manager(request), request.params.id, request.body)),
  );

  app.post(
    '/api/privacy/legal-holds/:id/lift',
    {
      schema: {
        tags,
        summary: 'Lift a legal hold',
        params: idParams,
        body: liftLegalHoldInput,
        response: { 200: legalHold },
      },
    },
    async (request) => admin.liftHold(db, manager(request), request.params.id, request.body.liftedOn),
  );

  app.get(
    '/api/privacy/retention/dry-run',
    {
      schema: {
        tags,
        summary: 'What the next retention run would anonymise, and what legal holds keep',
        response: { 200: retentionPreview },
      },
    },
    async (request) => admin.previewRetention(db, manager(request)),
  );

  app.get(
    '/api/privacy/persons/:id/export',
    {
      schema: {
        tags,
        summary: 'Subject access: everything held about a person as a ZIP (PDF summary, JSON, files)',
        description: 'The export is recorded in the access log.',
        params: idParams,
        produces: ['application/zip'],
      },
    },
    async (request, reply) => {
      const result = await exportSubjectData(db, storage, manager(request), request.params.id);
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="${result.fileName}"`)
        .header('cache-control', 'no-store')
        .send(result.archive);
    },
  );

  app.post(
    '/api/privacy/persons/:id/erase',
    {
      schema: {
        tags,
        summary: 'Erasure on request: anonymise the person and all their complaints',
        description:
          'Refused with 409 `erasure_blocked` (nothing changes) while a complaint is open or under a legal hold; the detail names the complaint and the reason.',
        params: idParams,
        response: { 200: erasureResult },
      },
    },
    async (request) => erasePerson(db, manager(request), request.params.id, deps),
  );

  app.get(
    '/api/privacy/access-log',
    {
      schema: {
        tags,
        summary: 'Who read or changed which personal data, when and from where (newest first)',
        querystring: accessLogQuery,
        response: { 200: accessLogPage },
      },
    },
    async (request) => readAccessLog(db, auditor(request), request.query),
  );

  app.get(
    '/api/privacy/access-log/export',
    {
      schema: {
        tags,
        summary: 'The access log as CSV (same filters); the export itself is logged',
        querystring: accessLogQuery.omit({ before: true, limit: true }),
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const rows = await exportAccessLog(db, auditor(request), request.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="inzagelog.csv"')
        .header('cache-control', 'no-store')
        .send(accessLogCsv(rows));
    },
  );

  app.get(
    '/api/privacy/persons/:id/access-log',
    {
      schema: {
        tags,
        summary: "A person's access history: reads of their page and of each of their complaints",
        params: idParams,
        response: { 200: z.array(accessLogEntry) },
      },
    },
    async (request) =>
      (await readAccessLog(db, auditor(request), { personId: request.params.id, limit: 500 })).items,
  );
};
