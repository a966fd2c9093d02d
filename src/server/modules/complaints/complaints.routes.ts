import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  complaintDetail,
  complaintIdParams,
  complaintListQuery,
  complaintPage,
  likelyDuplicate,
  likelyDuplicatesQuery,
  likelyRepeat,
  likelyRepeatsQuery,
  registerComplaintInput,
  statusCounts,
} from '../../../contract/complaints.ts';
import { queueCounts, queueCountsQuery } from '../../../contract/work-queue.ts';
import { TOKEN_SCOPES } from '../../../domain/index.ts';
import { serverNow } from '../../clock.ts';
import type { Database } from '../../db/database.ts';
import { requirePrincipal, requireStaff } from '../../http/principal.ts';
import { recordPersonComplaintsRead } from '../access-log/index.ts';
import { suggestLikelyDuplicates } from './complaint-duplicates.service.ts';
import { etagOf } from './complaint-mutation.service.ts';
import {
  countComplaints,
  countQueueTabsFor,
  getComplaint,
  listComplaintPage,
  suggestLikelyRepeats,
} from './complaint-query.service.ts';
import { registerComplaint } from './complaint-registration.service.ts';

export const anyCaller = (request: FastifyRequest) => requirePrincipal(request);

const idempotencyHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('Retrying with the same key returns the first result instead of registering twice.'),
});

export function sendWithEtag<T extends { version: number }>(reply: FastifyReply, status: number, body: T) {
  return reply.status(status).header('etag', etagOf(body.version)).send(body);
}

export const complaintsRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.post(
    '/api/complaints',
    {
      config: { tokenScopes: TOKEN_SCOPES },
      schema: {
        tags: ['complaints'],
        summary: 'Register a complaint from any channel',
        description:
          'Any staff member may register (policy 1.4); integrations need the `register` or `full` scope. The term (policy 2.3) is computed from `receivedAt` and stored. Without `handlerId` the registering staff member handles it.',
        headers: idempotencyHeaders,
        body: registerComplaintInput,
        response: { 201: complaintDetail },
      },
    },
    async (request, reply) => {
      const result = await registerComplaint(
        db,
        anyCaller(request),
        request.body,
        request.headers['idempotency-key'],
      );
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return sendWithEtag(reply, result.status, result.body);
    },
  );

  app.get(
    '/api/complaints',
    {
      config: { tokenScopes: TOKEN_SCOPES },
      schema: {
        tags: ['complaints'],
        summary: 'The work queue: filter, search, sort and page through complaints',
        description:
          'Confidential complaints appear only for those who may see them. Default sort: due date first. Follow `nextCursor` for the next page.',
        querystring: complaintListQuery,
        response: { 200: complaintPage },
      },
    },
    async (request) => listComplaintPage(db, anyCaller(request), request.query),
  );

  app.get(
    '/api/complaints/counts',
    {
      config: { tokenScopes: TOKEN_SCOPES },
      schema: {
        tags: ['complaints'],
        summary: 'Counts per status (and overdue) for the same filters as the list',
        querystring: complaintListQuery,
        response: { 200: statusCounts },
      },
    },
    async (request) => countComplaints(db, anyCaller(request), request.query),
  );

  app.get(
    '/api/complaints/queue-counts',
    {
      schema: {
        tags: ['complaints'],
        summary: 'The work queue’s tab counts: mine, my department, its unassigned ones, all',
        description:
          'issue 22: one query under the same filters as the list. A staff member opens the queues of their own department(s); managers also those they manage; MT, board, management assistants and administrators any (403 otherwise).',
        querystring: queueCountsQuery,
        response: { 200: queueCounts },
      },
    },
    async (request) => countQueueTabsFor(db, requireStaff(request), request.query),
  );

  app.get(
    '/api/complaints/likely-repeats',
    {
      config: { tokenScopes: TOKEN_SCOPES },
      schema: {
        tags: ['complaints'],
        summary: 'Earlier complaints of the same person or unit within 12 months, most similar first',
        querystring: likelyRepeatsQuery,
        response: { 200: z.array(likelyRepeat) },
      },
    },
    async (request) => suggestLikelyRepeats(db, anyCaller(request), request.query),
  );

  app.get(
    '/api/complaints/likely-duplicates',
    {
      config: { tokenScopes: TOKEN_SCOPES },
      schema: {
        tags: ['complaints'],
        summary: 'Complaints that are likely the same one received twice (issue 22), most similar first',
        description:
          'Of a registered complaint (`complaintId`; `mergeable` says whether it can be merged into each now) or ' +
          'of one being registered (`complainantId`, `text`, `receivedAt`): the same complainant, received ' +
          'within 14 days, similar text, not ended. A duplicate is not a repeat complaint (decision 035).',
        querystring: likelyDuplicatesQuery,
        response: { 200: z.array(likelyDuplicate) },
      },
    },
    async (request) => suggestLikelyDuplicates(db, anyCaller(request), request.query),
  );

  app.get(
    '/api/complaints/:id',
    {
      config: { tokenScopes: TOKEN_SCOPES },
      schema: {
        tags: ['complaints'],
        summary: 'One complaint with its timeline, term and next steps',
        description: 'Every read is recorded in the access log. The `ETag` goes into `If-Match` on writes.',
        params: complaintIdParams,
        response: { 200: complaintDetail },
      },
    },
    async (request, reply) =>
      sendWithEtag(reply, 200, await getComplaint(db, anyCaller(request), request.params.id)),
  );

  for (const [path, filter] of [
    ['/api/persons/:id/complaints', 'complainantId'],
    ['/api/units/:id/complaints', 'unitId'],
    ['/api/housing-complexes/:id/complaints', 'housingComplexId'],
  ] as const) {
    app.get(
      path,
      {
        config: { tokenScopes: TOKEN_SCOPES },
        schema: {
          tags: ['complaints'],
          summary: `All complaints of this ${filter === 'complainantId' ? 'complainant' : filter === 'unitId' ? 'unit' : 'housing complex'}, newest first`,
          params: complaintIdParams,
          querystring: complaintListQuery.omit({ sort: true }),
          response: { 200: complaintPage },
        },
      },
      async (request) => {
        const principal = anyCaller(request);
        return listComplaintPage(
          db,
          principal,
          { ...request.query, sort: 'received', [filter]: request.params.id },
          serverNow(),
          filter === 'complainantId'
            ? (trx) => recordPersonComplaintsRead(trx, principal, request.params.id)
            : undefined,
        );
      },
    );
  }
};
