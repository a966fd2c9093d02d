import type { ReferenceValueKind } from '../../../contract/reference-data.ts';
import type { Scoped } from '../../db/tenant-scope.ts';

const COLUMNS = ['kind', 'code', 'label', 'sort_order as sortOrder', 'active'] as const;

export async function listReferenceValues(
  trx: Scoped,
  filter: { kind?: ReferenceValueKind | undefined; active?: boolean | undefined },
) {
  return trx
    .selectFrom('reference_value')
    .select(COLUMNS)
    .$if(filter.kind !== undefined, (query) => query.where('kind', '=', filter.kind as ReferenceValueKind))
    .$if(filter.active !== undefined, (query) => query.where('active', '=', filter.active as boolean))
    .orderBy('kind')
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
}

export async function findReferenceValue(trx: Scoped, kind: ReferenceValueKind, code: string) {
  return trx
    .selectFrom('reference_value')
    .select(COLUMNS)
    .where('kind', '=', kind)
    .where('code', '=', code)
    .executeTakeFirst();
}

/** Codes are the domain's and never change; only how they are shown does. */
export async function updateReferenceValue(
  trx: Scoped,
  kind: ReferenceValueKind,
  code: string,
  values: { label?: string; sortOrder?: number; active?: boolean },
) {
  if (Object.keys(values).length === 0) return;
  await trx
    .updateTable('reference_value')
    .set({
      ...(values.label !== undefined ? { label: values.label } : {}),
      ...(values.sortOrder !== undefined ? { sort_order: values.sortOrder } : {}),
      ...(values.active !== undefined ? { active: values.active } : {}),
    })
    .where('kind', '=', kind)
    .where('code', '=', code)
    .execute();
}
