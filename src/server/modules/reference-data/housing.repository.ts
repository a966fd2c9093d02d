import { sql } from 'kysely';
import type { Scoped } from '../../db/tenant-scope.ts';
import { matchesAllWords } from './search.repository.ts';

type Paging = { words: string[]; limit: number; offset: number };

export type ComplexValues = { complexNumber: string; name: string; place: string; externalId: string | null };

export type UnitValues = {
  housingComplexId: string | null;
  externalId: string | null;
  street: string;
  houseNumber: number;
  houseNumberAddition: string | null;
  postcode: string;
  place: string;
};

const COMPLEX_COLUMNS = [
  'c.id',
  'c.complex_number as complexNumber',
  'c.name',
  'c.place',
  'c.external_id as externalId',
  'c.created_at as createdAt',
] as const;

function complexQuery(trx: Scoped, words: string[]) {
  return trx
    .selectFrom('housing_complex as c')
    .$if(words.length > 0, (query) =>
      query.where((eb) =>
        matchesAllWords(eb, words, [sql`c.complex_number`, sql`c.name`, sql`c.place`, sql`c.external_id`]),
      ),
    );
}

export async function listHousingComplexes(trx: Scoped, paging: Paging) {
  const [rows, count] = await Promise.all([
    complexQuery(trx, paging.words)
      .select(COMPLEX_COLUMNS)
      .orderBy('c.complex_number')
      .orderBy('c.id')
      .limit(paging.limit)
      .offset(paging.offset)
      .execute(),
    complexQuery(trx, paging.words)
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export async function findHousingComplex(trx: Scoped, id: string) {
  return trx
    .selectFrom('housing_complex as c')
    .select(COMPLEX_COLUMNS)
    .where('c.id', '=', id)
    .executeTakeFirst();
}

export async function insertHousingComplex(trx: Scoped, organizationId: string, values: ComplexValues) {
  const row = await trx
    .insertInto('housing_complex')
    .values({
      organization_id: organizationId,
      complex_number: values.complexNumber,
      name: values.name,
      place: values.place,
      external_id: values.externalId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateHousingComplex(trx: Scoped, id: string, values: Partial<ComplexValues>) {
  if (Object.keys(values).length === 0) return;
  await trx
    .updateTable('housing_complex')
    .set({
      ...(values.complexNumber !== undefined ? { complex_number: values.complexNumber } : {}),
      ...(values.name !== undefined ? { name: values.name } : {}),
      ...(values.place !== undefined ? { place: values.place } : {}),
      ...(values.externalId !== undefined ? { external_id: values.externalId } : {}),
    })
    .where('id', '=', id)
    .execute();
}

const UNIT_COLUMNS = [
  'u.id',
  'u.housing_complex_id as housingComplexId',
  'c.complex_number as complexNumber',
  'c.name as complexName',
  'u.external_id as externalId',
  'u.street',
  'u.house_number as houseNumber',
  'u.house_number_addition as houseNumberAddition',
  'u.postcode',
  'u.place',
  'u.created_at as createdAt',
  'u.updated_at as updatedAt',
] as const;

function unitQuery(trx: Scoped, words: string[], housingComplexId: string | undefined) {
  return trx
    .selectFrom('unit as u')
    .leftJoin('housing_complex as c', 'c.id', 'u.housing_complex_id')
    .$if(housingComplexId !== undefined, (query) =>
      query.where('u.housing_complex_id', '=', housingComplexId as string),
    )
    .$if(words.length > 0, (query) =>
      query.where((eb) =>
        matchesAllWords(eb, words, [
          sql`u.street`,
          sql`u.postcode`,
          sql`u.place`,
          sql`concat(u.house_number, u.house_number_addition)`,
          sql`u.external_id`,
          sql`c.complex_number`,
        ]),
      ),
    );
}

export async function listUnits(trx: Scoped, paging: Paging & { housingComplexId?: string | undefined }) {
  const [rows, count] = await Promise.all([
    unitQuery(trx, paging.words, paging.housingComplexId)
      .select(UNIT_COLUMNS)
      .orderBy('u.postcode')
      .orderBy('u.house_number')
      .orderBy('u.house_number_addition')
      .orderBy('u.id')
      .limit(paging.limit)
      .offset(paging.offset)
      .execute(),
    unitQuery(trx, paging.words, paging.housingComplexId)
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export async function findUnit(trx: Scoped, id: string) {
  return trx
    .selectFrom('unit as u')
    .leftJoin('housing_complex as c', 'c.id', 'u.housing_complex_id')
    .select(UNIT_COLUMNS)
    .where('u.id', '=', id)
    .executeTakeFirst();
}

export async function insertUnit(trx: Scoped, organizationId: string, values: UnitValues) {
  const row = await trx
    .insertInto('unit')
    .values({
      organization_id: organizationId,
      housing_complex_id: values.housingComplexId,
      external_id: values.externalId,
      street: values.street,
      house_number: values.houseNumber,
      house_number_addition: values.houseNumberAddition,
      postcode: values.postcode,
      place: values.place,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUnit(trx: Scoped, id: string, values: Partial<UnitValues>) {
  if (Object.keys(values).length === 0) return;
  await trx
    .updateTable('unit')
    .set({
      ...(values.housingComplexId !== undefined ? { housing_complex_id: values.housingComplexId } : {}),
      ...(values.externalId !== undefined ? { external_id: values.externalId } : {}),
      ...(values.street !== undefined ? { street: values.street } : {}),
      ...(values.houseNumber !== undefined ? { house_number: values.houseNumber } : {}),
      ...(values.houseNumberAddition !== undefined
        ? { house_number_addition: values.houseNumberAddition }
        : {}),
      ...(values.postcode !== undefined ? { postcode: values.postcode } : {}),
      ...(values.place !== undefined ? { place: values.place } : {}),
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute();
}

/** Units at one address; the addition compared case-insensitively, all additions when none is given. */
export async function findUnitsAtAddress(
  trx: Scoped,
  address: { postcode: string; houseNumber: number; addition: string | null },
) {
  return trx
    .selectFrom('unit as u')
    .leftJoin('housing_complex as c', 'c.id', 'u.housing_complex_id')
    .select(UNIT_COLUMNS)
    .where('u.postcode', '=', address.postcode)
    .where('u.house_number', '=', address.houseNumber)
    .$if(address.addition !== null, (query) =>
      query.where(
        sql<string>`upper(coalesce(u.house_number_addition, ''))`,
        '=',
        (address.addition ?? '').toUpperCase(),
      ),
    )
    .orderBy('u.house_number_addition', (ob) => ob.asc().nullsFirst())
    .orderBy('u.id')
    .limit(50)
    .execute();
}
