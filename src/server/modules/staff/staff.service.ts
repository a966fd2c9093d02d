import { randomBytes } from 'node:crypto';
import type { Department, StaffUser } from '../../../contract/staff.ts';
import { describeConstraintViolation } from '../../db/constraint-errors.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization, type Scoped } from '../../db/tenant-scope.ts';
import { AppError } from '../../http/app-error.ts';
import type { StaffPrincipal } from '../../http/principal.ts';
import {
  assertPasswordAllowed,
  type ClientInfo,
  endSessionsOfUser,
  hashPassword,
  recordAuthEvent,
} from '../auth/index.ts';
import * as repository from './staff.repository.ts';

type UserRow = NonNullable<Awaited<ReturnType<typeof repository.findUser>>>;

export function toStaffUser(row: UserRow): StaffUser {
  return {
    ...row,
    roles: row.roles as StaffUser['roles'],
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

function fieldError(path: string, nl: string, en: string, code = 'invalid_reference') {
  return new AppError('validation_failed', {
    fieldErrors: [{ in: 'body', path, code, messages: { nl, en } }],
  });
}

/** Turns a constraint violation into the 4xx the user can act on; anything else is rethrown. */
function translateConstraint(error: unknown): never {
  const violation = describeConstraintViolation(error);
  if (violation?.kind === 'unique' && violation.constraint.includes('email'))
    throw new AppError('email_taken');
  if (violation?.kind === 'unique' && violation.constraint.includes('name')) throw new AppError('name_taken');
  if (violation?.kind === 'foreign_key' && violation.constraint.includes('department')) {
    throw fieldError('departmentId', 'Deze afdeling bestaat niet.', 'This department does not exist.');
  }
  if (violation?.kind === 'foreign_key' && violation.constraint.includes('manager')) {
    throw fieldError('managerUserId', 'Deze medewerker bestaat niet.', 'This staff member does not exist.');
  }
  throw error;
}

export function generateInitialPassword(): string {
  // 18 random bytes → 24 base64url characters: far beyond the policy, easy to copy once.
  return randomBytes(18).toString('base64url');
}

export async function listDepartments(db: Database, staff: StaffPrincipal): Promise<Department[]> {
  const rows = await inOrganization(db, staff.organizationId, (trx) => repository.listDepartments(trx));
  return rows.map((row) => ({ ...row, staffCount: Number(row.staffCount ?? 0) }));
}

export async function createDepartment(
  db: Database,
  staff: StaffPrincipal,
  input: { name: string; managerUserId?: string | null | undefined },
): Promise<Department> {
  return inOrganization(db, staff.organizationId, async (trx) => {
    const id = await repository
      .insertDepartment(trx, staff.organizationId, {
        name: input.name,
        managerUserId: input.managerUserId ?? null,
      })
      .catch(translateConstraint);
    return findDepartmentOrThrow(trx, id);
  });
}

export async function updateDepartment(
  db: Database,
  staff: StaffPrincipal,
  id: string,
  input: {
    name?: string | undefined;
    managerUserId?: string | null | undefined;
    active?: boolean | undefined;
  },
): Promise<Department> {
  return inOrganization(db, staff.organizationId, async (trx) => {
    if (!(await repository.findDepartment(trx, id))) throw new AppError('not_found');
    await repository
      .updateDepartment(trx, id, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.managerUserId !== undefined ? { managerUserId: input.managerUserId } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
      })
      .catch(translateConstraint);
    return findDepartmentOrThrow(trx, id);
  });
}

async function findDepartmentOrThrow(trx: Scoped, id: string): Promise<Department> {
  const row = (await repository.listDepartments(trx)).find((d) => d.id === id);
  if (!row) throw new AppError('not_found');
  return { ...row, staffCount: Number(row.staffCount ?? 0) };
}

export async function listUsers(
  db: Database,
  staff: StaffPrincipal,
  filter: { active?: boolean | undefined; departmentId?: string | undefined; search?: string | undefined },
): Promise<StaffUser[]> {
  const rows = await inOrganization(db, staff.organizationId, (trx) =>
    repository.listUsers(trx, {
      ...(filter.active !== undefined ? { active: filter.active } : {}),
      ...(filter.departmentId ? { departmentId: filter.departmentId } : {}),
      ...(filter.search ? { search: filter.search } : {}),
    }),
  );
  return rows.map(toStaffUser);
}

export async function getUser(db: Database, staff: StaffPrincipal, id: string): Promise<StaffUser> {
  const row = await inOrganization(db, staff.organizationId, (trx) => repository.findUser(trx, id));
  if (!row) throw new AppError('not_found');
  return toStaffUser(row);
}

export type CreateUserInput = {
  name: string;
  email: string;
  departmentId?: string | null | undefined;
  roles: string[];
  password?: string | undefined;
  ssoLinkAllowed?: boolean | undefined;
};

/** Creates an account within an open transaction (also used by setup and the demo organisation). */
export async function insertStaffUser(
  trx: Scoped,
  organizationId: string,
  input: CreateUserInput,
): Promise<{ id: string; initialPassword: string | null }> {
  const initialPassword = input.password === undefined ? generateInitialPassword() : null;
  const password = input.password ?? (initialPassword as string);
  assertPasswordAllowed('password', password, { email: input.email, name: input.name });
  const id = await repository
    .insertUser(trx, organizationId, {
      name: input.name,
      email: input.email,
      departmentId: input.departmentId ?? null,
      roles: [...new Set(input.roles)],
      passwordHash: await hashPassword(password),
      ssoLinkAllowed: input.ssoLinkAllowed ?? false,
    })
    .catch(translateConstraint);
  return { id, initialPassword };
}

export async function createUser(
  db: Database,
  staff: StaffPrincipal,
  input: CreateUserInput,
  client: ClientInfo,
) {
  return inOrganization(db, staff.organizationId, async (trx) => {
    const created = await insertStaffUser(trx, staff.organizationId, input);
    await recordAuthEvent(trx, {
      organizationId: staff.organizationId,
      type: 'user_created',
      actorUserId: staff.userId,
      subjectUserId: created.id,
      details: { roles: input.roles },
      ...client,
    });
    const row = await repository.findUser(trx, created.id);
    return { user: toStaffUser(row as UserRow), initialPassword: created.initialPassword };
  });
}

export async function updateUser(
  db: Database,
  staff: StaffPrincipal,
  id: string,
  input: {
    name?: string | undefined;
    email?: string | undefined;
    departmentId?: string | null | undefined;
    roles?: string[] | undefined;
    active?: boolean | undefined;
    ssoLinkAllowed?: boolean | undefined;
  },
  client: ClientInfo,
): Promise<StaffUser> {
  return inOrganization(db, staff.organizationId, async (trx) => {
    const before = await repository.findUser(trx, id);
    if (!before) throw new AppError('not_found');
    const roles = input.roles ? [...new Set(input.roles)] : undefined;
    const losesAdmin =
      before.active &&
      before.roles.includes('admin') &&
      (input.active === false || (roles !== undefined && !roles.includes('admin')));
    if (losesAdmin && (await repository.countActiveAdmins(trx)) <= 1) {
      throw new AppError('conflict', { detail: 'The last active administrator cannot be removed.' });
    }
    await repository
      .updateUser(trx, id, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.email !== undefined ? { email: input.email } : {}),
        ...(input.departmentId !== undefined ? { departmentId: input.departmentId } : {}),
        ...(roles !== undefined ? { roles } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
        ...(input.ssoLinkAllowed !== undefined ? { ssoLinkAllowed: input.ssoLinkAllowed } : {}),
      })
      .catch(translateConstraint);
    const audit = {
      organizationId: staff.organizationId,
      actorUserId: staff.userId,
      subjectUserId: id,
      ...client,
    };
    if (roles && [...roles].sort().join() !== [...before.roles].sort().join()) {
      await recordAuthEvent(trx, {
        ...audit,
        type: 'roles_changed',
        details: { from: before.roles, to: roles },
      });
    }
    if (input.active === false && before.active) {
      await endSessionsOfUser(trx, id);
      await recordAuthEvent(trx, { ...audit, type: 'user_deactivated' });
    } else if (input.active === true && !before.active) {
      await recordAuthEvent(trx, { ...audit, type: 'user_reactivated' });
    }
    const changed = Object.keys(input).filter((key) => key !== 'roles' && key !== 'active');
    if (changed.length > 0)
      await recordAuthEvent(trx, { ...audit, type: 'user_updated', details: { fields: changed } });
    return toStaffUser((await repository.findUser(trx, id)) as UserRow);
  });
}

/** Is this an active staff member of the organisation in scope? (e.g. the owner of an improvement action) */
export async function isActiveStaffMember(trx: Scoped, id: string): Promise<boolean> {
  return (await repository.findUser(trx, id))?.active === true;
}

/** Is this a department of the organisation in scope (active or not)? */
export async function departmentExists(trx: Scoped, id: string): Promise<boolean> {
  return (await repository.findDepartment(trx, id)) !== undefined;
}
