import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import nodemailer from 'nodemailer';
import { afterAll, expect } from 'vitest';
import {
  type ConfidentialityReason,
  INTEGRATION_EVENT_TYPES,
  quarterOfDay,
  toLocalDate,
} from '../../src/domain/index.ts';
import {
  type ComplaintAccess,
  STAFF_ROLES,
  type StaffActor,
  type StaffRole,
  TOKEN_SCOPES,
  type TokenScope,
} from '../../src/domain/permissions.ts';
import type { Database } from '../../src/server/db/database.ts';
import { multipartBody, samplePng } from '../attachments/sample-files.ts';
import { createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { createOrganization } from '../support/factories.ts';
import { type Client, sessionCookieFrom } from '../support/sessions.ts';
import { createDepartment, createStaffUser, TEST_PASSWORD } from '../support/staff-factories.ts';

// The world of the leak matrix (issue 20): one organisation with every staff role in department A (Wonen)
// and an API token of every scope; in department B (Vastgoed) a confidential complaint, a board-track
// complaint and an ordinary one, each with its own markers; and a second organisation with the same shape.

/** The strings by which a complaint could show up somewhere it must not. */
export type Markers = Readonly<{
  id: string;
  reference: string;
  name: string;
  email: string;
  text: string;
  subject: string;
  note: string;
  attachment: string;
}>;
export type MarkerKind = keyof Markers;

export type WorldComplaint = Readonly<{
  label: string;
  id: string;
  markers: Markers;
  access: ComplaintAccess;
  complainantId: string;
  attachmentId: string;
  inboundMailId: string;
  organization: 'own' | 'other';
}>;

/** Someone who reads the API: a staff session or an API token; `reader` is what the domain rule needs. */
export type Principal = Readonly<{
  label: string;
  organization: 'own' | 'other';
  reader: StaffActor | { kind: 'token'; scope: TokenScope };
  request: (options: InjectOptions) => Promise<LightMyRequestResponse>;
}>;

const mailBuilder = nodemailer.createTransport({ streamTransport: true, buffer: true });

async function signIn(app: FastifyInstance, email: string, host?: string): Promise<Client> {
  const origin = host === undefined ? 'http://localhost:80' : `http://${host}`;
  const base = { origin, ...(host === undefined ? {} : { host }) };
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: base,
    payload: { email, password: TEST_PASSWORD },
  });
  expect(response.statusCode, response.body).toBe(200);
  const cookie = sessionCookieFrom(response.headers['set-cookie']);
  return {
    cookie,
    request: (options) =>
      app.inject({ ...options, headers: { ...base, cookie, ...(options.headers ?? {}) } }),
  };
}

export async function staffActorOf(owner: Database, userId: string): Promise<StaffActor> {
  const user = await owner
    .selectFrom('staff_user')
    .select(['roles', 'department_id'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const managed = await owner
    .selectFrom('department')
    .select('id')
    .where('manager_user_id', '=', userId)
    .execute();
  return {
    userId,
    roles: user.roles as StaffRole[],
    departmentId: user.department_id,
    managedDepartmentIds: managed.map((d) => d.id),
  };
}

async function accessOf(owner: Database, complaintId: string): Promise<ComplaintAccess> {
  const row = await owner
    .selectFrom('complaint')
    .leftJoin('staff_user as subject', 'subject.id', 'complaint.subject_employee_id')
    .select([
      'complaint.handler_id',
      'complaint.responsible_manager_id',
      'complaint.department_id',
      'complaint.confidential',
      'complaint.confidential_reason_code',
      'complaint.subject_employee_id',
      'subject.department_id as subject_department_id',
    ])
    .where('complaint.id', '=', complaintId)
    .executeTakeFirstOrThrow();
  return {
    handlerId: row.handler_id,
    responsibleManagerId: row.responsible_manager_id,
    departmentId: row.department_id,
    confidential: row.confidential,
    confidentialReason: row.confidential_reason_code as ConfidentialityReason | null,
    subjectEmployeeId: row.subject_employee_id,
    subjectEmployeeDepartmentId: row.subject_department_id,
  };
}

type Marking = 'ordinary' | 'confidential' | 'board';

/**
 * A complaint with markers everywhere a complaint keeps text: it arrives as an e-mail (sender's name and
 * address, subject, text, the original .eml), is triaged to the department, gets a note and a file, and
 * is then marked confidential or put on the board's track through the real endpoints.
 */
async function complaintWithMarkers(
  owner: Database,
  handler: Client,
  input: { tag: string; name: string; departmentId: string; unitId: string | null; marking: Marking },
) {
  const { tag } = input;
  const email = `${tag.toLowerCase()}@example.org`;
  const subject = `LEK${tag}ONDERWERP`;
  const text = `LEK${tag}TEKST`;
  const eml = await mailBuilder.sendMail({
    from: `${input.name} <${email}>`,
    to: 'klachten@corporatie.example',
    subject,
    text: `${text}: de opzichter was onbeschoft.`,
    messageId: `<${randomUUID()}@example.org>`,
  });
  const uploaded = await handler.request({
    method: 'POST',
    url: '/api/complaints/intake/eml',
    headers: { 'content-type': 'message/rfc822' },
    payload: eml.message as Buffer,
  });
  expect(uploaded.statusCode, uploaded.body).toBe(200);
  const { complaintId: id, inboundMailId } = uploaded.json() as {
    complaintId: string;
    inboundMailId: string;
  };
  const complex =
    input.unitId === null
      ? null
      : await owner
          .selectFrom('unit')
          .select('housing_complex_id')
          .where('id', '=', input.unitId)
          .executeTakeFirstOrThrow();
  await owner
    .updateTable('complaint')
    .set({ unit_id: input.unitId, housing_complex_id: complex?.housing_complex_id ?? null })
    .where('id', '=', id)
    .execute();
  await step(handler, id, 'triage', {
    outcome: 'complaint',
    category: 'treated_wrongly',
    subject: { kind: 'department', departmentId: input.departmentId },
  });
  const note = `LEK${tag}NOTITIE`;
  await step(handler, id, 'notes', { text: `${note}: intern overleg.` });
  const attachmentName = `lek${tag.toLowerCase()}bijlage.png`;
  const body = await multipartBody({ name: attachmentName, bytes: samplePng() }, { kind: 'photo' });
  const file = await handler.request({
    method: 'POST',
    url: `/api/complaints/${id}/attachments`,
    payload: body.payload,
    headers: body.headers,
  });
  expect(file.statusCode, file.body).toBe(201);
  if (input.marking === 'confidential') {
    await step(handler, id, 'confidential', { reason: 'sensitive_personal_matter' });
  }
  if (input.marking === 'board') await step(handler, id, 'criminal-offence');
  const row = await owner
    .selectFrom('complaint')
    .select(['reference', 'complainant_id'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    id,
    inboundMailId,
    attachmentId: (file.json() as { id: string }).id,
    complainantId: row.complainant_id as string,
    markers: {
      id,
      reference: row.reference,
      name: input.name,
      email,
      text,
      subject,
      note,
      attachment: attachmentName,
    },
    access: await accessOf(owner, id),
  };
}

/** A real HTTP receiver on loopback that keeps every webhook body it gets. */
async function startReceiver() {
  const bodies: string[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      bodies.push(body);
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, bodies };
}

export const OTHER_HOST = 'lek-andere.test';

export async function createLeakWorld(owner: Database, app: FastifyInstance) {
  const world = await createComplaintWorld(owner, app);
  const org = world.organization.id;
  const departmentA = world.wonen;
  const departmentB = world.vastgoed;

  // every staff role, in department A
  const principals: Principal[] = [];
  const roleUsers = new Map<StaffRole, { id: string; client: Client }>();
  for (const role of STAFF_ROLES) {
    const user = await createStaffUser(owner, org, {
      name: `Rol ${role}`,
      roles: role === 'employee' ? ['employee'] : ['employee', role],
      departmentId: departmentA.id,
    });
    const client = await signIn(app, user.email);
    roleUsers.set(role, { id: user.id, client });
  }
  const admin = roleUsers.get('admin')?.client as Client;

  // the webhook receiver subscribes to every event before anything happens
  const receiver = await startReceiver();
  const eventTypes = Object.keys(INTEGRATION_EVENT_TYPES);
  const webhookIds: string[] = [];
  for (let i = 0; i < eventTypes.length; i += 20) {
    const created = await admin.request({
      method: 'POST',
      url: '/api/admin/webhooks',
      payload: {
        name: `Lektest ${i}`,
        url: receiver.url,
        eventTypes: eventTypes.slice(i, i + 20),
        allowPrivateNetwork: true,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    webhookIds.push((created.json() as { endpoint: { id: string } }).endpoint.id);
  }

  // department B: Karel handles, Victor manages
  const karel = world.as.karel;
  const inB = { departmentId: departmentB.id, unitId: world.unit.id };
  const ordinary = await complaintWithMarkers(owner, karel, {
    ...inB,
    tag: 'GEWOON',
    name: 'Gerda Gewoon',
    marking: 'ordinary',
  });
  const confidential = await complaintWithMarkers(owner, karel, {
    ...inB,
    tag: 'VERTROUWELIJK',
    name: 'Vera Verborgen',
    marking: 'confidential',
  });
  // its answer goes out by mail; the management assistant cc'd on the case may not see it (policy 2.5)
  await owner
    .updateTable('complaint')
    .set({ management_assistant_ids: [roleUsers.get('management_assistant')?.id as string] })
    .where('id', '=', confidential.id)
    .execute();
  await step(karel, confidential.id, 'contacts', {
    kind: 'phone',
    direction: 'outbound',
    summary: 'Gebeld.',
  });
  await step(karel, confidential.id, 'assessment', {
    kind: 'policy_not_followed',
    verdict: 'upheld',
    apologyOffered: true,
    errorAdmitted: true,
    demonstrableDamage: false,
  });
  await step(karel, confidential.id, 'answer', {
    text: `Ons antwoord op ${confidential.markers.subject}: ${confidential.markers.text} is onderzocht.`,
  });
  // Jannie, who lives at the same address, disagrees with that answer: an ordinary repeat of a hidden complaint
  const repeatText = 'LEKHERHAALTEKST';
  const repeat = await register(karel, {
    channel: 'phone',
    complainantId: world.tenant.id,
    unitId: world.unit.id,
    description: `${repeatText}: ik ben het niet eens met het antwoord.`,
    repeat: { kind: 'disagrees_with_decision', earlierComplaintId: confidential.id, newFacts: false },
  });
  const board = await complaintWithMarkers(owner, karel, {
    ...inB,
    tag: 'DIRECTIE',
    name: 'Dirk Strafzaak',
    marking: 'board',
  });

  // the MT links all three to an MT item, an improvement action and a meeting's decision (policy 2.4, 3.1)
  const mt = world.as.marieke;
  const linked = [ordinary.id, confidential.id, board.id];
  const issue = await mt.request({
    method: 'POST',
    url: '/api/mt/policy-issues',
    payload: { title: 'Bejegening door opzichters', complaintIds: linked },
  });
  expect(issue.statusCode, issue.body).toBe(201);
  const issueId = (issue.json() as { id: string }).id;
  const action = await mt.request({
    method: 'POST',
    url: '/api/improvement-actions',
    payload: { title: 'Training opzichters', complaintIds: linked, departmentId: departmentB.id },
  });
  expect(action.statusCode, action.body).toBe(201);
  const today = new Date().toISOString().slice(0, 10);
  const meeting = await mt.request({
    method: 'POST',
    url: '/api/mt/meetings',
    payload: { quarter: quarterOfDay(toLocalDate(new Date())), heldOn: today, minutes: 'Besproken.' },
  });
  expect(meeting.statusCode, meeting.body).toBe(201);
  const meetingId = (meeting.json() as { id: string }).id;
  const decision = await mt.request({
    method: 'POST',
    url: `/api/mt/meetings/${meetingId}/decisions`,
    payload: {
      policyIssueId: issueId,
      subject: 'Bejegening',
      decision: 'adjust_policy',
      reason: 'Vaker gezien.',
    },
  });
  expect(decision.statusCode, decision.body).toBeLessThan(300);

  // a second organisation of the same shape
  const other = await createOrganization(owner, { hostnames: [OTHER_HOST] });
  const otherUser = await createStaffUser(owner, other.id, {
    name: 'Olga Anders',
    roles: ['employee', 'manager', 'management_team', 'board', 'legal', 'admin', 'privacy_officer'],
  });
  const otherDepartment = await createDepartment(owner, other.id, { managerUserId: otherUser.id });
  await owner
    .updateTable('staff_user')
    .set({ department_id: otherDepartment.id })
    .where('id', '=', otherUser.id)
    .execute();
  // references count per organisation: start the other one's far away so a reference names one complaint
  const thisYear = new Date().getUTCFullYear();
  await owner
    .insertInto('complaint_sequence')
    .values([thisYear, thisYear + 1].map((year) => ({ organization_id: other.id, year, last_number: 700 })))
    .execute();
  const otherClient = await signIn(app, otherUser.email, OTHER_HOST);
  const otherComplaint = await complaintWithMarkers(owner, otherClient, {
    tag: 'ANDERS',
    name: 'Anton Elders',
    departmentId: otherDepartment.id,
    unitId: null,
    marking: 'confidential',
  });

  const complaints: WorldComplaint[] = [
    { label: 'ordinary', organization: 'own', ...ordinary },
    { label: 'confidential', organization: 'own', ...confidential },
    { label: 'board-track', organization: 'own', ...board },
    { label: 'other-organisation', organization: 'other', ...otherComplaint },
    {
      label: 'repeat-of-confidential',
      organization: 'own',
      id: repeat.id,
      complainantId: world.tenant.id,
      attachmentId: randomUUID(),
      inboundMailId: randomUUID(),
      access: await accessOf(owner, repeat.id),
      markers: {
        id: repeat.id,
        reference: repeat.reference,
        name: world.tenant.name,
        email: 'geen-adres@lek.invalid',
        text: repeatText,
        subject: repeatText,
        note: repeatText,
        attachment: repeatText,
      },
    },
  ];

  for (const [role, user] of roleUsers) {
    principals.push({
      label: `role ${role}`,
      organization: 'own',
      reader: await staffActorOf(owner, user.id),
      request: user.client.request,
    });
  }
  // the people around department A and B, with the positive controls (handler and manager of B, board, MT)
  for (const name of ['mia', 'anna', 'eva', 'karel', 'victor', 'bram', 'marieke', 'lotte'] as const) {
    principals.push({
      label: `${name} (${world.people[name].roles.join('+')})`,
      organization: 'own',
      reader: await staffActorOf(owner, world.people[name].id),
      request: world.as[name].request,
    });
  }
  for (const scope of TOKEN_SCOPES) {
    const created = await admin.request({
      method: 'POST',
      url: '/api/admin/api-tokens',
      payload: { name: `Lektest ${scope}`, scope },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { token } = created.json() as { token: string };
    principals.push({
      label: `token ${scope}`,
      organization: 'own',
      reader: { kind: 'token', scope },
      request: (options) =>
        app.inject({ ...options, headers: { authorization: `Bearer ${token}`, ...(options.headers ?? {}) } }),
    });
  }
  principals.push({
    label: 'other organisation (every role)',
    organization: 'other',
    reader: await staffActorOf(owner, otherUser.id),
    request: otherClient.request,
  });

  return {
    world,
    owner,
    principals,
    complaints,
    admin,
    webhook: { receiver, ids: webhookIds },
    improvementActionId: (action.json() as { id: string }).id,
    meetingId,
    unknownId: randomUUID(),
  };
}

export type LeakWorld = Awaited<ReturnType<typeof createLeakWorld>>;
