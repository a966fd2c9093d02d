import { DEFAULT_MONITOR_SETTINGS } from '../../../domain/index.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization } from '../../db/tenant-scope.ts';
import type { Principal } from '../../http/principal.ts';
import * as repository from './notification.repository.ts';

// Per organisation: after how many working days an undecided board is reminded of a suspected offence (policy 2.5).

export type TermMonitorSettingsView = { boardReminderWorkingDays: number; updatedAt: string | null };

export function getTermMonitorSettings(db: Database, principal: Principal): Promise<TermMonitorSettingsView> {
  return inOrganization(db, principal.organizationId, async (trx) => {
    const own = await repository.findTermMonitorSettings(trx, principal.organizationId);
    return {
      boardReminderWorkingDays:
        own?.boardReminderWorkingDays ?? DEFAULT_MONITOR_SETTINGS.boardReminderWorkingDays,
      updatedAt: own?.updatedAt.toISOString() ?? null,
    };
  });
}

export async function updateTermMonitorSettings(
  db: Database,
  principal: Principal,
  input: { boardReminderWorkingDays: number },
): Promise<TermMonitorSettingsView> {
  await inOrganization(db, principal.organizationId, (trx) =>
    repository.saveTermMonitorSettings(
      trx,
      principal.organizationId,
      input,
      principal.kind === 'staff' ? principal.userId : null,
    ),
  );
  return getTermMonitorSettings(db, principal);
}
