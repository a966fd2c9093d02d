import type { FastifyPluginAsync } from 'fastify';
import type { Database } from '../../db/database.ts';
import { codeListRoutes } from './code-lists.routes.ts';
import { contractorRoutes } from './contractor.routes.ts';
import { importRoutes } from './csv-import/import.routes.ts';
import { housingRoutes } from './housing.routes.ts';
import { peopleRoutes } from './people.routes.ts';

/** Complexes, units, persons, representatives, contractors, code lists, calendar settings and imports. */
export const referenceDataRoutes: FastifyPluginAsync<{ db: Database }> = async (app, { db }) => {
  await app.register(housingRoutes, { db });
  await app.register(peopleRoutes, { db });
  await app.register(contractorRoutes, { db });
  await app.register(codeListRoutes, { db });
  await app.register(importRoutes, { db });
};
