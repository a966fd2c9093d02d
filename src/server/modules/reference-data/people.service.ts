import type { z } from 'zod';
import type {
  createPersonInput,
  createRepresentativeInput,
  listQuery,
  Page,
  Person,
  personListQuery,
  Representative,
  updatePersonInput,
  updateRepresentativeInput,
} from '../../../contract/reference-data.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization, type Scoped } from '../../db/tenant-scope.ts';
import { AppError } from '../../http/app-error.ts';
import type { Principal } from '../../http/principal.ts';
import { recordAccess } from '../access-log/index.ts';
import { translateUniqueViolation, unknownReference } from './errors/constraint-errors.ts';
import { findUnit } from './housing.repository.ts';
import { definedOnly } from './input/patch.ts';
import { searchWords } from './input/search.ts';
import * as repository from './people.repository.ts';

type PersonRow = NonNullable<Awaited<ReturnType<typeof repository.findPerson>>>;
type RepresentativeRow = NonNullable<Awaited<ReturnType<typeof repository.findRepresentative>>>;

const toPerson = (row: PersonRow): Person => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});
const toRepresentative = (row: RepresentativeRow): Representative => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
});

const personUniques = translateUniqueViolation([
  {
    constraint: 'person_external',
    path: 'externalId',
    nl: 'Er is al een persoon met dit externe id.',
    en: 'There already is a person with this external id.',
  },
]);

/** Foreign keys ignore row-level security: another organisation's unit must be refused here. */
async function assertUnitInScope(trx: Scoped, unitId: string | null | undefined) {
  if (unitId && !(await findUnit(trx, unitId))) {
    throw unknownReference('unitId', 'Deze eenheid bestaat niet.', 'This unit does not exist.');
  }
}

export async function listPersons(
  db: Database,
  principal: Principal,
  query: z.infer<typeof personListQuery>,
): Promise<Page<Person>> {
  const { rows, total } = await inOrganization(db, principal.organizationId, (trx) =>
    repository.listPersons(trx, { words: searchWords(query.search), ...query }),
  );
  return { items: rows.map(toPerson), total, limit: query.limit, offset: query.offset };
}

/** A person page is personal data: every read is in the access log (privacy issue 12), in the same transaction. */
export async function getPerson(db: Database, principal: Principal, id: string): Promise<Person> {
  const row = await inOrganization(db, principal.organizationId, async (trx) => {
    const found = await repository.findPerson(trx, id);
    if (found) await recordAccess(trx, principal, { what: 'person', personId: found.id });
    return found;
  });
  if (!row) throw new AppError('not_found');
  return toPerson(row);
}

export async function createPerson(
  db: Database,
  principal: Principal,
  input: z.infer<typeof createPersonInput>,
): Promise<Person> {
  return inOrganization(db, principal.organizationId, async (trx) => {
    await assertUnitInScope(trx, input.unitId);
    const id = await repository
      .insertPerson(trx, principal.organizationId, {
        name: input.name,
        relation: input.relation,
        externalId: input.externalId ?? null,
        email: input.email ?? null,
        phone: input.phone ?? null,
        postalAddress: input.postalAddress ?? null,
        unitId: input.unitId ?? null,
      })
      .catch(personUniques);
    return toPerson((await repository.findPerson(trx, id)) as PersonRow);
  });
}

export async function updatePerson(
  db: Database,
  principal: Principal,
  id: string,
  input: z.infer<typeof updatePersonInput>,
): Promise<Person> {
  return inOrganization(db, principal.organizationId, async (trx) => {
    if (!(await repository.findPerson(trx, id))) throw new AppError('not_found');
    await assertUnitInScope(trx, input.unitId);
    await repository.updatePerson(trx, id, definedOnly(input)).catch(personUniques);
    return toPerson((await repository.findPerson(trx, id)) as PersonRow);
  });
}

export async function listRepresentatives(
  db: Database,
  principal: Principal,
  query: z.infer<typeof listQuery>,
): Promise<Page<Representative>> {
  const { rows, total } = await inOrganization(db, principal.organizationId, (trx) =>
    repository.listRepresentatives(trx, { words: searchWords(query.search), ...query }),
  );
  return { items: rows.map(toRepresentative), total, limit: query.limit, offset: query.offset };
}

export async function getRepresentative(db: Database, principal: Principal, id: string) {
  const row = await inOrganization(db, principal.organizationId, (trx) =>
    repository.findRepresentative(trx, id),
  );
  if (!row) throw new AppError('not_found');
  return toRepresentative(row);
}

export async function createRepresentative(
  db: Database,
  principal: Principal,
  input: z.infer<typeof createRepresentativeInput>,
): Promise<Representative> {
  return inOrganization(db, principal.organizationId, async (trx) => {
    const id = await repository.insertRepresentative(trx, principal.organizationId, {
      name: input.name,
      relation: input.relation,
      email: input.email ?? null,
      phone: input.phone ?? null,
      consentNoted: input.consentNoted ?? false,
    });
    return toRepresentative((await repository.findRepresentative(trx, id)) as RepresentativeRow);
  });
}

export async function updateRepresentative(
  db: Database,
  principal: Principal,
  id: string,
  input: z.infer<typeof updateRepresentativeInput>,
): Promise<Representative> {
  return inOrganization(db, principal.organizationId, async (trx) => {
    if (!(await repository.findRepresentative(trx, id))) throw new AppError('not_found');
    await repository.updateRepresentative(trx, id, definedOnly(input));
    return toRepresentative((await repository.findRepresentative(trx, id)) as RepresentativeRow);
  });
}
