import type { CalendarSettings } from '../../../domain/calendar-settings.ts';
import type { Scoped } from '../../db/tenant-scope.ts';
import { getCurrentCalendarSettings } from './calendar-settings.repository.ts';

/**
 * The calendar settings in force now for the organisation in scope (policy 2.3): what other modules pass to the
 * domain's working-day calendar.
 */
export async function calendarSettingsFor(trx: Scoped): Promise<CalendarSettings> {
  return getCurrentCalendarSettings(trx);
}
