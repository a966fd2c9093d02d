import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  describeImportColumns,
  IMPORT_KINDS,
  importBody,
  importParams,
  importQuery,
  importResult,
} from '../../../../contract/imports.ts';
import { problem } from '../../../../contract/problem.ts';
import type { Database } from '../../../db/database.ts';
import { requireReferenceAdmin } from '../access/access.ts';
import { decodeCsvBytes } from './csv-reader.ts';
import { importCsv } from './import.service.ts';

/** A corporation's full export of units or tenants runs to a few megabytes. */
export const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;

const description = [
  "Imports a CSV export of the corporation's own system, all or nothing, in one transaction (administrators).",
  'Send the file as `text/csv` (UTF-8, with or without BOM; Windows-1252 is recognised too) or as JSON `{ "csv": "…" }`.',
  'The delimiter is `;` (Dutch Excel) or `,`; the first line is the header. Header names are case-insensitive; other columns are ignored and listed in `ignoredColumns`.',
  'Every row is validated first. When any row is wrong the answer is 422 `import_invalid` listing every problem: `errors[].path` is `line.<line number>.<column>`, with Dutch and English messages, and nothing is written.',
  'Re-importing updates rows by their external id (`extern_id`) and reports `created`, `updated` and `unchanged`. `?dryRun=true` validates and counts without writing.',
  'Import complexes first, then units (they name their complex by `complexnummer`), then tenants (they name their unit by its `extern_id`).',
  ...IMPORT_KINDS.map((kind) => `\n**${kind}** columns:\n${describeImportColumns(kind)}`),
].join('\n\n');

export const importRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  // Scoped to this plugin: only the import routes read CSV bodies.
  app.addContentTypeParser(
    ['text/csv', 'application/csv'],
    { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT },
    (_request, body, done) => done(null, decodeCsvBytes(body as Buffer)),
  );

  app.post(
    '/api/imports/:kind',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['imports'],
        summary: 'Import housing complexes, units or tenants from CSV',
        description,
        consumes: ['text/csv', 'application/json'],
        params: importParams,
        querystring: importQuery,
        body: importBody,
        response: {
          200: importResult,
          422: problem.describe('import_invalid: every bad line, column and reason'),
        },
      },
    },
    async (request) => {
      const admin = requireReferenceAdmin(request);
      const text = typeof request.body === 'string' ? request.body : request.body.csv;
      return importCsv(db, admin.organizationId, request.params.kind, text, {
        dryRun: request.query.dryRun ?? false,
      });
    },
  );
};
