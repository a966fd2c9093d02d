import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createPersonInput,
  createRepresentativeInput,
  idParams,
  listQuery,
  pageOf,
  person,
  personListQuery,
  representative,
  updatePersonInput,
  updateRepresentativeInput,
} from '../../../contract/reference-data.ts';
import type { Database } from '../../db/database.ts';
import {
  INTAKE_WRITER_SCOPES,
  REFERENCE_READER_SCOPES,
  requireIntakeWriter,
  requireReferenceReader,
} from './access/access.ts';
import * as service from './people.service.ts';

const tags = ['reference-data'];
const writers =
  'Any staff member (a phone call creates the person on the fly), or a token with the register or full scope.';

export const peopleRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/persons',
    {
      config: { tokenScopes: REFERENCE_READER_SCOPES },
      schema: {
        tags,
        summary: 'Persons (complainants): tenants, prospective tenants, buyers and others',
        description:
          'Search matches name, e-mail, phone, postal address, external id and the unit’s address.',
        querystring: personListQuery,
        response: { 200: pageOf(person, 'PersonPage') },
      },
    },
    async (request) => service.listPersons(db, requireReferenceReader(request), request.query),
  );

  app.get(
    '/api/persons/:id',
    {
      config: { tokenScopes: REFERENCE_READER_SCOPES },
      schema: { tags, summary: 'One person', params: idParams, response: { 200: person } },
    },
    async (request) => service.getPerson(db, requireReferenceReader(request), request.params.id),
  );

  app.post(
    '/api/persons',
    {
      config: { tokenScopes: INTAKE_WRITER_SCOPES },
      schema: {
        tags,
        summary: 'Create a person',
        description: writers,
        body: createPersonInput,
        response: { 201: person },
      },
    },
    async (request, reply) => {
      const principal = requireIntakeWriter(request);
      return reply.status(201).send(await service.createPerson(db, principal, request.body));
    },
  );

  app.patch(
    '/api/persons/:id',
    {
      config: { tokenScopes: INTAKE_WRITER_SCOPES },
      schema: {
        tags,
        summary: 'Change a person',
        description: `${writers} Absent fields stay; null clears an optional field.`,
        params: idParams,
        body: updatePersonInput,
        response: { 200: person },
      },
    },
    async (request) =>
      service.updatePerson(db, requireIntakeWriter(request), request.params.id, request.body),
  );

  app.get(
    '/api/representatives',
    {
      config: { tokenScopes: REFERENCE_READER_SCOPES },
      schema: {
        tags,
        summary: 'Representatives: relatives or others who submit a complaint on someone’s behalf',
        querystring: listQuery,
        response: { 200: pageOf(representative, 'RepresentativePage') },
      },
    },
    async (request) => service.listRepresentatives(db, requireReferenceReader(request), request.query),
  );

  app.get(
    '/api/representatives/:id',
    {
      config: { tokenScopes: REFERENCE_READER_SCOPES },
      schema: { tags, summary: 'One representative', params: idParams, response: { 200: representative } },
    },
    async (request) => service.getRepresentative(db, requireReferenceReader(request), request.params.id),
  );

  app.post(
    '/api/representatives',
    {
      config: { tokenScopes: INTAKE_WRITER_SCOPES },
      schema: {
        tags,
        summary: 'Create a representative',
        description: writers,
        body: createRepresentativeInput,
        response: { 201: representative },
      },
    },
    async (request, reply) => {
      const principal = requireIntakeWriter(request);
      return reply.status(201).send(await service.createRepresentative(db, principal, request.body));
    },
  );

  app.patch(
    '/api/representatives/:id',
    {
      config: { tokenScopes: INTAKE_WRITER_SCOPES },
      schema: {
        tags,
        summary: 'Change a representative (e.g. note the consent)',
        description: writers,
        params: idParams,
        body: updateRepresentativeInput,
        response: { 200: representative },
      },
    },
    async (request) =>
      service.updateRepresentative(db, requireIntakeWriter(request), request.params.id, request.body),
  );
};
