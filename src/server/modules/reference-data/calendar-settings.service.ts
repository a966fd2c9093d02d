import type { CalendarSettings } from '../../../domain/calendar-settings.ts';
import type { Scoped } from '../../db/tenant-scope.ts';
import { getCalendarSettingsInForce, getCurrentCalendarSettings } from './calendar-settings.repository.ts';

/**
 * The calendar settings in force now for the organisation in scope (policy 2.3): what other modules pass to the
 * domain's working-day calendar.
 */
export async function calendarSettingsFor(trx: Scoped): Promise<CalendarSettings> {
  return getCurrentCalendarSettings(trx);
}

/**
 * The calendar settings in force for a request whose credential already named the version (a cached copy is
 * exact, versions never change); the current ones without that hint. For reads; writes use `calendarSettingsFor`.
 */
export async function calendarSettingsInForce(
  trx: Scoped,
  hint: { organizationId: string; calendarSettingsVersion?: number },
): Promise<CalendarSettings> {
  return getCalendarSettingsInForce(trx, hint);
}
