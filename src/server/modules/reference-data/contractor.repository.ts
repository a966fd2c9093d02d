import { sql } from 'kysely';
import type { Scoped } from '../../db/tenant-scope.ts';
import { matchesAllWords } from './search.repository.ts';

export type ContractorValues = {
  name: string;
  trade: string | null;
  active: boolean;
  responsible_department_id: string | null;
};

const COLUMNS = [
  'k.id',
  'k.name',
  'k.trade',
  'k.active',
  'k.responsible_department_id as responsibleDepartmentId',
  'd.name as responsibleDepartmentName',
  'k.created_at as createdAt',
] as const;

function contractorQuery(trx: Scoped, filter: { words: string[]; active?: boolean | undefined }) {
  return trx
    .selectFrom('contractor as k')
    .leftJoin('department as d', 'd.id', 'k.responsible_department_id')
    .$if(filter.active !== undefined, (query) => query.where('k.active', '=', filter.active as boolean))
    .$if(filter.words.length > 0, (query) =>
      query.where((eb) => matchesAllWords(eb, filter.words, [sql`k.name`, sql`k.trade`])),
    );
}

export async function listContractors(
  trx: Scoped,
  filter: { words: string[]; active?: boolean | undefined; limit: number; offset: number },
) {
  const [rows, count] = await Promise.all([
    contractorQuery(trx, filter)
      .select(COLUMNS)
      .orderBy('k.name')
      .orderBy('k.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    contractorQuery(trx, filter)
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export async function findContractor(trx: Scoped, id: string) {
  return trx
    .selectFrom('contractor as k')
    .leftJoin('department as d', 'd.id', 'k.responsible_department_id')
    .select(COLUMNS)
    .where('k.id', '=', id)
    .executeTakeFirst();
}

/** A contractor's responsible department must be one of this organisation's active departments. */
export async function activeDepartmentExists(trx: Scoped, id: string): Promise<boolean> {
  const row = await trx
    .selectFrom('department')
    .select('id')
    .where('id', '=', id)
    .where('active', '=', true)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertContractor(
  trx: Scoped,
  organizationId: string,
  values: Omit<ContractorValues, 'active'>,
) {
  const row = await trx
    .insertInto('contractor')
    .values({
      organization_id: organizationId,
      name: values.name,
      trade: values.trade,
      responsible_department_id: values.responsible_department_id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateContractor(trx: Scoped, id: string, values: Partial<ContractorValues>) {
  if (Object.keys(values).length === 0) return;
  await trx.updateTable('contractor').set(values).where('id', '=', id).execute();
}
