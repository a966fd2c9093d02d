import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Scoped } from '../../db/tenant-scope.ts';

/** Owner connection: the default organisation when it has no staff yet (a fresh installation). */
export async function findOrganizationAwaitingSetup(owner: Database) {
  return owner
    .selectFrom('organization as o')
    .select(['o.id', 'o.name'])
    .where('o.is_default', '=', true)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('staff_user as u').select('u.id').whereRef('u.organization_id', '=', 'o.id'))),
    )
    .executeTakeFirst();
}

/** A new link replaces any earlier unused one. */
export async function replaceSetupToken(
  owner: Database,
  organizationId: string,
  tokenHash: string,
  expiresAt: Date,
) {
  await owner.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('setup_token')
      .where('organization_id', '=', organizationId)
      .where('used_at', 'is', null)
      .execute();
    await trx
      .insertInto('setup_token')
      .values({ organization_id: organizationId, token_hash: tokenHash, expires_at: expiresAt })
      .execute();
  });
}

export async function resolveSetupToken(db: Database, tokenHash: string) {
  const result = await sql<{ organization_id: string; token_id: string }>`
    select organization_id, token_id from resolve_setup_token(${tokenHash})`.execute(db);
  return result.rows[0] ?? null;
}

export async function markSetupTokenUsed(trx: Scoped, tokenId: string): Promise<boolean> {
  const result = await trx
    .updateTable('setup_token')
    .set({ used_at: sql`now()` })
    .where('id', '=', tokenId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countStaff(trx: Scoped): Promise<number> {
  const row = await trx
    .selectFrom('staff_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function renameOrganization(trx: Scoped, organizationId: string, name: string) {
  await trx.updateTable('organization').set({ name }).where('id', '=', organizationId).execute();
}

export async function findOrganizationName(trx: Scoped, organizationId: string) {
  const row = await trx
    .selectFrom('organization')
    .select(['name', 'session_absolute_hours'])
    .where('id', '=', organizationId)
    .executeTakeFirstOrThrow();
  return row;
}

/** What the admin start page checks (domain `listSetupGaps`): departments, staff and the portal settings. */
export async function loadSetupFacts(trx: Scoped) {
  const [departments, staff, settings] = await Promise.all([
    trx
      .selectFrom('department')
      .select(['id', 'name', 'manager_user_id as managerUserId', 'active'])
      .orderBy('name')
      .execute(),
    trx.selectFrom('staff_user').select(['id', 'department_id as departmentId', 'roles', 'active']).execute(),
    trx
      .selectFrom('portal_settings')
      .select([
        'intake_department_id',
        'contact_phone',
        'contact_email',
        'committee_name',
        'committee_contact',
        'committee_url',
      ])
      .executeTakeFirst(),
  ]);
  return { departments, staff, settings: settings ?? null };
}

export async function findDepartmentIdByName(trx: Scoped, name: string): Promise<string | null> {
  const row = await trx
    .selectFrom('department')
    .select('id')
    .where(sql<string>`lower(name)`, '=', name.toLowerCase())
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function insertDepartment(trx: Scoped, organizationId: string, name: string): Promise<string> {
  const row = await trx
    .insertInto('department')
    .values({ organization_id: organizationId, name })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The administrator becomes the department's manager and a management assistant working in it. */
export async function putInCharge(trx: Scoped, departmentId: string, userId: string): Promise<void> {
  await trx
    .updateTable('department')
    .set({ manager_user_id: userId })
    .where('id', '=', departmentId)
    .execute();
  await trx
    .updateTable('staff_user')
    .set({
      department_id: departmentId,
      roles: sql<
        string[]
      >`(select array_agg(distinct r) from unnest(roles || array['manager', 'management_assistant']) r)`,
    })
    .where('id', '=', userId)
    .execute();
}

/** The demo organisation's managers: only the department's manager, roles stay as given. */
export async function setDepartmentManager(trx: Scoped, departmentId: string, userId: string): Promise<void> {
  await trx
    .updateTable('department')
    .set({ manager_user_id: userId })
    .where('id', '=', departmentId)
    .execute();
}

export async function insertHousingComplexes(
  trx: Scoped,
  organizationId: string,
  complexes: readonly { complex_number: string; name: string; place: string }[],
): Promise<void> {
  await trx
    .insertInto('housing_complex')
    .values(complexes.map((complex) => ({ ...complex, organization_id: organizationId })))
    .execute();
}
