import type { Scoped } from '../../db/tenant-scope.ts';

// Work-queue views (migration 073). Row-level security keeps them in the organisation; who sees which view is
// decided here: the owner's own, and those shared with one of the reader's departments.

function selectViews(trx: Scoped) {
  return trx
    .selectFrom('saved_view as v')
    .innerJoin('staff_user as s', 's.id', 'v.owner_id')
    .select([
      'v.id',
      'v.name',
      'v.query',
      'v.shared',
      'v.owner_id as ownerId',
      's.name as ownerName',
      'v.created_at as createdAt',
    ]);
}

export async function listVisibleViews(trx: Scoped, userId: string, departmentIds: readonly string[]) {
  return selectViews(trx)
    .where((eb) =>
      departmentIds.length === 0
        ? eb('v.owner_id', '=', userId)
        : eb.or([
            eb('v.owner_id', '=', userId),
            eb.and([eb('v.shared', '=', true), eb('v.department_id', 'in', [...departmentIds])]),
          ]),
    )
    .orderBy('v.name')
    .orderBy('v.id')
    .execute();
}

export async function findVisibleView(
  trx: Scoped,
  id: string,
  userId: string,
  departmentIds: readonly string[],
) {
  const views = await listVisibleViews(trx, userId, departmentIds);
  return views.find((view) => view.id === id);
}

/** One name per owner: saving under an existing name replaces that view. */
export async function upsertView(
  trx: Scoped,
  values: {
    organizationId: string;
    ownerId: string;
    name: string;
    query: string;
    shared: boolean;
    departmentId: string | null;
  },
) {
  const row = await trx
    .insertInto('saved_view')
    .values({
      organization_id: values.organizationId,
      owner_id: values.ownerId,
      name: values.name,
      query: values.query,
      shared: values.shared,
      department_id: values.departmentId,
    })
    .onConflict((oc) =>
      oc.columns(['owner_id', 'name']).doUpdateSet({
        query: values.query,
        shared: values.shared,
        department_id: values.departmentId,
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteOwnView(trx: Scoped, id: string, ownerId: string): Promise<boolean> {
  const result = await trx
    .deleteFrom('saved_view')
    .where('id', '=', id)
    .where('owner_id', '=', ownerId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
