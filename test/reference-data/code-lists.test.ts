import { describe, expect, test } from 'vitest';
import { inOrganization } from '../../src/server/db/tenant-scope.ts';
import {
  getCalendarSettingsVersion,
  getCurrentCalendarSettings,
} from '../../src/server/modules/reference-data/calendar-settings.repository.ts';
import { createTestApp } from '../support/app.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganization } from '../support/factories.ts';
import { signInAs } from '../support/sessions.ts';
import { createStaffUser } from '../support/staff-factories.ts';

const database = await createTestDatabase();
const organization = await createOrganization(database.owner, { isDefault: true });
const other = await createOrganization(database.owner);
const app = await createTestApp(database.app);
const adminUser = await createStaffUser(database.owner, organization.id, {
  name: 'Ruud Mulder',
  roles: ['employee', 'admin'],
});
const admin = await signInAs(app, adminUser.email);
const employee = await signInAs(app, (await createStaffUser(database.owner, organization.id)).email);

describe('the policy’s code lists', () => {
  test('staff read them per kind, in order', async () => {
    const response = await employee.request({ url: '/api/reference-values?kind=category' });
    expect(response.statusCode).toBe(200);
    expect(response.json().map((v: { code: string }) => v.code)).toEqual([
      'no_or_late_answer',
      'repair_badly_done',
      'request_wrongly_handled',
      'treated_wrongly',
    ]);
  });

  test('an admin relabels, reorders and deactivates; codes stay; other organisations are untouched', async () => {
    const response = await admin.request({
      method: 'PATCH',
      url: '/api/reference-values/referral_target/insurer',
      payload: { label: 'Verzekeraar (Achmea)', sortOrder: 0, active: false },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      kind: 'referral_target',
      code: 'insurer',
      label: 'Verzekeraar (Achmea)',
      sortOrder: 0,
      active: false,
    });
    const active = await employee.request({ url: '/api/reference-values?kind=referral_target&active=true' });
    expect(active.json().map((v: { code: string }) => v.code)).not.toContain('insurer');
    const theirs = await database.owner
      .selectFrom('reference_value')
      .select(['label', 'active'])
      .where('organization_id', '=', other.id)
      .where('code', '=', 'insurer')
      .executeTakeFirstOrThrow();
    expect(theirs).toEqual({ label: 'Verzekeraar', active: true });
  });

  test('unknown codes are 404, bad kinds 400, employees 403', async () => {
    expect(
      (
        await admin.request({
          method: 'PATCH',
          url: '/api/reference-values/category/nieuw',
          payload: { label: 'X' },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await admin.request({
          method: 'PATCH',
          url: '/api/reference-values/soort/nieuw',
          payload: { label: 'X' },
        })
      ).statusCode,
    ).toBe(400);
    const refused = await employee.request({
      method: 'PATCH',
      url: '/api/reference-values/category/repair_badly_done',
      payload: { label: 'Anders' },
    });
    expect(refused.statusCode).toBe(403);
  });
});

describe('calendar settings are versioned (policy 2.3)', () => {
  test('a change is a new version; the old version is kept unchanged; the current one is the newest', async () => {
    const current = await employee.request({ url: '/api/calendar-settings' });
    expect(current.json()).toMatchObject({
      version: 1,
      termWorkingDays: 5,
      cutOffTime: '17:00',
      createdByName: null,
    });
    const revised = await admin.request({
      method: 'POST',
      url: '/api/calendar-settings',
      payload: {
        basedOnVersion: 1,
        cutOffTime: '16:30',
        liberationDay: 'every_year',
        closingDays: ['2026-12-31', '2026-12-24', '2026-12-31'],
      },
    });
    expect(revised.statusCode, revised.body).toBe(201);
    expect(revised.json()).toMatchObject({
      version: 2,
      termWorkingDays: 5,
      cutOffTime: '16:30',
      liberationDay: 'every_year',
      closingDays: ['2026-12-24', '2026-12-31'],
      createdByName: 'Ruud Mulder',
    });
    const history = await employee.request({ url: '/api/calendar-settings/versions' });
    expect(
      history.json().map((v: { version: number; cutOffTime: string }) => [v.version, v.cutOffTime]),
    ).toEqual([
      [2, '16:30'],
      [1, '17:00'],
    ]);

    const [now, first] = await inOrganization(database.app, organization.id, async (trx) => [
      await getCurrentCalendarSettings(trx),
      await getCalendarSettingsVersion(trx, 1),
    ]);
    expect(now).toEqual({
      version: 2,
      termWorkingDays: 5,
      cutOffTime: '16:30',
      goodFridayIsDayOff: false,
      liberationDay: 'every_year',
      closingDays: ['2026-12-24', '2026-12-31'],
    });
    expect(first?.cutOffTime).toBe('17:00');
    const theirs = await inOrganization(database.app, other.id, getCurrentCalendarSettings);
    expect(theirs.version).toBe(1);
  });

  test('the domain refuses invalid settings with 422 and a field error; nothing is stored', async () => {
    const cases = [
      [{ termWorkingDays: 0 }, 'termWorkingDays', 'term_length_invalid'],
      [{ termWorkingDays: 61 }, 'termWorkingDays', 'term_length_invalid'],
      [{ cutOffTime: '25:00' }, 'cutOffTime', 'cut_off_time_invalid'],
      [{ closingDays: ['2026-02-30'] }, 'closingDays', 'closing_day_invalid'],
    ] as const;
    for (const [payload, path, code] of cases) {
      const response = await admin.request({ method: 'POST', url: '/api/calendar-settings', payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(422);
      expect(response.json()).toMatchObject({ code: 'calendar_settings_invalid', errors: [{ path, code }] });
      expect(response.json().errors[0].messages.nl).toBeTruthy();
    }
    const versions = await database.owner
      .selectFrom('calendar_settings')
      .select('version')
      .where('organization_id', '=', organization.id)
      .execute();
    expect(versions).toHaveLength(2);
  });

  test('a change based on an outdated version is a 409; employees may not change settings', async () => {
    const stale = await admin.request({
      method: 'POST',
      url: '/api/calendar-settings',
      payload: { basedOnVersion: 1, termWorkingDays: 10 },
    });
    expect(stale.statusCode).toBe(409);
    const refused = await employee.request({
      method: 'POST',
      url: '/api/calendar-settings',
      payload: { termWorkingDays: 10 },
    });
    expect(refused.statusCode).toBe(403);
  });

  test('stored versions cannot be changed by the application, not even by a query', async () => {
    await expect(
      inOrganization(database.app, organization.id, (trx) =>
        trx.updateTable('calendar_settings').set({ term_working_days: 9 }).execute(),
      ),
    ).rejects.toThrow(/permission denied/);
  });
});
