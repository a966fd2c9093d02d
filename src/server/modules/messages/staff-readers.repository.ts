import { sql } from 'kysely';
import type { StaffActor, StaffRole } from '../../../domain/index.ts';
import type { Scoped } from '../../db/tenant-scope.ts';

/** The staff members as the permission rule sees them (roles, department, departments they manage). */
export async function findStaffActors(trx: Scoped, userIds: readonly string[]): Promise<StaffActor[]> {
  if (userIds.length === 0) return [];
  const { rows } = await sql<{
    id: string;
    roles: string[];
    department_id: string | null;
    managed: string[];
  }>`
    select u.id, u.roles, u.department_id,
           coalesce(array(select d.id from department d where d.manager_user_id = u.id order by d.id), '{}') as managed
    from staff_user u where u.id = any(${[...userIds]}::uuid[])`.execute(trx);
  return rows.map((r) => ({
    userId: r.id,
    roles: r.roles as StaffRole[],
    departmentId: r.department_id,
    managedDepartmentIds: r.managed,
  }));
}

/** Names and addresses of these staff members (the answer preview's cc). */
export async function findStaffContacts(trx: Scoped, userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  return trx
    .selectFrom('staff_user')
    .select(['id', 'name', 'email'])
    .where('id', 'in', [...userIds])
    .execute();
}
