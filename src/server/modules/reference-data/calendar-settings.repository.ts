import { sql } from 'kysely';
import type { CalendarSettings } from '../../../domain/calendar-settings.ts';
import { executeKept } from '../../db/kept-statements.ts';
import type { Scoped } from '../../db/tenant-scope.ts';

const COLUMNS = [
  's.version',
  's.term_working_days as termWorkingDays',
  's.cut_off_time as cutOffTime',
  's.good_friday_is_day_off as goodFridayIsDayOff',
  's.liberation_day as liberationDay',
  // text[]: calendar days stay 'YYYY-MM-DD' labels, never time-zone-shifted Dates
  sql<string[]>`s.closing_days::text[]`.as('closingDays'),
  's.created_at as createdAt',
] as const;

type Row = { version: number; termWorkingDays: number; cutOffTime: string; goodFridayIsDayOff: boolean } & {
  liberationDay: CalendarSettings['liberationDay'];
  closingDays: string[];
};

function toDomain(row: Row): CalendarSettings {
  return Object.freeze({
    version: row.version,
    termWorkingDays: row.termWorkingDays,
    cutOffTime: row.cutOffTime,
    goodFridayIsDayOff: row.goodFridayIsDayOff,
    liberationDay: row.liberationDay,
    closingDays: Object.freeze([...row.closingDays]),
  });
}

function settingsQuery(trx: Scoped) {
  // The explicit filter keeps an owner connection (which bypasses row-level security) in one organisation too.
  return trx
    .selectFrom('calendar_settings as s')
    .where(sql<boolean>`s.organization_id = current_organization_id()`);
}

/**
 * The organisation's calendar settings in force now: the highest version (policy 2.3). Every organisation
 * has version 1 from the moment it is created (migration 013's trigger), so none found is a broken database.
 */
export async function getCurrentCalendarSettings(trx: Scoped): Promise<CalendarSettings> {
  // Decision 055: kept (every registration reads it; parsed and planned once per connection)
  const [row] = await executeKept(
    trx,
    settingsQuery(trx).select(COLUMNS).orderBy('s.version', 'desc').limit(1),
  );
  if (!row) throw new Error('no calendar settings for the organisation in scope');
  return toDomain(row);
}

/** One stored version, e.g. the one a complaint's deadline was computed with; null when unknown. */
export async function getCalendarSettingsVersion(
  trx: Scoped,
  version: number,
): Promise<CalendarSettings | null> {
  const row = await settingsQuery(trx).select(COLUMNS).where('s.version', '=', version).executeTakeFirst();
  return row ? toDomain(row) : null;
}

/** Every version, newest first, with who made it. */
export async function listCalendarSettingsVersions(trx: Scoped) {
  const rows = await settingsQuery(trx)
    .leftJoin('staff_user as u', 'u.id', 's.created_by')
    .select([...COLUMNS, 'u.name as createdByName'])
    .orderBy('s.version', 'desc')
    .execute();
  return rows.map((row) => ({
    ...toDomain(row),
    createdAt: row.createdAt,
    createdByName: row.createdByName,
  }));
}

/** Versions are only ever added (the app role has no update grant): a stored deadline keeps its version. */
export async function insertCalendarSettings(
  trx: Scoped,
  organizationId: string,
  settings: CalendarSettings,
  createdBy: string | null,
): Promise<void> {
  await trx
    .insertInto('calendar_settings')
    .values({
      organization_id: organizationId,
      version: settings.version,
      term_working_days: settings.termWorkingDays,
      cut_off_time: settings.cutOffTime,
      good_friday_is_day_off: settings.goodFridayIsDayOff,
      liberation_day: settings.liberationDay,
      closing_days: [...settings.closingDays],
      created_by: createdBy,
    })
    .execute();
}

const knownVersions = new Map<string, CalendarSettings>();
const KNOWN_VERSIONS_LIMIT = 2_000;

/**
 * The settings in force for a request, when the credential lookup already told which version that is: a
 * version never changes once written (the application role may not update them), so a cached copy is exact.
 * Without a hint it reads the current version as usual. Writes keep using `getCurrentCalendarSettings`.
 */
export async function getCalendarSettingsInForce(
  trx: Scoped,
  hint: { organizationId: string; calendarSettingsVersion?: number },
): Promise<CalendarSettings> {
  if (hint.calendarSettingsVersion === undefined) return getCurrentCalendarSettings(trx);
  const key = `${hint.organizationId}:${hint.calendarSettingsVersion}`;
  const known = knownVersions.get(key);
  if (known) return known;
  const settings = await getCalendarSettingsVersion(trx, hint.calendarSettingsVersion);
  if (!settings) return getCurrentCalendarSettings(trx);
  if (knownVersions.size >= KNOWN_VERSIONS_LIMIT) knownVersions.clear();
  knownVersions.set(key, settings);
  return settings;
}
