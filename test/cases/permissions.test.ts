import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, test } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { attempt, createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { signInAs } from '../support/sessions.ts';
import { createStaffUser } from '../support/staff-factories.ts';

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const { as } = world;
const adminUser = await createStaffUser(database.owner, world.organization.id, {
  name: 'Ruud Beheer',
  roles: ['employee', 'admin'],
});
const admin = await signInAs(app, adminUser.email);
// A colleague in Vastgoed who has nothing to do with the complaints below
const pietUser = await createStaffUser(database.owner, world.organization.id, {
  name: 'Piet Collega',
  departmentId: world.vastgoed.id,
});
const piet = await signInAs(app, pietUser.email);

const description = 'Klacht voor de rechtentest.';
// An ordinary complaint handled by Eva (Wonen) and one about Karel's conduct that the complainant asked to keep
// confidential: Eva takes the call, the triage routes it to Karel himself (Vastgoed, manager Victor; policy 1.3).
const ordinary = await register(as.eva, { channel: 'phone', complainantId: world.tenant.id, description });
await step(as.eva, ordinary.id, 'triage', {
  outcome: 'complaint',
  category: 'no_or_late_answer',
  subject: { kind: 'department', departmentId: world.wonen.id },
});
const confidential = await register(as.eva, {
  channel: 'phone',
  complainantId: world.tenant.id,
  description,
  confidential: true,
  confidentialReason: 'complainant_asks',
});
await step(as.eva, confidential.id, 'triage', {
  outcome: 'complaint',
  category: 'treated_wrongly',
  subject: { kind: 'employee', employeeId: world.people.karel.id },
});
// A complaint of the other department, handled by Karel (Vastgoed, manager Victor).
const vastgoed = await register(as.karel, { channel: 'desk', complainantId: world.tenant.id, description });

async function tokenWith(scope: 'read' | 'register' | 'full') {
  const created = await admin.request({
    method: 'POST',
    url: '/api/admin/api-tokens',
    payload: { name: `CRM ${scope}`, scope },
  });
  expect(created.statusCode, created.body).toBe(201);
  const token = created.json().token as string;
  return (options: { method?: 'GET' | 'POST'; url: string; payload?: object }) =>
    app.inject({ ...options, headers: { authorization: `Bearer ${token}` } });
}

const view = (client: typeof as.eva, id: string) => client.request({ url: `/api/complaints/${id}` });
const status = (response: LightMyRequestResponse) => response.statusCode;

describe('every role: an allowed and a refused case through the API (policy 1.4, 2.3–2.6)', () => {
  test('employee: registers and logs a contact on any complaint; may not handle a colleague’s', async () => {
    expect(
      status(
        await attempt(as.karel, ordinary.id, 'contacts', {
          kind: 'phone',
          direction: 'inbound',
          summary: 'Huurder belde.',
        }),
      ),
    ).toBe(200);
    expect(status(await attempt(as.karel, ordinary.id, 'written-only', { reason: 'x' }))).toBe(403);
  });

  test('employee: a confidential complaint about a colleague does not exist for others (404, not 403)', async () => {
    expect(status(await view(piet, confidential.id))).toBe(404);
    expect(
      status(
        await attempt(piet, confidential.id, 'contacts', {
          kind: 'phone',
          direction: 'inbound',
          summary: 'x',
        }),
      ),
    ).toBe(404);
    expect(status(await view(piet, '00000000-0000-4000-8000-000000000000'))).toBe(404);
  });

  test('policy 1.3: the employee a confidential complaint is about, and their manager, can open it and log a contact', async () => {
    expect(status(await view(as.karel, confidential.id))).toBe(200);
    expect(status(await view(as.victor, confidential.id))).toBe(200);
    expect(
      status(
        await attempt(as.karel, confidential.id, 'contacts', {
          kind: 'phone',
          direction: 'outbound',
          summary: 'Met de klager besproken.',
        }),
      ),
    ).toBe(200);
    // routed to Karel (policy 1.3): he handles it; his manager is accountable; Eva only took the call
    expect(status(await attempt(as.karel, confidential.id, 'written-only', { reason: 'x' }))).toBe(200);
    expect(status(await view(as.eva, confidential.id))).toBe(404);
  });

  test('manager: approves in their own department; refused in another department', async () => {
    expect(status(await attempt(as.mia, ordinary.id, 'approvals', { subject: 'answer' }))).toBe(200);
    expect(status(await attempt(as.mia, vastgoed.id, 'assign', { handlerId: world.people.eva.id }))).toBe(
      403,
    );
    expect(
      status(await attempt(as.victor, vastgoed.id, 'assign', { handlerId: world.people.victor.id })),
    ).toBe(200);
  });

  test('non-manager: may not hand a complaint to someone else', async () => {
    expect(status(await attempt(as.karel, ordinary.id, 'assign', { handlerId: world.people.karel.id }))).toBe(
      403,
    );
  });

  test('management assistant: sees ordinary complaints; not confidential ones', async () => {
    expect(status(await view(as.anna, ordinary.id))).toBe(200);
    expect(status(await view(as.anna, confidential.id))).toBe(404);
  });

  test('MT: sees confidential complaints; may not give a manager’s approval', async () => {
    expect(status(await view(as.marieke, confidential.id))).toBe(200);
    expect(status(await attempt(as.marieke, ordinary.id, 'approvals', { subject: 'answer' }))).toBe(403);
  });

  test('board: sees confidential complaints; may not give legal advice', async () => {
    expect(status(await view(as.bram, confidential.id))).toBe(200);
    expect(status(await attempt(as.bram, ordinary.id, 'legal-advice', { summary: 'x' }))).toBe(403);
  });

  test('legal adviser: gives legal advice; may not record the board’s decision', async () => {
    expect(status(await attempt(as.lotte, ordinary.id, 'legal-advice', { summary: 'Advies.' }))).toBe(200);
    expect(status(await view(as.lotte, confidential.id))).toBe(200);
    expect(
      status(
        await attempt(as.lotte, ordinary.id, 'committee/board-decision', { adoptsAdvice: true, text: 'x' }),
      ),
    ).toBe(403);
  });

  test('administrator: manages accounts; sees no confidential complaints and handles nothing', async () => {
    expect(status(await admin.request({ url: '/api/admin/auth-events' }))).toBe(200);
    expect(status(await as.eva.request({ url: '/api/admin/auth-events' }))).toBe(403);
    expect(status(await view(admin, confidential.id))).toBe(404);
    expect(status(await attempt(admin, ordinary.id, 'answer', { text: 'x' }))).toBe(403);
    expect(
      status(
        await as.eva.request({
          method: 'POST',
          url: '/api/admin/api-tokens',
          payload: { name: 'x', scope: 'read' },
        }),
      ),
    ).toBe(403);
  });

  test('the accountable manager sees the confidential complaint; the registrant’s manager and another manager do not', async () => {
    expect(status(await view(as.victor, confidential.id))).toBe(200);
    expect(status(await view(as.mia, confidential.id))).toBe(404);
    const otherManager = await createStaffUser(database.owner, world.organization.id, {
      name: 'Olga Andere',
      roles: ['employee', 'manager'],
    });
    expect(status(await view(await signInAs(app, otherManager.email), confidential.id))).toBe(404);
  });

  test('lists never leak: confidential complaints are left out for those who may not see them', async () => {
    const ids = async (client: typeof as.eva) =>
      (await client.request({ url: '/api/complaints?limit=200' }))
        .json()
        .items.map((i: { id: string }) => i.id);
    expect(await ids(piet)).not.toContain(confidential.id);
    expect(await ids(as.anna)).not.toContain(confidential.id);
    expect(await ids(as.karel)).toContain(confidential.id);
    expect(await ids(as.eva)).not.toContain(confidential.id);
    expect(await ids(as.bram)).toContain(confidential.id);
    expect(await ids(as.karel)).toContain(confidential.id);
  });

  test('API tokens: read reads, register registers, full handles; none sees confidential complaints', async () => {
    const read = await tokenWith('read');
    expect(status(await read({ url: `/api/complaints/${ordinary.id}` }))).toBe(200);
    expect(
      status(
        await read({ method: 'POST', url: '/api/complaints', payload: { channel: 'web', description } }),
      ),
    ).toBe(403);
    const registerToken = await tokenWith('register');
    const registered = await registerToken({
      method: 'POST',
      url: '/api/complaints',
      payload: { channel: 'web', description },
    });
    expect(status(registered)).toBe(201);
    expect(registered.json().handler).toBeNull();
    expect(
      status(
        await registerToken({
          method: 'POST',
          url: `/api/complaints/${ordinary.id}/notes`,
          payload: { text: 'x' },
        }),
      ),
    ).toBe(403);
    const full = await tokenWith('full');
    expect(
      status(
        await full({
          method: 'POST',
          url: `/api/complaints/${ordinary.id}/notes`,
          payload: { text: 'Uit het CRM.' },
        }),
      ),
    ).toBe(200);
    expect(status(await full({ url: `/api/complaints/${confidential.id}` }))).toBe(404);
    expect(
      status(
        await full({
          method: 'POST',
          url: `/api/complaints/${ordinary.id}/approvals`,
          payload: { subject: 'answer' },
        }),
      ),
    ).toBe(403);
    const list = (await full({ url: '/api/complaints?limit=200' }))
      .json()
      .items.map((i: { id: string }) => i.id);
    expect(list).not.toContain(confidential.id);
  });

  test('anonymous callers get 401 before anything else', async () => {
    expect(status(await app.inject({ url: `/api/complaints/${ordinary.id}` }))).toBe(401);
    expect(status(await app.inject({ method: 'POST', url: '/api/complaints', payload: {} }))).toBe(401);
  });
});
