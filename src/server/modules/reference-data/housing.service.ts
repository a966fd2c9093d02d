import type { z } from 'zod';
import type {
  addressLookupQuery,
  createHousingComplexInput,
  createUnitInput,
  HousingComplex,
  listQuery,
  Page,
  Unit,
  unitListQuery,
  updateHousingComplexInput,
  updateUnitInput,
} from '../../../contract/reference-data.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization, type Scoped } from '../../db/tenant-scope.ts';
import { AppError } from '../../http/app-error.ts';
import type { Principal } from '../../http/principal.ts';
import { translateUniqueViolation, unknownReference } from './errors/constraint-errors.ts';
import * as repository from './housing.repository.ts';
import { definedOnly } from './input/patch.ts';
import { searchWords } from './input/search.ts';

type ComplexRow = NonNullable<Awaited<ReturnType<typeof repository.findHousingComplex>>>;
type UnitRow = NonNullable<Awaited<ReturnType<typeof repository.findUnit>>>;

const toComplex = (row: ComplexRow): HousingComplex => ({ ...row, createdAt: row.createdAt.toISOString() });
const toUnit = (row: UnitRow): Unit => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

const complexUniques = translateUniqueViolation([
  {
    constraint: 'housing_complex_organization_id_complex_number_key',
    path: 'complexNumber',
    nl: 'Er is al een complex met dit complexnummer.',
    en: 'There already is a complex with this number.',
  },
  {
    constraint: 'housing_complex_external',
    path: 'externalId',
    nl: 'Er is al een complex met dit externe id.',
    en: 'There already is a complex with this external id.',
  },
]);

const unitUniques = translateUniqueViolation([
  {
    constraint: 'unit_external',
    path: 'externalId',
    nl: 'Er is al een eenheid met dit externe id.',
    en: 'There already is a unit with this external id.',
  },
]);

export async function listHousingComplexes(
  db: Database,
  principal: Principal,
  query: z.infer<typeof listQuery>,
): Promise<Page<HousingComplex>> {
  const { rows, total } = await inOrganization(db, principal.organizationId, (trx) =>
    repository.listHousingComplexes(trx, { words: searchWords(query.search), ...query }),
  );
  return { items: rows.map(toComplex), total, limit: query.limit, offset: query.offset };
}

export async function getHousingComplex(db: Database, principal: Principal, id: string) {
  const row = await inOrganization(db, principal.organizationId, (trx) =>
    repository.findHousingComplex(trx, id),
  );
  if (!row) throw new AppError('not_found');
  return toComplex(row);
}

export async function createHousingComplex(
  db: Database,
  principal: Principal,
  input: z.infer<typeof createHousingComplexInput>,
): Promise<HousingComplex> {
  return inOrganization(db, principal.organizationId, async (trx) => {
    const id = await repository
      .insertHousingComplex(trx, principal.organizationId, { ...input, externalId: input.externalId ?? null })
      .catch(complexUniques);
    return toComplex((await repository.findHousingComplex(trx, id)) as ComplexRow);
  });
}

export async function updateHousingComplex(
  db: Database,
  principal: Principal,
  id: string,
  input: z.infer<typeof updateHousingComplexInput>,
): Promise<HousingComplex> {
  return inOrganization(db, principal.organizationId, async (trx) => {
    if (!(await repository.findHousingComplex(trx, id))) throw new AppError('not_found');
    await repository.updateHousingComplex(trx, id, definedOnly(input)).catch(complexUniques);
    return toComplex((await repository.findHousingComplex(trx, id)) as ComplexRow);
  });
}

export async function listUnits(
  db: Database,
  principal: Principal,
  query: z.infer<typeof unitListQuery>,
): Promise<Page<Unit>> {
  const { rows, total } = await inOrganization(db, principal.organizationId, (trx) =>
    repository.listUnits(trx, { words: searchWords(query.search), ...query }),
  );
  return { items: rows.map(toUnit), total, limit: query.limit, offset: query.offset };
}

export async function getUnit(db: Database, principal: Principal, id: string): Promise<Unit> {
  const row = await inOrganization(db, principal.organizationId, (trx) => repository.findUnit(trx, id));
  if (!row) throw new AppError('not_found');
  return toUnit(row);
}

/** Foreign keys ignore row-level security: another organisation's complex must be refused here. */
async function assertComplexInScope(trx: Scoped, housingComplexId: string | null | undefined) {
  if (!housingComplexId) return;
  if (!(await repository.findHousingComplex(trx, housingComplexId))) {
    throw unknownReference(
      'housingComplexId',
      'Dit complex bestaat niet.',
      'This housing complex does not exist.',
    );
  }
}

export async function createUnit(
  db: Database,
  principal: Principal,
  input: z.infer<typeof createUnitInput>,
): Promise<Unit> {
  return inOrganization(db, principal.organizationId, async (trx) => {
    await assertComplexInScope(trx, input.housingComplexId);
    const id = await repository
      .insertUnit(trx, principal.organizationId, {
        ...input,
        housingComplexId: input.housingComplexId ?? null,
        externalId: input.externalId ?? null,
        houseNumberAddition: input.houseNumberAddition ?? null,
      })
      .catch(unitUniques);
    return toUnit((await repository.findUnit(trx, id)) as UnitRow);
  });
}

export async function updateUnit(
  db: Database,
  principal: Principal,
  id: string,
  input: z.infer<typeof updateUnitInput>,
): Promise<Unit> {
  return inOrganization(db, principal.organizationId, async (trx) => {
    if (!(await repository.findUnit(trx, id))) throw new AppError('not_found');
    await assertComplexInScope(trx, input.housingComplexId);
    await repository.updateUnit(trx, id, definedOnly(input)).catch(unitUniques);
    return toUnit((await repository.findUnit(trx, id)) as UnitRow);
  });
}

/** Issue 22: a new caller's unit and complex from postcode and house number (+ addition). */
export async function lookUpAddress(
  db: Database,
  principal: Principal,
  query: z.infer<typeof addressLookupQuery>,
): Promise<{ items: Unit[] }> {
  const addition = query.addition?.trim() ? query.addition.trim() : null;
  const rows = await inOrganization(db, principal.organizationId, (trx) =>
    repository.findUnitsAtAddress(trx, {
      postcode: query.postcode,
      houseNumber: query.houseNumber,
      addition,
    }),
  );
  return { items: rows.map(toUnit) };
}
