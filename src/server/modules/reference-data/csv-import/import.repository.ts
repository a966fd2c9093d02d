import type { Scoped } from '../../../db/tenant-scope.ts';
import type { ComplexValues, UnitValues } from '../housing.repository.ts';
import type { PersonValues } from '../people.repository.ts';

const BATCH = 500;

function batches<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += BATCH) result.push(items.slice(start, start + BATCH));
  return result;
}

// An organisation has thousands, not millions, of complexes and units: one read each beats a lookup per row.

export async function loadComplexes(trx: Scoped) {
  return trx
    .selectFrom('housing_complex')
    .select(['id', 'complex_number as complexNumber', 'name', 'place', 'external_id as externalId'])
    .execute();
}

export async function loadUnits(trx: Scoped) {
  return trx
    .selectFrom('unit')
    .select([
      'id',
      'external_id as externalId',
      'housing_complex_id as housingComplexId',
      'street',
      'house_number as houseNumber',
      'house_number_addition as houseNumberAddition',
      'postcode',
      'place',
    ])
    .where('external_id', 'is not', null)
    .execute();
}

export async function loadPersonsWithExternalId(trx: Scoped) {
  return trx
    .selectFrom('person')
    .select([
      'id',
      'external_id as externalId',
      'name',
      'email',
      'phone',
      'postal_address as postalAddress',
      'relation',
      'unit_id as unitId',
    ])
    .where('external_id', 'is not', null)
    .execute();
}

export async function insertComplexes(trx: Scoped, organizationId: string, rows: ComplexValues[]) {
  for (const batch of batches(rows)) {
    await trx
      .insertInto('housing_complex')
      .values(
        batch.map((row) => ({
          organization_id: organizationId,
          complex_number: row.complexNumber,
          name: row.name,
          place: row.place,
          external_id: row.externalId,
        })),
      )
      .execute();
  }
}

export async function insertUnits(trx: Scoped, organizationId: string, rows: UnitValues[]) {
  for (const batch of batches(rows)) {
    await trx
      .insertInto('unit')
      .values(
        batch.map((row) => ({
          organization_id: organizationId,
          housing_complex_id: row.housingComplexId,
          external_id: row.externalId,
          street: row.street,
          house_number: row.houseNumber,
          house_number_addition: row.houseNumberAddition,
          postcode: row.postcode,
          place: row.place,
        })),
      )
      .execute();
  }
}

export async function insertPersons(trx: Scoped, organizationId: string, rows: PersonValues[]) {
  for (const batch of batches(rows)) {
    await trx
      .insertInto('person')
      .values(
        batch.map((row) => ({
          organization_id: organizationId,
          external_id: row.externalId,
          name: row.name,
          email: row.email,
          phone: row.phone,
          postal_address: row.postalAddress,
          relation: row.relation,
          unit_id: row.unitId,
        })),
      )
      .execute();
  }
}

/** Name and host names of an organisation, to check a command-line import's target. */
export async function findImportOrganization(trx: Scoped, id: string) {
  return trx
    .selectFrom('organization')
    .select(['name', 'slug', 'hostnames', 'is_default as isDefault'])
    .where('id', '=', id)
    .executeTakeFirst();
}
