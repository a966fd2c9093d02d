import { describe, expect, test } from 'vitest';
import { createComplaintWorld } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { signInAs } from '../support/sessions.ts';
import { createStaffUser } from '../support/staff-factories.ts';
import { createPortalApp, submitComplaint } from './portal-support.ts';

const database = await createTestDatabase();
const app = await createPortalApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const admin = await signInAs(
  app,
  (await createStaffUser(database.owner, world.organization.id, { roles: ['employee', 'admin'] })).email,
);

const settings = {
  displayName: 'Wonen Midden-Delfland',
  logoUrl: 'https://cdn.example.nl/logo.png',
  brandColour: '#004488',
  contactPhone: '015 123 45 67',
  contactEmail: 'klachten@example.nl',
  contactHours: 'Maandag tot en met vrijdag, 9.00 tot 17.00 uur',
  websiteUrl: 'https://www.example.nl',
  repairUrl: 'https://www.example.nl/reparatie',
  nuisanceUrl: null,
  fraudUrl: null,
  objectionUrl: 'https://www.example.nl/bezwaar',
  referralTexts: { nl: { repair: 'Reparaties meldt u via ons reparatieformulier.' } },
  committeeName: 'Regionale Klachtencommissie',
  committeeContact: 'Postbus 1, 2600 AA Delft',
  committeeUrl: null,
  intakeDepartmentId: world.wonen.id,
  statusLinkDaysAfterClose: 60,
};

describe('portal settings (administrators)', () => {
  test('only an administrator reads or changes them', async () => {
    expect(
      (await world.as.eva.request({ method: 'GET', url: '/api/admin/portal-settings' })).statusCode,
    ).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/admin/portal-settings' })).statusCode).toBe(401);
    const defaults = await admin.request({ method: 'GET', url: '/api/admin/portal-settings' });
    expect(defaults.statusCode).toBe(200);
    expect(defaults.json()).toMatchObject({
      displayName: null,
      statusLinkDaysAfterClose: 90,
      referralTexts: {},
    });
  });

  test('a colour too light for white text and an unknown department are refused with field errors', async () => {
    const light = await admin.request({
      method: 'PUT',
      url: '/api/admin/portal-settings',
      payload: { ...settings, brandColour: '#ffdd00' },
    });
    expect(light.statusCode).toBe(400);
    expect(light.json().errors[0].path).toBe('brandColour');
    const department = await admin.request({
      method: 'PUT',
      url: '/api/admin/portal-settings',
      payload: { ...settings, intakeDepartmentId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(department.statusCode).toBe(400);
    expect(department.json().errors[0].path).toBe('intakeDepartmentId');
  });

  test('saved settings brand the portal, route repairs to their link, and file complaints in the intake department', async () => {
    const saved = await admin.request({
      method: 'PUT',
      url: '/api/admin/portal-settings',
      payload: settings,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual(settings);
    const page = await app.inject({ method: 'GET', url: '/klacht' });
    expect(page.body).toContain('<style>:root{--brand:#004488}</style>');
    expect(page.body).toContain('<img src="https://cdn.example.nl/logo.png" alt="Wonen Midden-Delfland"');
    expect(page.body).toContain('Liever persoonlijk contact? Bel ons: 015 123 45 67.');
    expect(page.body).toContain('Reparaties meldt u via ons reparatieformulier.');
    expect(page.headers['content-security-policy']).toContain("img-src 'self' data: https://cdn.example.nl");
    const english = await app.inject({ method: 'GET', url: '/complaint' });
    expect(english.body).toContain('A repair you have not reported before is not a complaint yet.');

    const { token } = await submitComplaint(app);
    const { sha256Hex } = await import('../../src/server/modules/portal/forms/form-token.ts');
    const complaint = await database.owner
      .selectFrom('complaint_status_link as l')
      .innerJoin('complaint as c', 'c.id', 'l.complaint_id')
      .select(['c.id', 'c.department_id', 'c.responsible_manager_id'])
      .where('l.token_hash', '=', sha256Hex(token))
      .executeTakeFirstOrThrow();
    expect(complaint.department_id).toBe(world.wonen.id);
    expect(complaint.responsible_manager_id).toBe(world.people.mia.id);

    // Staff can end the link, e.g. when it was shared by mistake.
    expect((await app.inject({ method: 'GET', url: `/klacht/status/${token}` })).statusCode).toBe(200);
    const revoked = await world.as.eva.request({
      method: 'POST',
      url: `/api/complaints/${complaint.id}/status-links/revoke`,
    });
    expect(revoked.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: `/klacht/status/${token}` })).statusCode).toBe(404);
  });

  test('the settings API is in the OpenAPI document', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/admin/portal-settings', '/api/complaints/{id}/status-links/revoke']),
    );
    expect(Object.keys(spec.paths).some((path: string) => path.startsWith('/klacht'))).toBe(false);
  });
});
