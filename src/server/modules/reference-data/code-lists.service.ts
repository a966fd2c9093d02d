import type { z } from 'zod';
import type {
  CalendarSettingsView,
  ReferenceValue,
  ReferenceValueKind,
  reviseCalendarSettingsInput,
  updateReferenceValueInput,
} from '../../../contract/reference-data.ts';
import { type CalendarSettingsProblem, reviseCalendarSettings } from '../../../domain/calendar-settings.ts';
import { describeConstraintViolation } from '../../db/constraint-errors.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization, type Scoped } from '../../db/tenant-scope.ts';
import { AppError } from '../../http/app-error.ts';
import type { Principal } from '../../http/principal.ts';
import { actorUserId } from './access/access.ts';
import * as calendar from './calendar-settings.repository.ts';
import { definedOnly } from './input/patch.ts';
import * as repository from './reference-value.repository.ts';

export async function listReferenceValues(
  db: Database,
  principal: Principal,
  filter: { kind?: ReferenceValueKind | undefined; active?: boolean | undefined },
): Promise<ReferenceValue[]> {
  return inOrganization(db, principal.organizationId, (trx) => repository.listReferenceValues(trx, filter));
}

export async function updateReferenceValue(
  db: Database,
  principal: Principal,
  kind: ReferenceValueKind,
  code: string,
  input: z.infer<typeof updateReferenceValueInput>,
): Promise<ReferenceValue> {
  return inOrganization(db, principal.organizationId, async (trx) => {
    if (!(await repository.findReferenceValue(trx, kind, code))) throw new AppError('not_found');
    await repository.updateReferenceValue(trx, kind, code, definedOnly(input));
    return (await repository.findReferenceValue(trx, kind, code)) as ReferenceValue;
  });
}

type VersionRow = Awaited<ReturnType<typeof calendar.listCalendarSettingsVersions>>[number];

const toView = (row: VersionRow): CalendarSettingsView => ({
  ...row,
  closingDays: [...row.closingDays],
  createdAt: row.createdAt.toISOString(),
});

async function currentView(trx: Scoped): Promise<CalendarSettingsView> {
  const [newest] = await calendar.listCalendarSettingsVersions(trx);
  if (!newest) throw new Error('no calendar settings for the organisation in scope');
  return toView(newest);
}

export async function getCalendarSettings(db: Database, principal: Principal): Promise<CalendarSettingsView> {
  return inOrganization(db, principal.organizationId, currentView);
}

export async function listCalendarSettingsHistory(
  db: Database,
  principal: Principal,
): Promise<CalendarSettingsView[]> {
  const rows = await inOrganization(db, principal.organizationId, calendar.listCalendarSettingsVersions);
  return rows.map(toView);
}

const PROBLEM_FIELDS: Record<CalendarSettingsProblem, { path: string; nl: string; en: string }> = {
  version_invalid: { path: 'basedOnVersion', nl: 'Ongeldige versie.', en: 'Invalid version.' },
  term_length_invalid: {
    path: 'termWorkingDays',
    nl: 'De termijn moet 1 tot en met 60 werkdagen zijn.',
    en: 'The term must be 1 to 60 working days.',
  },
  cut_off_time_invalid: {
    path: 'cutOffTime',
    nl: 'Vul een tijd in als UU:MM, bijvoorbeeld 17:00.',
    en: 'Enter a time as HH:MM, for example 17:00.',
  },
  liberation_day_mode_invalid: {
    path: 'liberationDay',
    nl: 'Kies every_year, lustrum of never.',
    en: 'Choose every_year, lustrum or never.',
  },
  closing_day_invalid: {
    path: 'closingDays',
    nl: 'Elke sluitingsdag moet een bestaande datum zijn als JJJJ-MM-DD.',
    en: 'Every closing day must be an existing date as YYYY-MM-DD.',
  },
};

/** policy 2.3: a change is a new version; deadlines already computed keep the version they were computed with. */
export async function reviseSettings(
  db: Database,
  principal: Principal,
  input: z.infer<typeof reviseCalendarSettingsInput>,
): Promise<CalendarSettingsView> {
  const { basedOnVersion, ...change } = input;
  return inOrganization(db, principal.organizationId, async (trx) => {
    const current = await calendar.getCurrentCalendarSettings(trx);
    if (basedOnVersion !== undefined && basedOnVersion !== current.version) {
      throw new AppError('conflict', { detail: `Version ${current.version} is current now.` });
    }
    const revised = reviseCalendarSettings(current, definedOnly(change));
    if (!revised.ok) {
      const field = PROBLEM_FIELDS[revised.reason];
      throw new AppError('calendar_settings_invalid', {
        fieldErrors: [
          { in: 'body', path: field.path, code: revised.reason, messages: { nl: field.nl, en: field.en } },
        ],
      });
    }
    await calendar
      .insertCalendarSettings(trx, principal.organizationId, revised.settings, actorUserId(principal))
      .catch((error: unknown) => {
        // Two administrators saving at once both compute the same next version: the second one must retry.
        if (describeConstraintViolation(error)?.kind === 'unique') throw new AppError('conflict');
        throw error;
      });
    return currentView(trx);
  });
}
