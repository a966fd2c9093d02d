import { sql } from 'kysely';
import type { Scoped } from '../../db/tenant-scope.ts';
import { matchesAllWords } from './search.repository.ts';

type Paging = { words: string[]; limit: number; offset: number };
type Relation = 'tenant' | 'prospective_tenant' | 'buyer' | 'other';

export type PersonValues = {
  externalId: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  postalAddress: string | null;
  relation: Relation;
  unitId: string | null;
};

export type RepresentativeValues = {
  name: string;
  email: string | null;
  phone: string | null;
  relation: string;
  consentNoted: boolean;
};

const PERSON_COLUMNS = [
  'p.id',
  'p.external_id as externalId',
  'p.name',
  'p.email',
  'p.phone',
  'p.postal_address as postalAddress',
  'p.relation',
  'p.unit_id as unitId',
  'p.created_at as createdAt',
  'p.updated_at as updatedAt',
] as const;

function personQuery(trx: Scoped, filter: { words: string[]; unitId?: string; relation?: Relation }) {
  return trx
    .selectFrom('person as p')
    .leftJoin('unit as u', 'u.id', 'p.unit_id')
    .$if(filter.unitId !== undefined, (query) => query.where('p.unit_id', '=', filter.unitId as string))
    .$if(filter.relation !== undefined, (query) =>
      query.where('p.relation', '=', filter.relation as Relation),
    )
    .$if(filter.words.length > 0, (query) =>
      query.where((eb) =>
        matchesAllWords(eb, filter.words, [
          sql`p.name`,
          sql`p.email`,
          sql`p.phone`,
          sql`p.postal_address`,
          sql`p.external_id`,
          sql`u.street`,
          sql`u.postcode`,
          sql`concat(u.house_number, u.house_number_addition)`,
        ]),
      ),
    );
}

export async function listPersons(
  trx: Scoped,
  filter: Paging & { unitId?: string | undefined; relation?: Relation | undefined },
) {
  const where = {
    words: filter.words,
    ...(filter.unitId ? { unitId: filter.unitId } : {}),
    ...(filter.relation ? { relation: filter.relation } : {}),
  };
  const [rows, count] = await Promise.all([
    personQuery(trx, where)
      .select(PERSON_COLUMNS)
      .orderBy('p.name')
      .orderBy('p.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    personQuery(trx, where)
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export async function findPerson(trx: Scoped, id: string) {
  return trx.selectFrom('person as p').select(PERSON_COLUMNS).where('p.id', '=', id).executeTakeFirst();
}

export async function insertPerson(trx: Scoped, organizationId: string, values: PersonValues) {
  const row = await trx
    .insertInto('person')
    .values({
      organization_id: organizationId,
      external_id: values.externalId,
      name: values.name,
      email: values.email,
      phone: values.phone,
      postal_address: values.postalAddress,
      relation: values.relation,
      unit_id: values.unitId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePerson(trx: Scoped, id: string, values: Partial<PersonValues>) {
  if (Object.keys(values).length === 0) return;
  await trx
    .updateTable('person')
    .set({
      ...(values.externalId !== undefined ? { external_id: values.externalId } : {}),
      ...(values.name !== undefined ? { name: values.name } : {}),
      ...(values.email !== undefined ? { email: values.email } : {}),
      ...(values.phone !== undefined ? { phone: values.phone } : {}),
      ...(values.postalAddress !== undefined ? { postal_address: values.postalAddress } : {}),
      ...(values.relation !== undefined ? { relation: values.relation } : {}),
      ...(values.unitId !== undefined ? { unit_id: values.unitId } : {}),
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute();
}

const REPRESENTATIVE_COLUMNS = [
  'r.id',
  'r.name',
  'r.email',
  'r.phone',
  'r.relation',
  'r.consent_noted as consentNoted',
  'r.created_at as createdAt',
] as const;

function representativeQuery(trx: Scoped, words: string[]) {
  return trx
    .selectFrom('representative as r')
    .$if(words.length > 0, (query) =>
      query.where((eb) => matchesAllWords(eb, words, [sql`r.name`, sql`r.email`, sql`r.phone`])),
    );
}

export async function listRepresentatives(trx: Scoped, paging: Paging) {
  const [rows, count] = await Promise.all([
    representativeQuery(trx, paging.words)
      .select(REPRESENTATIVE_COLUMNS)
      .orderBy('r.name')
      .orderBy('r.id')
      .limit(paging.limit)
      .offset(paging.offset)
      .execute(),
    representativeQuery(trx, paging.words)
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export async function findRepresentative(trx: Scoped, id: string) {
  return trx
    .selectFrom('representative as r')
    .select(REPRESENTATIVE_COLUMNS)
    .where('r.id', '=', id)
    .executeTakeFirst();
}

export async function insertRepresentative(
  trx: Scoped,
  organizationId: string,
  values: RepresentativeValues,
) {
  const row = await trx
    .insertInto('representative')
    .values({
      organization_id: organizationId,
      name: values.name,
      email: values.email,
      phone: values.phone,
      relation: values.relation,
      consent_noted: values.consentNoted,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateRepresentative(trx: Scoped, id: string, values: Partial<RepresentativeValues>) {
  if (Object.keys(values).length === 0) return;
  await trx
    .updateTable('representative')
    .set({
      ...(values.name !== undefined ? { name: values.name } : {}),
      ...(values.email !== undefined ? { email: values.email } : {}),
      ...(values.phone !== undefined ? { phone: values.phone } : {}),
      ...(values.relation !== undefined ? { relation: values.relation } : {}),
      ...(values.consentNoted !== undefined ? { consent_noted: values.consentNoted } : {}),
    })
    .where('id', '=', id)
    .execute();
}
