import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  contractor,
  contractorListQuery,
  createContractorInput,
  idParams,
  pageOf,
  updateContractorInput,
} from '../../../contract/reference-data.ts';
import type { Database } from '../../db/database.ts';
import { REFERENCE_READER_SCOPES, requireReferenceAdmin, requireReferenceReader } from './access/access.ts';
import * as service from './contractor.service.ts';

const tags = ['reference-data'];

export const contractorRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/contractors',
    {
      config: { tokenScopes: REFERENCE_READER_SCOPES },
      schema: {
        tags,
        summary: 'Contractors (derden) working on behalf of the corporation',
        querystring: contractorListQuery,
        response: { 200: pageOf(contractor, 'ContractorPage') },
      },
    },
    async (request) => service.listContractors(db, requireReferenceReader(request), request.query),
  );

  app.get(
    '/api/contractors/:id',
    {
      config: { tokenScopes: REFERENCE_READER_SCOPES },
      schema: { tags, summary: 'One contractor', params: idParams, response: { 200: contractor } },
    },
    async (request) => service.getContractor(db, requireReferenceReader(request), request.params.id),
  );

  app.post(
    '/api/contractors',
    {
      schema: {
        tags,
        summary: 'Create a contractor (administrators)',
        body: createContractorInput,
        response: { 201: contractor },
      },
    },
    async (request, reply) => {
      const admin = requireReferenceAdmin(request);
      return reply.status(201).send(await service.createContractor(db, admin, request.body));
    },
  );

  app.patch(
    '/api/contractors/:id',
    {
      schema: {
        tags,
        summary: 'Rename, change the trade, or (de)activate a contractor (administrators)',
        params: idParams,
        body: updateContractorInput,
        response: { 200: contractor },
      },
    },
    async (request) =>
      service.updateContractor(db, requireReferenceAdmin(request), request.params.id, request.body),
  );
};
