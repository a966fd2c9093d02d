import type { StaffRole } from '../../src/domain/permissions.ts';
import type { Database } from '../../src/server/db/database.ts';
import { hashPassword } from '../../src/server/modules/auth/credentials/password-hashing.ts';

export const TEST_PASSWORD = 'Lange-zin-voor-tests-2026';
let passwordHash: Promise<string> | null = null;

/** A staff account with a known password (hashed once per file: argon2 is slow on purpose). */
export async function createStaffUser(
  owner: Database,
  organizationId: string,
  overrides: Partial<{
    name: string;
    email: string;
    roles: StaffRole[];
    departmentId: string | null;
    active: boolean;
  }> = {},
) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const suffix = Math.random().toString(36).slice(2, 8);
  return owner
    .insertInto('staff_user')
    .values({
      organization_id: organizationId,
      name: overrides.name ?? `Medewerker ${suffix}`,
      email: overrides.email ?? `medewerker-${suffix}@example.nl`,
      roles: overrides.roles ?? ['employee'],
      department_id: overrides.departmentId ?? null,
      active: overrides.active ?? true,
      password_hash: await passwordHash,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function createDepartment(
  owner: Database,
  organizationId: string,
  overrides: Partial<{ name: string; managerUserId: string | null }> = {},
) {
  return owner
    .insertInto('department')
    .values({
      organization_id: organizationId,
      name: overrides.name ?? `Afdeling ${Math.random().toString(36).slice(2, 8)}`,
      manager_user_id: overrides.managerUserId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
