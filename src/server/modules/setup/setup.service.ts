import type { CompleteSetupInput, DemoAccount } from '../../../contract/setup.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization, type Scoped } from '../../db/tenant-scope.ts';
import { AppError } from '../../http/app-error.ts';
import { type ClientInfo, createSession, generateToken, hashToken, recordAuthEvent } from '../auth/index.ts';
import { applyInitialPortalSettings } from '../portal/index.ts';
import { insertStaffUser } from '../staff/index.ts';
import { createDemoOrganization } from './demo/demo-organization.ts';
import * as repository from './setup.repository.ts';

const SETUP_LINK_HOURS = 24;

/**
 * On an installation without staff: a one-time link (24 h) to create the first administrator. Nothing is
 * created silently and there is no default password. The token travels in the URL fragment, so it never
 * reaches server logs or Referer headers.
 */
export async function prepareSetupLink(
  owner: Database,
  publicUrl: string,
  now: Date,
): Promise<string | null> {
  const organization = await repository.findOrganizationAwaitingSetup(owner);
  if (!organization) return null;
  const token = generateToken('ghi_');
  await repository.replaceSetupToken(
    owner,
    organization.id,
    hashToken(token),
    new Date(now.getTime() + SETUP_LINK_HOURS * 3_600_000),
  );
  return `${publicUrl}/inrichten#${token}`;
}

export async function checkSetupToken(db: Database, token: string) {
  const resolved = await repository.resolveSetupToken(db, hashToken(token));
  if (!resolved) throw new AppError('setup_link_invalid');
  const organization = await inOrganization(db, resolved.organization_id, (trx) =>
    repository.findOrganizationName(trx, resolved.organization_id),
  );
  return { valid: true as const, organizationName: organization.name };
}

/**
 * A fresh installation answers website complaints at once (policy 2.1, 2.3): they go to the intake department,
 * whose manager is accountable and whose management assistant gets the cc. An intake department that does not
 * exist yet is created with the administrator in both roles (if they agree); the demo's is reused as it is.
 * Contact and committee details given here replace the demo's.
 */
async function prepareIntake(
  trx: Scoped,
  organizationId: string,
  adminId: string,
  input: CompleteSetupInput,
) {
  const { departmentName, administratorTakesCharge } = input.intake;
  let intakeId = await repository.findDepartmentIdByName(trx, departmentName);
  if (intakeId === null) {
    intakeId = await repository.insertDepartment(trx, organizationId, departmentName);
    if (administratorTakesCharge) await repository.putInCharge(trx, intakeId, adminId);
  }
  await applyInitialPortalSettings(trx, organizationId, {
    intakeDepartmentId: intakeId,
    ...(input.contact.phone ? { contactPhone: input.contact.phone } : {}),
    ...(input.contact.email ? { contactEmail: input.contact.email } : {}),
    ...(input.committee.name ? { committeeName: input.committee.name } : {}),
    ...(input.committee.contact ? { committeeContact: input.committee.contact } : {}),
    ...(input.committee.url ? { committeeUrl: input.committee.url } : {}),
  });
}

export async function completeSetup(
  db: Database,
  input: CompleteSetupInput,
  client: ClientInfo,
  now: Date,
): Promise<{ sessionToken: string; demoAccounts: DemoAccount[] }> {
  const resolved = await repository.resolveSetupToken(db, hashToken(input.token));
  if (!resolved) throw new AppError('setup_link_invalid');
  const organizationId = resolved.organization_id;
  return inOrganization(db, organizationId, async (trx) => {
    if (!(await repository.markSetupTokenUsed(trx, resolved.token_id)))
      throw new AppError('setup_link_invalid');
    if ((await repository.countStaff(trx)) > 0) throw new AppError('already_set_up');
    await repository.renameOrganization(trx, organizationId, input.organizationName);
    const admin = await insertStaffUser(trx, organizationId, {
      ...input.administrator,
      roles: ['employee', 'admin'],
    });
    const demoAccounts = input.loadDemo ? await createDemoOrganization(trx, organizationId) : [];
    await prepareIntake(trx, organizationId, admin.id, input);
    await recordAuthEvent(trx, {
      organizationId,
      type: 'setup_completed',
      actorUserId: admin.id,
      subjectUserId: admin.id,
      details: { demo: input.loadDemo },
      ...client,
    });
    const { session_absolute_hours } = await repository.findOrganizationName(trx, organizationId);
    const session = await createSession(trx, {
      organizationId,
      userId: admin.id,
      secondFactorPending: false,
      absoluteHours: session_absolute_hours,
      client,
      now,
    });
    return { sessionToken: session.token, demoAccounts };
  });
}
