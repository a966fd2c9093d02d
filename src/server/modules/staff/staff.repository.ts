import { sql } from 'kysely';
import type { Scoped } from '../../db/tenant-scope.ts';

export async function listDepartments(trx: Scoped) {
  return trx
    .selectFrom('department as d')
    .leftJoin('staff_user as m', 'm.id', 'd.manager_user_id')
    .select((eb) => [
      'd.id',
      'd.name',
      'd.manager_user_id as managerUserId',
      'm.name as managerName',
      'd.active',
      eb
        .selectFrom('staff_user as u')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('u.department_id', '=', 'd.id')
        .where('u.active', '=', true)
        .as('staffCount'),
    ])
    .orderBy('d.name')
    .execute();
}

export async function findDepartment(trx: Scoped, id: string) {
  return trx.selectFrom('department').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertDepartment(
  trx: Scoped,
  organizationId: string,
  values: { name: string; managerUserId: string | null },
) {
  const row = await trx
    .insertInto('department')
    .values({ organization_id: organizationId, name: values.name, manager_user_id: values.managerUserId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateDepartment(
  trx: Scoped,
  id: string,
  values: { name?: string; managerUserId?: string | null; active?: boolean },
) {
  await trx
    .updateTable('department')
    .set({
      ...(values.name !== undefined ? { name: values.name } : {}),
      ...(values.managerUserId !== undefined ? { manager_user_id: values.managerUserId } : {}),
      ...(values.active !== undefined ? { active: values.active } : {}),
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute();
}

function selectUsers(trx: Scoped) {
  return trx
    .selectFrom('staff_user as u')
    .leftJoin('department as d', 'd.id', 'u.department_id')
    .select([
      'u.id',
      'u.name',
      'u.email',
      'u.department_id as departmentId',
      'd.name as departmentName',
      'u.roles',
      'u.active',
      'u.totp_enabled as secondFactorEnabled',
      'u.sso_link_allowed as ssoLinkAllowed',
      'u.last_login_at as lastLoginAt',
      'u.created_at as createdAt',
    ]);
}

export async function listUsers(
  trx: Scoped,
  filter: { active?: boolean; departmentId?: string; search?: string },
) {
  let query = selectUsers(trx).orderBy('u.name');
  if (filter.active !== undefined) query = query.where('u.active', '=', filter.active);
  if (filter.departmentId) query = query.where('u.department_id', '=', filter.departmentId);
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('u.name', 'ilike', pattern), eb('u.email', 'ilike', pattern)]));
  }
  return query.execute();
}

export async function findUser(trx: Scoped, id: string) {
  return selectUsers(trx).where('u.id', '=', id).executeTakeFirst();
}

export async function findUserIdByEmail(trx: Scoped, email: string) {
  const row = await trx.selectFrom('staff_user').select('id').where('email', '=', email).executeTakeFirst();
  return row?.id ?? null;
}

export async function insertUser(
  trx: Scoped,
  organizationId: string,
  values: {
    name: string;
    email: string;
    departmentId: string | null;
    roles: string[];
    passwordHash: string | null;
    ssoLinkAllowed: boolean;
  },
) {
  const row = await trx
    .insertInto('staff_user')
    .values({
      organization_id: organizationId,
      name: values.name,
      email: values.email,
      department_id: values.departmentId,
      roles: values.roles,
      password_hash: values.passwordHash,
      sso_link_allowed: values.ssoLinkAllowed,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUser(
  trx: Scoped,
  id: string,
  values: {
    name?: string;
    email?: string;
    departmentId?: string | null;
    roles?: string[];
    active?: boolean;
    ssoLinkAllowed?: boolean;
  },
) {
  await trx
    .updateTable('staff_user')
    .set({
      ...(values.name !== undefined ? { name: values.name } : {}),
      ...(values.email !== undefined ? { email: values.email } : {}),
      ...(values.departmentId !== undefined ? { department_id: values.departmentId } : {}),
      ...(values.roles !== undefined ? { roles: values.roles } : {}),
      ...(values.ssoLinkAllowed !== undefined ? { sso_link_allowed: values.ssoLinkAllowed } : {}),
      ...(values.active !== undefined
        ? { active: values.active, deactivated_at: values.active ? null : sql<Date>`now()` }
        : {}),
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute();
}

export async function countActiveAdmins(trx: Scoped): Promise<number> {
  const row = await trx
    .selectFrom('staff_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('active', '=', true)
    .where(sql<boolean>`'admin' = any(roles)`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
