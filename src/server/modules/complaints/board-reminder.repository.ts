import { DEFAULT_MONITOR_SETTINGS } from '../../../domain/index.ts';
import type { Scoped } from '../../db/tenant-scope.ts';

/**
 * After how many working days an undecided board is reminded (policy 2.5), as the organisation set it in the
 * term monitor's settings (kept by the notifications module), else the default.
 */
export async function getBoardReminderWorkingDays(trx: Scoped, organizationId: string): Promise<number> {
  const own = await trx
    .selectFrom('term_monitor_settings')
    .select('board_reminder_working_days as boardReminderWorkingDays')
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return own?.boardReminderWorkingDays ?? DEFAULT_MONITOR_SETTINGS.boardReminderWorkingDays;
}
