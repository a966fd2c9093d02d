import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  addressLookupQuery,
  addressLookupResult,
  createHousingComplexInput,
  createUnitInput,
  housingComplex,
  idParams,
  listQuery,
  pageOf,
  unit,
  unitListQuery,
  updateHousingComplexInput,
  updateUnitInput,
} from '../../../contract/reference-data.ts';
import type { Database } from '../../db/database.ts';
import {
  INTAKE_WRITER_SCOPES,
  REFERENCE_READER_SCOPES,
  requireIntakeWriter,
  requireReferenceAdmin,
  requireReferenceReader,
} from './access/access.ts';
import * as service from './housing.service.ts';

const tags = ['reference-data'];

export const housingRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/housing-complexes',
    {
      config: { tokenScopes: REFERENCE_READER_SCOPES },
      schema: {
        tags,
        summary: 'Housing complexes (complexen), searchable by number, name and place',
        querystring: listQuery,
        response: { 200: pageOf(housingComplex, 'HousingComplexPage') },
      },
    },
    async (request) => service.listHousingComplexes(db, requireReferenceReader(request), request.query),
  );

  app.get(
    '/api/housing-complexes/:id',
    {
      config: { tokenScopes: REFERENCE_READER_SCOPES },
      schema: { tags, summary: 'One housing complex', params: idParams, response: { 200: housingComplex } },
    },
    async (request) => service.getHousingComplex(db, requireReferenceReader(request), request.params.id),
  );

  app.post(
    '/api/housing-complexes',
    {
      schema: {
        tags,
        summary: 'Create a housing complex (administrators)',
        body: createHousingComplexInput,
        response: { 201: housingComplex },
      },
    },
    async (request, reply) => {
      const admin = requireReferenceAdmin(request);
      return reply.status(201).send(await service.createHousingComplex(db, admin, request.body));
    },
  );

  app.patch(
    '/api/housing-complexes/:id',
    {
      schema: {
        tags,
        summary: 'Change a housing complex (administrators)',
        params: idParams,
        body: updateHousingComplexInput,
        response: { 200: housingComplex },
      },
    },
    async (request) =>
      service.updateHousingComplex(db, requireReferenceAdmin(request), request.params.id, request.body),
  );

  app.get(
    '/api/units',
    {
      config: { tokenScopes: REFERENCE_READER_SCOPES },
      schema: {
        tags,
        summary: 'Units (verhuureenheden), searchable by street, house number, postcode, place and complex',
        querystring: unitListQuery,
        response: { 200: pageOf(unit, 'UnitPage') },
      },
    },
    async (request) => service.listUnits(db, requireReferenceReader(request), request.query),
  );

  app.get(
    '/api/address-lookup',
    {
      config: { tokenScopes: REFERENCE_READER_SCOPES },
      schema: {
        tags,
        summary: 'The units at an address, by postcode and house number (+ addition)',
        description:
          'Intake of a new caller (issue 22): fills street, place, unit and housing complex. The postcode may be written "2611 AB" or "2611ab"; a malformed postcode or house number is a 400 with field messages.',
        querystring: addressLookupQuery,
        response: { 200: addressLookupResult },
      },
    },
    async (request) => service.lookUpAddress(db, requireReferenceReader(request), request.query),
  );

  app.get(
    '/api/units/:id',
    {
      config: { tokenScopes: REFERENCE_READER_SCOPES },
      schema: { tags, summary: 'One unit', params: idParams, response: { 200: unit } },
    },
    async (request) => service.getUnit(db, requireReferenceReader(request), request.params.id),
  );

  app.post(
    '/api/units',
    {
      config: { tokenScopes: INTAKE_WRITER_SCOPES },
      schema: {
        tags,
        summary: 'Create a unit',
        description: 'Any staff member (intake), or a token with the register or full scope.',
        body: createUnitInput,
        response: { 201: unit },
      },
    },
    async (request, reply) => {
      const principal = requireIntakeWriter(request);
      return reply.status(201).send(await service.createUnit(db, principal, request.body));
    },
  );

  app.patch(
    '/api/units/:id',
    {
      config: { tokenScopes: INTAKE_WRITER_SCOPES },
      schema: {
        tags,
        summary: 'Change a unit',
        description: 'Any staff member, or a token with the register or full scope.',
        params: idParams,
        body: updateUnitInput,
        response: { 200: unit },
      },
    },
    async (request) => service.updateUnit(db, requireIntakeWriter(request), request.params.id, request.body),
  );
};
