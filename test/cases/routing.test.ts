import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { toLocalDate } from '../../src/domain/index.ts';
import { processInboundMail } from '../../src/server/modules/messages/intake/inbound-mail.service.ts';
import { createTestApp } from '../support/app.ts';
import { testNow } from '../support/clock.ts';
import { attempt, createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { type Client, signInAs } from '../support/sessions.ts';
import { createDepartment, createStaffUser } from '../support/staff-factories.ts';

// Issue 19: the complaint goes to the person it concerns (policy 1.3), the manager stays accountable and gets
// the cc with the assistant (2.3), the manager decides who handles it (2.6), figures count where it is handled (3.2).

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const { as, people, wonen, vastgoed } = world;
const org = world.organization.id;
const owner = database.owner;

// Vastgoed gets its own assistant; "Zonder" has a manager but no assistant; "Stuurloos" has no manager.
const vera = await createStaffUser(owner, org, {
  name: 'Vera Assistent',
  roles: ['employee', 'management_assistant'],
  departmentId: vastgoed.id,
});
const piet = await createStaffUser(owner, org, {
  name: 'Piet Vertrokken',
  departmentId: vastgoed.id,
  active: false,
});
const zara = await createStaffUser(owner, org, { name: 'Zara Zonder', roles: ['employee', 'manager'] });
const zonder = await createDepartment(owner, org, { name: 'Zonder', managerUserId: zara.id });
await owner.updateTable('staff_user').set({ department_id: zonder.id }).where('id', '=', zara.id).execute();
const zoe = await createStaffUser(owner, org, { name: 'Zoë Zonder', departmentId: zonder.id });
const stuurloos = await createDepartment(owner, org, { name: 'Stuurloos' });
const sven = await createStaffUser(owner, org, { name: 'Sven Stuurloos', departmentId: stuurloos.id });
const ruud = await createStaffUser(owner, org, { name: 'Ruud Beheer', roles: ['employee', 'admin'] });
const aannemer = await owner
  .insertInto('contractor')
  .values({ organization_id: org, name: 'Schilders Vastgoed BV', responsible_department_id: vastgoed.id })
  .returningAll()
  .executeTakeFirstOrThrow();
const zwerver = await owner
  .insertInto('contractor')
  .values({ organization_id: org, name: 'Zwerver Onderhoud' })
  .returningAll()
  .executeTakeFirstOrThrow();
const sign = { zoe: await signInAs(app, zoe.email), ruud: await signInAs(app, ruud.email) };

// biome-ignore lint/suspicious/noExplicitAny: the JSON body as the test reads it (light-my-request types json() as any)
type Detail = Record<string, any>;
const description = 'De klacht voor de routeringstest.';
const phoneComplaint = (client: Client) =>
  register(client, { channel: 'phone', complainantId: world.tenant.id, description });
const about = (subject: object, extra: object = {}) => ({
  outcome: 'complaint',
  category: 'treated_wrongly',
  subject,
  ...extra,
});
const ids = (list: { id: string }[]) => list.map((x) => x.id);
const routedEvents = (detail: Detail) => detail.timeline.filter((e: { type: string }) => e.type === 'routed');
const row = (id: string) =>
  owner.selectFrom('complaint').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const eventCount = async (id: string) =>
  (await owner.selectFrom('complaint_event').select('id').where('complaint_id', '=', id).execute()).length;

async function queue(client: Client, query: string) {
  const response = await client.request({ url: `/api/complaints?limit=200&${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return ids(response.json().items);
}

async function apiToken() {
  const created = await sign.ruud.request({
    method: 'POST',
    url: '/api/admin/api-tokens',
    payload: { name: 'Website', scope: 'register' },
  });
  expect(created.statusCode, created.body).toBe(201);
  const token = created.json().token as string;
  return (payload: object) =>
    app.inject({
      method: 'POST',
      url: '/api/complaints',
      payload,
      headers: { authorization: `Bearer ${token}` },
    });
}

/** Refused: the code, and the complaint (row and timeline) exactly as it was. */
async function expectRefused(
  client: Client,
  id: string,
  path: string,
  payload: object,
  code: string,
  status: number,
) {
  const before = await row(id);
  const events = await eventCount(id);
  const response = await attempt(client, id, path, payload);
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(response.json().code).toBe(code);
  const after = await row(id);
  expect(after.version).toBe(before.version);
  expect([after.handler_id, after.department_id, after.responsible_manager_id]).toEqual([
    before.handler_id,
    before.department_id,
    before.responsible_manager_id,
  ]);
  expect(await eventCount(id)).toBe(events);
}

describe('routing at registration (policy 2.1, 2.3)', () => {
  test('without an intake department a website complaint still registers, and the case shows who can fix it', async () => {
    const website = await apiToken();
    const response = await website({ channel: 'web', description: 'Via de website.' });
    expect(response.statusCode, response.body).toBe(201);
    const detail = await as.mia.request({ url: `/api/complaints/${response.json().id}` });
    const { responsibility } = detail.json();
    expect(responsibility.handler).toBeNull();
    expect(responsibility.handlingDepartment).toBeNull();
    expect(responsibility.problems.map((p: { code: string }) => p.code)).toContain('intake_department_unset');
    const unset = responsibility.problems.find((p: { code: string }) => p.code === 'intake_department_unset');
    expect(unset).toMatchObject({ fixedBy: 'admin', fixers: [{ id: ruud.id, name: 'Ruud Beheer' }] });
    expect(unset.nl).toMatch(/beheerder/);
  });

  test('a staff registration stays with the registrant until triage (“direct opgepakt”)', async () => {
    const complaint = await phoneComplaint(as.eva);
    expect(complaint.responsibility).toMatchObject({
      subject: null,
      handler: { id: people.eva.id },
      handlingDepartment: { id: wonen.id },
      accountableManager: { id: people.mia.id },
      cc: [
        { id: people.mia.id, name: 'Mia Manager', role: 'manager' },
        { id: people.anna.id, name: 'Anna Assistent', role: 'management_assistant' },
      ],
      problems: [],
    });
    expect(routedEvents(complaint)).toEqual([]);
  });

  test('website and e-mail complaints land in the intake department’s unassigned queue', async () => {
    await owner
      .insertInto('portal_settings')
      .values({ organization_id: org, form_secret: randomBytes(32), intake_department_id: wonen.id })
      .execute();
    const website = await apiToken();
    const web = (await website({ channel: 'web', description: 'Via de website, nu met afdeling.' })).json();
    expect(web.handler).toBeNull();
    expect(web.department).toEqual({ id: wonen.id, name: 'Wonen' });
    expect(web.responsibleManager).toEqual({ id: people.mia.id, name: 'Mia Manager' });

    const raw = [
      'From: Piet Huurder <piet@example.nl>',
      'To: klachten@corporatie.example',
      'Subject: Niemand belt terug',
      'Message-ID: <routing-1@example.nl>',
      '',
      'Ik wacht al drie weken op een reactie.',
      '',
    ].join('\r\n');
    const mailed = await processInboundMail(database.app, org, {
      mailbox: 'INBOX',
      uidValidity: '1',
      uid: '1',
      raw: Buffer.from(raw),
      receivedAt: null,
    });
    expect(mailed.outcome).toBe('complaint');
    const email = await row(mailed.complaintId as string);
    expect([email.handler_id, email.department_id, email.responsible_manager_id]).toEqual([
      null,
      wonen.id,
      people.mia.id,
    ]);
    expect(email.management_assistant_ids).toEqual([people.anna.id]);
    // the unassigned queue of the intake department lists both; the manager sees them in the team view
    const unassigned = await queue(as.mia, `handlerId=none&departmentId=${wonen.id}`);
    expect(unassigned).toEqual(expect.arrayContaining([web.id, email.id]));
    const detail = (await as.mia.request({ url: `/api/complaints/${web.id}` })).json();
    expect(routedEvents(detail)[0].payload).toMatchObject({
      from: null,
      to: { handler: null, department: { id: wonen.id, name: 'Wonen' } },
      basis: 'intake_queue',
      policy: '2.1',
    });
  });
});

describe('routing at triage (policy 1.3, 2.3)', () => {
  test('about an employee of another department: that employee handles it, their manager is accountable', async () => {
    const complaint = await phoneComplaint(as.eva);
    const triaged = await step(
      as.eva,
      complaint.id,
      'triage',
      about({ kind: 'employee', employeeId: people.karel.id }),
    );
    expect(triaged.responsibility).toMatchObject({
      subject: { kind: 'employee', id: people.karel.id, name: 'Karel Collega' },
      concernedDepartment: { id: vastgoed.id, name: 'Vastgoed' },
      handler: { id: people.karel.id, name: 'Karel Collega' },
      handlingDepartment: { id: vastgoed.id, name: 'Vastgoed' },
      accountableManager: { id: people.victor.id, name: 'Victor Vastgoed' },
      managerTakes: null,
      cc: [
        { id: people.victor.id, role: 'manager' },
        { id: vera.id, role: 'management_assistant' },
      ],
      problems: [],
    });
    const [routed] = routedEvents(triaged);
    expect(routed.payload).toMatchObject({
      from: {
        handler: { id: people.eva.id, name: 'Eva Behandelaar' },
        department: { id: wonen.id, name: 'Wonen' },
        manager: { id: people.mia.id, name: 'Mia Manager' },
      },
      to: {
        handler: { id: people.karel.id, name: 'Karel Collega' },
        department: { id: vastgoed.id, name: 'Vastgoed' },
        manager: { id: people.victor.id, name: 'Victor Vastgoed' },
      },
      basis: 'employee_concerned',
      policy: '1.3',
    });
    // the work queues follow: Karel's "mijn werk", Victor's team view; no longer Eva's
    expect(await queue(as.karel, 'handlerId=me')).toContain(complaint.id);
    expect(await queue(as.victor, `departmentId=${vastgoed.id}`)).toContain(complaint.id);
    expect(await queue(as.eva, 'handlerId=me')).not.toContain(complaint.id);
    // Karel handles it now; the answer's cc names Vastgoed's manager and assistant
    await step(as.karel, complaint.id, 'contacts', {
      kind: 'phone',
      direction: 'outbound',
      summary: 'Gebeld.',
    });
    await step(as.karel, complaint.id, 'assessment', {
      kind: 'policy_not_followed',
      verdict: 'upheld',
      apologyOffered: true,
      errorAdmitted: true,
      demonstrableDamage: false,
    });
    const preview = await as.karel.request({
      method: 'POST',
      url: `/api/complaints/${complaint.id}/answer-preview`,
      payload: { text: 'Excuses.' },
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().cc.map((c: { name: string; role: string }) => [c.role, c.name])).toEqual([
      ['manager', 'Victor Vastgoed'],
      ['management_assistant', 'Vera Assistent'],
    ]);
    const answered = await step(as.karel, complaint.id, 'answer', { text: 'Excuses, het was niet goed.' });
    expect(answered.answer.recipients.cc).toEqual([
      { role: 'manager', userId: people.victor.id },
      { role: 'management_assistant', userId: vera.id },
    ]);
  });

  test('about an employee who has left: the manager takes it over, reason “left”', async () => {
    const complaint = await phoneComplaint(as.eva);
    const triaged = await step(
      as.eva,
      complaint.id,
      'triage',
      about({ kind: 'employee', employeeId: piet.id }),
    );
    expect(triaged.responsibility).toMatchObject({
      handler: { id: people.victor.id },
      handlingDepartment: { id: vastgoed.id },
      accountableManager: { id: people.victor.id },
      managerTakes: { reason: 'employee_left', nl: 'De medewerker is uit dienst' },
    });
    expect((await row(complaint.id)).manager_takes_reason).toBe('employee_left');
    expect(routedEvents(triaged)[0].payload).toMatchObject({
      basis: 'manager_takes',
      managerTakesReason: 'employee_left',
    });
  });

  test('the manager takes it over when chosen at triage, with the reason recorded', async () => {
    const complaint = await phoneComplaint(as.eva);
    const triaged = await step(
      as.eva,
      complaint.id,
      'triage',
      about({ kind: 'employee', employeeId: people.karel.id }, { managerTakes: 'conduct_complainant_asks' }),
    );
    expect(triaged.responsibility).toMatchObject({
      handler: { id: people.victor.id },
      concernedDepartment: { id: vastgoed.id },
      managerTakes: { reason: 'conduct_complainant_asks' },
    });
    expect(await queue(as.victor, 'handlerId=me')).toContain(complaint.id);
  });

  test('policy 2.5: a suspected offence by the employee it is about goes to their manager, never to the suspect', async () => {
    // at triage: not a choice, and not refusable by choosing another reason
    const complaint = await phoneComplaint(as.eva);
    const triaged = await step(
      as.eva,
      complaint.id,
      'triage',
      about({ kind: 'employee', employeeId: people.karel.id }, { suspectedCriminalOffence: true }),
    );
    expect(triaged.status).toBe('with_board');
    expect(triaged.responsibility).toMatchObject({
      handler: { id: people.victor.id },
      managerTakes: { reason: 'criminal_suspicion' },
    });
    expect((await as.karel.request({ url: `/api/complaints/${complaint.id}` })).statusCode).toBe(404);
    const chosen = await attempt(
      as.eva,
      (await phoneComplaint(as.eva)).id,
      'triage',
      about({ kind: 'employee', employeeId: people.karel.id }, { managerTakes: 'criminal_suspicion' }),
    );
    expect(chosen.statusCode).toBe(400);

    // flagged later while the suspect handles it: the manager takes it over at that moment
    const later = await phoneComplaint(as.eva);
    const routed = await step(
      as.eva,
      later.id,
      'triage',
      about({ kind: 'employee', employeeId: people.karel.id }),
    );
    expect(routed.handler.id).toBe(people.karel.id);
    const flagged = await step(as.karel, later.id, 'criminal-offence');
    expect(flagged.status).toBe('with_board');
    expect(flagged.responsibility).toMatchObject({
      handler: { id: people.victor.id },
      managerTakes: { reason: 'criminal_suspicion' },
    });
    expect(routedEvents(flagged).at(-1).payload).toMatchObject({ managerTakesReason: 'criminal_suspicion' });
    expect((await as.karel.request({ url: `/api/complaints/${later.id}` })).statusCode).toBe(404);
  });

  test('about a department: that department’s unassigned queue, its manager accountable', async () => {
    const complaint = await phoneComplaint(as.eva);
    const triaged = await step(
      as.eva,
      complaint.id,
      'triage',
      about({ kind: 'department', departmentId: vastgoed.id }),
    );
    expect(triaged.responsibility).toMatchObject({
      subject: { kind: 'department', id: vastgoed.id, name: 'Vastgoed' },
      handler: null,
      handlingDepartment: { id: vastgoed.id },
      accountableManager: { id: people.victor.id },
    });
    expect(await queue(as.victor, `handlerId=none&departmentId=${vastgoed.id}`)).toContain(complaint.id);
    // anyone may pick it up from the queue for themselves (policy 2.3)
    const picked = await step(as.karel, complaint.id, 'assign', { handlerId: people.karel.id });
    expect(picked.handler).toEqual({ id: people.karel.id, name: 'Karel Collega' });
    expect(picked.department).toEqual({ id: vastgoed.id, name: 'Vastgoed' });
  });

  test('about a contractor: the responsible department’s unassigned queue', async () => {
    const complaint = await phoneComplaint(as.eva);
    const triaged = await step(
      as.eva,
      complaint.id,
      'triage',
      about({ kind: 'contractor', contractorId: aannemer.id }),
    );
    expect(triaged.responsibility).toMatchObject({
      subject: { kind: 'contractor', id: aannemer.id, name: 'Schilders Vastgoed BV' },
      concernedDepartment: { id: vastgoed.id },
      handler: null,
      handlingDepartment: { id: vastgoed.id },
      accountableManager: { id: people.victor.id },
    });
    expect(routedEvents(triaged)[0].payload.basis).toBe('contractor_department');
  });

  test('subject “none” keeps the handler; without a handler it stays in the intake queue', async () => {
    const complaint = await phoneComplaint(as.eva);
    const triaged = await step(as.eva, complaint.id, 'triage', about({ kind: 'none' }));
    expect(triaged.subject).toEqual({ kind: 'none', id: null, name: null });
    expect(triaged.responsibility).toMatchObject({
      subject: { kind: 'none' },
      concernedDepartment: null,
      handler: { id: people.eva.id },
      handlingDepartment: { id: wonen.id },
    });
    expect((await row(complaint.id)).subject_kind).toBe('none');
    expect(routedEvents(triaged)).toEqual([]);

    const website = await apiToken();
    const web = (await website({ channel: 'web', description: 'Zonder onderwerp.' })).json();
    const queued = await step(as.mia, web.id, 'triage', about({ kind: 'none' }));
    expect(queued.responsibility).toMatchObject({ handler: null, handlingDepartment: { id: wonen.id } });
  });

  test('a department without an assistant is routed; the case shows it, the answer goes in cc to the manager only', async () => {
    const complaint = await phoneComplaint(as.eva);
    const triaged = await step(
      as.eva,
      complaint.id,
      'triage',
      about({ kind: 'employee', employeeId: zoe.id }),
    );
    expect(triaged.responsibility.cc).toEqual([{ id: zara.id, name: 'Zara Zonder', role: 'manager' }]);
    expect(triaged.responsibility.problems).toEqual([
      expect.objectContaining({
        code: 'department_without_assistant',
        fixedBy: 'admin',
        fixers: [{ id: ruud.id, name: 'Ruud Beheer' }],
      }),
    ]);
    await step(sign.zoe, complaint.id, 'contacts', {
      kind: 'phone',
      direction: 'outbound',
      summary: 'Gebeld.',
    });
    await step(sign.zoe, complaint.id, 'assessment', {
      kind: 'policy_not_followed',
      verdict: 'upheld',
      apologyOffered: true,
      errorAdmitted: true,
      demonstrableDamage: false,
    });
    const answered = await step(sign.zoe, complaint.id, 'answer', { text: 'Excuses, dat ging mis.' });
    expect(answered.answer.recipients.cc).toEqual([{ role: 'manager', userId: zara.id }]);
    expect(answered.responsibility.problems).toEqual([]); // answered: nothing left to fix for this case
  });

  test.each([
    {
      name: 'a contractor without a responsible department',
      subject: () => ({ kind: 'contractor', contractorId: zwerver.id }),
      code: 'contractor_without_department',
    },
    {
      name: 'an employee in a department without a manager',
      subject: () => ({ kind: 'employee', employeeId: sven.id }),
      code: 'department_without_manager',
    },
    {
      name: 'a department without a manager',
      subject: () => ({ kind: 'department', departmentId: stuurloos.id }),
      code: 'department_without_manager',
    },
  ])('refused at triage: $name ($code), nothing changed', async ({ subject, code }) => {
    const complaint = await phoneComplaint(as.eva);
    await expectRefused(as.eva, complaint.id, 'triage', about(subject()), code, 409);
    expect((await row(complaint.id)).status).toBe('new');
  });
});

describe('transfer to another department (policy 1.3, 2.6)', () => {
  const quarter = () => {
    const [year, month] = toLocalDate(testNow()).split('-').map(Number);
    return `${year}-Q${Math.floor(((month as number) - 1) / 3) + 1}`;
  };
  async function receivedIn(departmentId: string) {
    const report = await as.marieke.request({
      url: `/api/reports/quarterly?quarter=${quarter()}&departmentId=${departmentId}`,
    });
    expect(report.statusCode, report.body).toBe(200);
    const summary = report.json().tables.find((t: { id: string }) => t.id === 'summary');
    return summary.rows.find((r: { key: string }) => r.key === 'received').cells[0].value as number;
  }

  test('handler, department, manager and cc move together; queues, timeline and the quarterly report follow', async () => {
    const complaint = await phoneComplaint(as.eva);
    await step(as.eva, complaint.id, 'triage', about({ kind: 'department', departmentId: wonen.id }));
    const [wonenBefore, vastgoedBefore] = [await receivedIn(wonen.id), await receivedIn(vastgoed.id)];

    const moved = await step(as.mia, complaint.id, 'transfer', {
      departmentId: vastgoed.id,
      handlerId: people.karel.id,
      reason: 'Gaat over het onderhoud, dat doet Vastgoed.',
    });
    expect(moved.responsibility).toMatchObject({
      handler: { id: people.karel.id },
      handlingDepartment: { id: vastgoed.id },
      concernedDepartment: { id: wonen.id },
      accountableManager: { id: people.victor.id },
      cc: [
        { id: people.victor.id, role: 'manager' },
        { id: vera.id, role: 'management_assistant' },
      ],
    });
    const [routed] = routedEvents(moved);
    expect(routed.summary).toBe('Gaat over het onderhoud, dat doet Vastgoed.');
    expect(routed.actor.id).toBe(people.mia.id);
    expect(routed.payload).toMatchObject({
      from: {
        handler: { name: 'Eva Behandelaar' },
        department: { name: 'Wonen' },
        manager: { name: 'Mia Manager' },
      },
      to: {
        handler: { name: 'Karel Collega' },
        department: { name: 'Vastgoed' },
        manager: { name: 'Victor Vastgoed' },
      },
      basis: 'transfer',
      policy: '2.6',
    });
    expect(await queue(as.karel, 'handlerId=me')).toContain(complaint.id);
    expect(await queue(as.eva, 'handlerId=me')).not.toContain(complaint.id);
    expect(await queue(as.victor, `departmentId=${vastgoed.id}`)).toContain(complaint.id);
    expect(await queue(as.mia, `departmentId=${wonen.id}`)).not.toContain(complaint.id);
    // policy 3.2: counted where it is handled
    expect(await receivedIn(vastgoed.id)).toBe(vastgoedBefore + 1);
    expect(await receivedIn(wonen.id)).toBe(wonenBefore - 1);
    // Mia is no longer accountable: she may not move it again
    expect(
      (await attempt(as.mia, complaint.id, 'transfer', { departmentId: wonen.id, reason: 'Terug.' }))
        .statusCode,
    ).toBe(403);

    // the handler hands it on to another department's unassigned queue
    const handedOn = await step(as.karel, complaint.id, 'transfer', {
      departmentId: zonder.id,
      reason: 'Hoort bij Zonder.',
    });
    expect(handedOn.responsibility).toMatchObject({
      handler: null,
      handlingDepartment: { id: zonder.id },
      accountableManager: { id: zara.id },
    });
    expect(await queue(as.mia, `handlerId=none&departmentId=${zonder.id}`)).toContain(complaint.id);
  });

  test('assigning a handler of another department takes the complaint there', async () => {
    const complaint = await phoneComplaint(as.eva);
    await step(as.eva, complaint.id, 'triage', about({ kind: 'department', departmentId: wonen.id }));
    const assigned = await step(as.mia, complaint.id, 'assign', { handlerId: people.karel.id });
    expect(assigned.responsibility).toMatchObject({
      handler: { id: people.karel.id },
      handlingDepartment: { id: vastgoed.id },
      accountableManager: { id: people.victor.id },
    });
    expect(assigned.timeline.map((e: { type: string }) => e.type).slice(-2)).toEqual([
      'assign_handler',
      'routed',
    ]);
  });

  test('refusals change nothing: inactive handler, handler of another department, no manager, no reason, not allowed', async () => {
    const complaint = await phoneComplaint(as.eva);
    await step(as.eva, complaint.id, 'triage', about({ kind: 'department', departmentId: wonen.id }));
    const reason = 'Hoort daar.';
    await expectRefused(
      as.mia,
      complaint.id,
      'transfer',
      { departmentId: vastgoed.id, handlerId: piet.id, reason },
      'handler_inactive',
      422,
    );
    await expectRefused(
      as.mia,
      complaint.id,
      'transfer',
      { departmentId: vastgoed.id, handlerId: zoe.id, reason },
      'handler_not_in_department',
      422,
    );
    await expectRefused(
      as.mia,
      complaint.id,
      'transfer',
      { departmentId: stuurloos.id, reason },
      'department_without_manager',
      409,
    );
    await expectRefused(
      as.mia,
      complaint.id,
      'transfer',
      { departmentId: vastgoed.id, reason: ' ' },
      'validation_failed',
      400,
    );
    await expectRefused(
      as.anna,
      complaint.id,
      'transfer',
      { departmentId: vastgoed.id, reason },
      'forbidden',
      403,
    );
    await expectRefused(as.mia, complaint.id, 'assign', { handlerId: piet.id }, 'handler_inactive', 422);
    const problem = await attempt(as.mia, complaint.id, 'transfer', { departmentId: stuurloos.id, reason });
    expect(problem.json().messages.nl).toMatch(/beheerder/i);
  });
});
