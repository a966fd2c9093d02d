import type { z } from 'zod';
import type {
  Contractor,
  contractorListQuery,
  createContractorInput,
  Page,
  updateContractorInput,
} from '../../../contract/reference-data.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization, type Scoped } from '../../db/tenant-scope.ts';
import { AppError } from '../../http/app-error.ts';
import type { Principal } from '../../http/principal.ts';
import * as repository from './contractor.repository.ts';
import { translateUniqueViolation } from './errors/constraint-errors.ts';
import { definedOnly } from './input/patch.ts';
import { searchWords } from './input/search.ts';

type ContractorRow = NonNullable<Awaited<ReturnType<typeof repository.findContractor>>>;

const toContractor = (row: ContractorRow): Contractor => ({ ...row, createdAt: row.createdAt.toISOString() });

const contractorUniques = translateUniqueViolation([
  {
    constraint: 'contractor_name',
    path: 'name',
    nl: 'Er is al een derde met deze naam.',
    en: 'There already is a contractor with this name.',
  },
]);

/** 422 on the field when the responsible department is not an active department of this organisation. */
async function checkResponsibleDepartment(trx: Scoped, departmentId: string | null | undefined) {
  if (departmentId === null || departmentId === undefined) return;
  if (await repository.activeDepartmentExists(trx, departmentId)) return;
  throw new AppError('department_unknown', {
    fieldErrors: [
      {
        in: 'body',
        path: 'responsibleDepartmentId',
        code: 'invalid_reference',
        messages: {
          nl: 'Kies een afdeling die bestaat en actief is.',
          en: 'Choose a department that exists and is active.',
        },
      },
    ],
  });
}

export async function listContractors(
  db: Database,
  principal: Principal,
  query: z.infer<typeof contractorListQuery>,
): Promise<Page<Contractor>> {
  const { rows, total } = await inOrganization(db, principal.organizationId, (trx) =>
    repository.listContractors(trx, { ...query, words: searchWords(query.search) }),
  );
  return { items: rows.map(toContractor), total, limit: query.limit, offset: query.offset };
}

export async function getContractor(db: Database, principal: Principal, id: string): Promise<Contractor> {
  const row = await inOrganization(db, principal.organizationId, (trx) => repository.findContractor(trx, id));
  if (!row) throw new AppError('not_found');
  return toContractor(row);
}

export async function createContractor(
  db: Database,
  principal: Principal,
  input: z.infer<typeof createContractorInput>,
): Promise<Contractor> {
  return inOrganization(db, principal.organizationId, async (trx) => {
    await checkResponsibleDepartment(trx, input.responsibleDepartmentId);
    const id = await repository
      .insertContractor(trx, principal.organizationId, {
        name: input.name,
        trade: input.trade ?? null,
        responsible_department_id: input.responsibleDepartmentId ?? null,
      })
      .catch(contractorUniques);
    return toContractor((await repository.findContractor(trx, id)) as ContractorRow);
  });
}

export async function updateContractor(
  db: Database,
  principal: Principal,
  id: string,
  input: z.infer<typeof updateContractorInput>,
): Promise<Contractor> {
  return inOrganization(db, principal.organizationId, async (trx) => {
    if (!(await repository.findContractor(trx, id))) throw new AppError('not_found');
    await checkResponsibleDepartment(trx, input.responsibleDepartmentId);
    const { responsibleDepartmentId, ...rest } = input;
    await repository
      .updateContractor(trx, id, definedOnly({ ...rest, responsible_department_id: responsibleDepartmentId }))
      .catch(contractorUniques);
    return toContractor((await repository.findContractor(trx, id)) as ContractorRow);
  });
}
