import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  adjustmentsInput,
  complainantAdjustments,
  personAdjustments,
} from '../../../contract/adjustments.ts';
import { complaintIdParams } from '../../../contract/complaints.ts';
import { idParams } from '../../../contract/reference-data.ts';
import type { Database } from '../../db/database.ts';
import { requireStaff } from '../../http/principal.ts';
import { parseIfMatch } from '../complaints/index.ts';
import { changeAdjustments, readAdjustments, readPersonAdjustments } from './adjustments.service.ts';

const ifMatchHeaders = z.looseObject({
  'if-match': z
    .string()
    .max(100)
    .optional()
    .describe("The complaint's ETag from the last read; a stale version is refused with 412."),
});

/** Issue 26 (decision 051): the complainant's adjustments, read and changed on their complaint. */
export const adjustmentsRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/complaints/:id/adjustments',
    {
      schema: {
        tags: ['complaints'],
        summary:
          "The complainant's adjustments (channel, large print, interpreter, call-back, representative, needs)",
        description:
          'Issue 26. Who may: staff who may see the complaint (need-to-know; others 404/403). Every read is ' +
          'recorded in the access log (what `person`). `warnings` are the adjustments not followed: an e-mail to ' +
          'the complainant although they asked for letters or the phone, no phone contact logged when the answer ' +
          'term is two working days from its end.',
        params: complaintIdParams,
        response: { 200: complainantAdjustments },
      },
    },
    async (request) => readAdjustments(db, requireStaff(request), request.params.id),
  );

  app.get(
    '/api/persons/:id/adjustments',
    {
      schema: {
        tags: ['reference-data'],
        summary: "A person's recorded adjustments, for the staff intake (read-only)",
        description:
          'Issue 26. Shown when staff pick an existing complainant at intake, so they do not ask again. Who may: ' +
          'any staff member (anyone may register a complaint for anyone); tokens may not. Every read is recorded ' +
          'in the access log (what `person`). Reading or hearing needs name which needs, never their note (need-to-know; ' +
          'the case shows it). An unknown person is 404.',
        params: idParams,
        response: { 200: personAdjustments },
      },
    },
    async (request) => readPersonAdjustments(db, requireStaff(request), request.params.id),
  );

  app.put(
    '/api/complaints/:id/adjustments',
    {
      schema: {
        tags: ['complaints'],
        summary: "Record or change the complainant's adjustments (the whole set)",
        description:
          'Issue 26, decision 051. Who may: whoever may log a contact moment on the complaint. Each adjustment ' +
          'keeps its legal basis (AVG): reading or hearing needs only with explicit consent (art. 9(2)(a), else 400 ' +
          'consent_required on `accessNeeds.consentGiven`), the others on legitimate interest. The timeline names ' +
          'the kinds that changed (event adjustments_changed); the same set again is 422 adjustments_unchanged.',
        params: complaintIdParams,
        headers: ifMatchHeaders,
        body: adjustmentsInput,
        response: { 200: complainantAdjustments },
      },
    },
    async (request) =>
      changeAdjustments(
        db,
        requireStaff(request),
        request.params.id,
        parseIfMatch(request.headers['if-match']),
        request.body,
      ),
  );
};
