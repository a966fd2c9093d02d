import type { FastifyInstance } from 'fastify';
import { describe, expect, test } from 'vitest';
import { prepareSetupLink } from '../../src/server/modules/setup/setup.service.ts';
import { createPortalApp, submitComplaint } from '../portal/portal-support.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { type Client, SAME_ORIGIN, sessionCookieFrom, signInAs } from '../support/sessions.ts';
import { createDepartment, createStaffUser } from '../support/staff-factories.ts';

// A fresh installation works end to end (issue 19): the first-run setup gives website complaints an intake
// department whose manager and management assistant exist, and the admin start page lists what is missing.

const PASSWORD = 'Een lang en sterk wachtwoord';

const ORGANIZATION_ID = '6f1d2c3b-4a59-4e8f-9a0b-1c2d3e4f5a6b';

type Installation = { database: TestDatabase; app: FastifyInstance; token: string };

async function freshInstallation(): Promise<Installation> {
  const database = await createTestDatabase();
  // One id for every installation: the server caches which organisation serves a host name per process
  await database.owner
    .insertInto('organization')
    .values({
      id: ORGANIZATION_ID,
      slug: 'mijn',
      name: 'Mijn woningcorporatie',
      hostnames: [],
      is_default: true,
    })
    .execute();
  const app = await createPortalApp(database.app);
  const link = await prepareSetupLink(database.owner, 'http://localhost:3000', new Date());
  return { database, app, token: (link as string).split('#')[1] as string };
}

async function setUp(installation: Installation, extra: object): Promise<Client> {
  const { app, token } = installation;
  const response = await app.inject({
    method: 'POST',
    url: '/api/setup',
    headers: { origin: SAME_ORIGIN },
    payload: {
      token,
      organizationName: 'Wonen Midden-Delfland',
      administrator: { name: 'Marieke de Boer', email: 'marieke@example.nl', password: PASSWORD },
      ...extra,
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  const cookie = sessionCookieFrom(response.headers['set-cookie']);
  return {
    cookie,
    request: (options) =>
      app.inject({ ...options, headers: { origin: SAME_ORIGIN, cookie, ...(options.headers ?? {}) } }),
  };
}

async function gapKinds(admin: Client): Promise<string[]> {
  const response = await admin.request({ url: '/api/admin/setup-gaps' });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().gaps.map((gap: { kind: string }) => gap.kind);
}

async function step(admin: Client, id: string, path: string, payload: object) {
  const response = await admin.request({ method: 'POST', url: `/api/complaints/${id}/${path}`, payload });
  expect(response.statusCode, `${path}: ${response.body}`).toBe(200);
  return response.json();
}

describe('first-run setup without the demo', () => {
  test('by default the administrator runs the new intake department, so a website complaint is answered at once', async () => {
    const installation = await freshInstallation();
    const admin = await setUp(installation, {
      contact: { phone: '015 380 40 40', email: null },
      committee: { name: 'Regionale Klachtencommissie Delfland', url: 'https://www.example.nl/commissie' },
    });
    const me = (await admin.request({ url: '/api/auth/me' })).json();
    expect([...me.roles].sort()).toEqual(['admin', 'employee', 'management_assistant', 'manager']);
    const intake = await installation.database.owner
      .selectFrom('department')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(intake).toMatchObject({ name: 'Klantcontact', manager_user_id: me.id });
    const settings = (await admin.request({ url: '/api/admin/portal-settings' })).json();
    expect(settings).toMatchObject({
      intakeDepartmentId: intake.id,
      contactPhone: '015 380 40 40',
      contactEmail: null,
      committeeName: 'Regionale Klachtencommissie Delfland',
      committeeUrl: 'https://www.example.nl/commissie',
    });
    expect(await gapKinds(admin)).toEqual([]);

    // A tenant complains on the website; the administrator answers without any other set-up
    await submitComplaint(installation.app);
    const row = await installation.database.owner
      .selectFrom('complaint')
      .select(['id', 'department_id', 'responsible_manager_id', 'management_assistant_ids'])
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      department_id: intake.id,
      responsible_manager_id: me.id,
      management_assistant_ids: [me.id],
    });
    await step(admin, row.id, 'triage', {
      outcome: 'complaint',
      category: 'no_or_late_answer',
      subject: { kind: 'department', departmentId: intake.id },
    });
    await step(admin, row.id, 'contacts', {
      kind: 'phone',
      direction: 'outbound',
      summary: 'Mevrouw gebeld en een nieuwe afspraak gemaakt.',
    });
    await step(admin, row.id, 'assessment', {
      kind: 'policy_not_followed',
      verdict: 'upheld',
      apologyOffered: true,
      errorAdmitted: true,
      demonstrableDamage: false,
    });
    const answered = await step(admin, row.id, 'answer', {
      text: 'Beste mevrouw De Vries, zoals besproken …',
    });
    expect(answered.status).toBe('answered');
    expect(answered.answer.recipients.cc).toEqual([
      { role: 'manager', userId: me.id },
      { role: 'management_assistant', userId: me.id },
    ]);
  });

  test('an administrator who does not take charge gets a start page that lists every gap, until fixed', async () => {
    const installation = await freshInstallation();
    const admin = await setUp(installation, {
      intake: { departmentName: 'Klantenservice', administratorTakesCharge: false },
    });
    const me = (await admin.request({ url: '/api/auth/me' })).json();
    expect(me.roles).toEqual(['employee', 'admin']);
    const gaps = (await admin.request({ url: '/api/admin/setup-gaps' })).json().gaps;
    const klantenservice = { id: expect.any(String), name: 'Klantenservice' };
    expect(gaps).toEqual([
      { kind: 'intake_department_without_manager', department: klantenservice },
      { kind: 'department_without_assistant', department: klantenservice },
      { kind: 'contact_details_missing', department: null },
      { kind: 'committee_details_missing', department: null },
    ]);

    const settings = (await admin.request({ url: '/api/admin/portal-settings' })).json();
    const saved = await admin.request({
      method: 'PUT',
      url: '/api/admin/portal-settings',
      payload: {
        ...settings,
        contactEmail: 'klantenservice@example.nl',
        committeeName: 'Regionale Klachtencommissie Delfland',
        committeeContact: 'Postbus 100, 2600 AC Delft',
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(await gapKinds(admin)).toEqual([
      'intake_department_without_manager',
      'department_without_assistant',
    ]);

    // policy 2.3: the cc comes from the handling department only (as routing takes it), so a management
    // assistant elsewhere leaves the gap; one in the department itself closes it
    const owner = installation.database.owner;
    const intakeId = gaps[0].department.id as string;
    const elsewhere = await createDepartment(owner, ORGANIZATION_ID, { name: 'Wonen', managerUserId: me.id });
    await createStaffUser(owner, ORGANIZATION_ID, {
      roles: ['employee', 'management_assistant'],
      departmentId: elsewhere.id,
    });
    expect((await admin.request({ url: '/api/admin/setup-gaps' })).json().gaps).toEqual([
      { kind: 'intake_department_without_manager', department: klantenservice },
      { kind: 'department_without_assistant', department: klantenservice },
    ]);
    await createStaffUser(owner, ORGANIZATION_ID, {
      roles: ['employee', 'management_assistant'],
      departmentId: intakeId,
      active: false,
    });
    expect(await gapKinds(admin)).toEqual([
      'intake_department_without_manager',
      'department_without_assistant',
    ]);
    await createStaffUser(owner, ORGANIZATION_ID, {
      roles: ['employee', 'management_assistant'],
      departmentId: intakeId,
    });
    expect(await gapKinds(admin)).toEqual(['intake_department_without_manager']);

    // An employee may not see the administrator's start page data
    const employee = await createStaffUser(installation.database.owner, ORGANIZATION_ID);
    const refused = await (await signInAs(installation.app, employee.email)).request({
      url: '/api/admin/setup-gaps',
    });
    expect(refused.statusCode).toBe(403);
  });

  test('wrong contact or committee details are refused on the field, and nothing is set up', async () => {
    const installation = await freshInstallation();
    const response = await installation.app.inject({
      method: 'POST',
      url: '/api/setup',
      headers: { origin: SAME_ORIGIN },
      payload: {
        token: installation.token,
        organizationName: 'Wonen Midden-Delfland',
        administrator: { name: 'Marieke de Boer', email: 'marieke@example.nl', password: PASSWORD },
        contact: { phone: 'bel maar', email: 'geen-adres' },
        committee: { url: 'ftp://example.nl' },
      },
    });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['committee.url', 'contact.email', 'contact.phone']);
    expect(await installation.database.owner.selectFrom('staff_user').select('id').execute()).toEqual([]);
    expect(await installation.database.owner.selectFrom('department').select('id').execute()).toEqual([]);
  });
});

describe('first-run setup with the demo organisation', () => {
  test("the demo's Klantcontact is the intake department, and the demo has every detail: no gaps", async () => {
    const installation = await freshInstallation();
    const admin = await setUp(installation, { loadDemo: true });
    const me = (await admin.request({ url: '/api/auth/me' })).json();
    expect(me.roles).toEqual(['employee', 'admin']);
    const klantcontact = await installation.database.owner
      .selectFrom('department as d')
      .innerJoin('staff_user as m', 'm.id', 'd.manager_user_id')
      .select(['d.id', 'm.name as manager'])
      .where('d.name', '=', 'Klantcontact')
      .executeTakeFirstOrThrow();
    expect(klantcontact.manager).toBe('Sanne de Groot');
    const settings = (await admin.request({ url: '/api/admin/portal-settings' })).json();
    expect(settings.intakeDepartmentId).toBe(klantcontact.id);
    expect(settings.contactPhone).not.toBeNull();
    expect(settings.committeeName).not.toBeNull();
    expect(await gapKinds(admin)).toEqual([]);
  });
});
