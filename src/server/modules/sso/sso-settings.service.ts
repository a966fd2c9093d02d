import type { SsoSettings, UpdateSsoSettingsInput } from '../../../contract/sso.ts';
import type { StaffRole } from '../../../domain/permissions.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization } from '../../db/tenant-scope.ts';
import { AppError } from '../../http/app-error.ts';
import type { StaffPrincipal } from '../../http/principal.ts';
import { type ClientInfo, recordAuthEvent } from '../auth/index.ts';
import type { OidcClient } from './oidc/oidc-client.ts';
import * as repository from './sso.repository.ts';

type SettingsRow = NonNullable<Awaited<ReturnType<typeof repository.findSettings>>>;

function toSsoSettings(row: SettingsRow | undefined, client: OidcClient | null): SsoSettings {
  return {
    configured: client !== null,
    issuer: client?.issuer ?? null,
    redirectUri: client?.redirectUri ?? null,
    allowedIssuers: row?.allowedIssuers ?? [],
    allowedTenantIds: row?.allowedTenantIds ?? [],
    linkByEmailAllowed: row?.linkByEmailAllowed ?? false,
    provisioning: {
      enabled: row?.provisioningEnabled ?? false,
      role: (row?.provisioningRole ?? 'employee') as StaffRole,
      departmentId: row?.provisioningDepartmentId ?? null,
    },
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/** Whether the login screen should offer "sign in through your organisation". */
export async function isSsoEnabled(
  db: Database,
  client: OidcClient | null,
  organizationId: string,
): Promise<boolean> {
  if (!client) return false;
  const row = await inOrganization(db, organizationId, (trx) => repository.findSettings(trx));
  return Boolean(row && (row.allowedIssuers.length > 0 || row.allowedTenantIds.length > 0));
}

export async function getSsoSettings(
  db: Database,
  staff: StaffPrincipal,
  client: OidcClient | null,
): Promise<SsoSettings> {
  const row = await inOrganization(db, staff.organizationId, (trx) => repository.findSettings(trx));
  return toSsoSettings(row, client);
}

export async function updateSsoSettings(
  db: Database,
  staff: StaffPrincipal,
  client: OidcClient | null,
  input: UpdateSsoSettingsInput,
  clientInfo: ClientInfo,
): Promise<SsoSettings> {
  return inOrganization(db, staff.organizationId, async (trx) => {
    const departmentId = input.provisioning.departmentId;
    if (departmentId && !(await repository.departmentIsActive(trx, departmentId))) {
      throw new AppError('validation_failed', {
        fieldErrors: [
          {
            in: 'body',
            path: 'provisioning.departmentId',
            code: 'invalid_reference',
            messages: {
              nl: 'Deze afdeling bestaat niet (meer).',
              en: 'This department does not exist (any more).',
            },
          },
        ],
      });
    }
    const values = {
      allowedIssuers: [...new Set(input.allowedIssuers)],
      allowedTenantIds: [...new Set(input.allowedTenantIds.map((id) => id.toLowerCase()))],
      linkByEmailAllowed: input.linkByEmailAllowed,
      provisioningEnabled: input.provisioning.enabled,
      provisioningRole: input.provisioning.role,
      provisioningDepartmentId: departmentId,
    };
    await repository.saveSettings(trx, staff.organizationId, { ...values, updatedBy: staff.userId });
    await recordAuthEvent(trx, {
      organizationId: staff.organizationId,
      type: 'sso_settings_changed',
      actorUserId: staff.userId,
      ...clientInfo,
      details: values,
    });
    return toSsoSettings(await repository.findSettings(trx), client);
  });
}
