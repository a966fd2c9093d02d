import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem } from '../../../contract/problem.ts';
import {
  calendarSettings,
  referenceValue,
  referenceValueKind,
  referenceValueParams,
  reviseCalendarSettingsInput,
  updateReferenceValueInput,
} from '../../../contract/reference-data.ts';
import type { Database } from '../../db/database.ts';
import { REFERENCE_READER_SCOPES, requireReferenceAdmin, requireReferenceReader } from './access/access.ts';
import * as service from './code-lists.service.ts';

const tags = ['reference-data'];

const referenceValueQuery = z.object({
  kind: referenceValueKind.optional(),
  active: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});

export const codeListRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/reference-values',
    {
      config: { tokenScopes: REFERENCE_READER_SCOPES },
      schema: {
        tags,
        summary:
          'The policy’s code lists: categories, outside-procedure grounds, referral targets, not-a-complaint kinds',
        description:
          'Ordered by kind, then sort order. Codes are fixed by the policy; labels are the organisation’s.',
        querystring: referenceValueQuery,
        response: { 200: z.array(referenceValue) },
      },
    },
    async (request) => service.listReferenceValues(db, requireReferenceReader(request), request.query),
  );

  app.patch(
    '/api/reference-values/:kind/:code',
    {
      schema: {
        tags,
        summary: 'Relabel, reorder or (de)activate a code (administrators)',
        params: referenceValueParams,
        body: updateReferenceValueInput,
        response: { 200: referenceValue },
      },
    },
    async (request) =>
      service.updateReferenceValue(
        db,
        requireReferenceAdmin(request),
        request.params.kind,
        request.params.code,
        request.body,
      ),
  );

  app.get(
    '/api/calendar-settings',
    {
      config: { tokenScopes: REFERENCE_READER_SCOPES },
      schema: {
        tags,
        summary: 'The working-day calendar settings in force (newest version)',
        response: { 200: calendarSettings },
      },
    },
    async (request) => service.getCalendarSettings(db, requireReferenceReader(request)),
  );

  app.get(
    '/api/calendar-settings/versions',
    {
      config: { tokenScopes: REFERENCE_READER_SCOPES },
      schema: {
        tags,
        summary: 'Every version of the calendar settings, newest first',
        response: { 200: z.array(calendarSettings) },
      },
    },
    async (request) => service.listCalendarSettingsHistory(db, requireReferenceReader(request)),
  );

  app.post(
    '/api/calendar-settings',
    {
      schema: {
        tags,
        summary: 'Save changed calendar settings as a new version (administrators)',
        description:
          'Absent fields keep their current value. Earlier versions never change: deadlines already computed keep ' +
          'the version they were computed with. Invalid settings: 422 `calendar_settings_invalid`.',
        body: reviseCalendarSettingsInput,
        response: {
          201: calendarSettings,
          422: problem.describe('calendar_settings_invalid, with the field'),
        },
      },
    },
    async (request, reply) => {
      const admin = requireReferenceAdmin(request);
      return reply.status(201).send(await service.reviseSettings(db, admin, request.body));
    },
  );
};
