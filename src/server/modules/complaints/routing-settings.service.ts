import type { RoutingSettings, UpdateRoutingSettingsInput } from '../../../contract/routing-settings.ts';
import { DEFAULT_ORGANIZATION_ROUTING_RULE, type OrganizationRoutingRule } from '../../../domain/index.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization, type Scoped } from '../../db/tenant-scope.ts';
import type { Principal } from '../../http/principal.ts';
import * as repository from './routing-settings.repository.ts';

// Per organisation: does a complaint about an employee's conduct go to their manager (policy 1.3)?

/** The rule routing applies in the organisation in scope: its own settings, or the default (off). */
export async function findOrganizationRoutingRule(trx: Scoped): Promise<OrganizationRoutingRule> {
  const own = await repository.findRoutingSettings(trx);
  return { conductToManager: own?.conductToManager ?? DEFAULT_ORGANIZATION_ROUTING_RULE.conductToManager };
}

export function getRoutingSettings(db: Database, principal: Principal): Promise<RoutingSettings> {
  return inOrganization(db, principal.organizationId, async (trx) => {
    const own = await repository.findRoutingSettings(trx);
    return {
      conductToManager: own?.conductToManager ?? DEFAULT_ORGANIZATION_ROUTING_RULE.conductToManager,
      updatedAt: own?.updatedAt.toISOString() ?? null,
    };
  });
}

export async function updateRoutingSettings(
  db: Database,
  principal: Principal,
  input: UpdateRoutingSettingsInput,
): Promise<RoutingSettings> {
  await inOrganization(db, principal.organizationId, (trx) =>
    repository.saveRoutingSettings(
      trx,
      principal.organizationId,
      input,
      principal.kind === 'staff' ? principal.userId : null,
    ),
  );
  return getRoutingSettings(db, principal);
}
