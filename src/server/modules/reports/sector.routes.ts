import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problem } from '../../../contract/problem.ts';
import {
  sectorBenchmark,
  sectorBenchmarkChoice,
  sectorBenchmarkQuery,
} from '../../../contract/sector-benchmark.ts';
import type { Quarter } from '../../../domain/index.ts';
import type { Database } from '../../db/database.ts';
import { requireOrganizationPermission } from '../../http/principal.ts';
import { quarterPeriod } from './report.service.ts';
import {
  getSectorBenchmarkChoice,
  loadSectorBenchmark,
  saveSectorBenchmarkChoice,
} from './sector.service.ts';

// Issue 24 (decision 040): the anonymised sector benchmark and the administrator's opt-in.

export const sectorBenchmarkRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/reports/sector-benchmark',
    {
      schema: {
        tags: ['reports'],
        summary: 'Own figures beside the anonymised sector’s quartiles (opted-in corporations only)',
        description:
          'For those who see every report (MT, board, management assistants). Not opted in: only `optedIn: false`. ' +
          'The sector figure of a measure is withheld when fewer than `minimumGroup` opted-in corporations have a value; ' +
          'no other corporation is named, counted alone or shown as a minimum or maximum.',
        querystring: sectorBenchmarkQuery,
        response: { 200: sectorBenchmark, 403: problem },
      },
    },
    async (request) =>
      loadSectorBenchmark(
        db,
        requireOrganizationPermission(request, 'reports.view_all'),
        quarterPeriod(request.query.quarter as Quarter),
      ),
  );

  app.get(
    '/api/admin/sector-benchmark',
    {
      schema: {
        tags: ['admin'],
        summary: 'Whether this corporation takes part in the anonymised sector benchmark',
        response: { 200: sectorBenchmarkChoice, 403: problem },
      },
    },
    async (request) =>
      getSectorBenchmarkChoice(db, requireOrganizationPermission(request, 'admin.manage_reference_data')),
  );

  app.put(
    '/api/admin/sector-benchmark',
    {
      schema: {
        tags: ['admin'],
        summary: 'Opt in to or out of the anonymised sector benchmark (audit-logged)',
        body: sectorBenchmarkChoice,
        response: { 200: sectorBenchmarkChoice, 403: problem },
      },
    },
    async (request) =>
      saveSectorBenchmarkChoice(
        db,
        requireOrganizationPermission(request, 'admin.manage_reference_data'),
        request.body,
      ),
  );
};
