import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Database } from '../../src/server/db/database.ts';
import { createOrganization } from './factories.ts';
import { type Client, signInAs } from './sessions.ts';
import { createDepartment, createStaffUser } from './staff-factories.ts';

/**
 * A small housing corporation for case-handling tests: department Wonen (manager Mia, handler Eva,
 * management assistant Anna), department Vastgoed (manager Victor, employee Karel), a legal adviser,
 * a board member and an MT member, one complex with a unit and a tenant, and a contractor Wonen is
 * responsible for.
 */
export async function createComplaintWorld(owner: Database, app: FastifyInstance) {
  const organization = await createOrganization(owner, { isDefault: true });
  const org = organization.id;
  const mia = await createStaffUser(owner, org, { name: 'Mia Manager', roles: ['employee', 'manager'] });
  const wonen = await createDepartment(owner, org, { name: 'Wonen', managerUserId: mia.id });
  const victor = await createStaffUser(owner, org, {
    name: 'Victor Vastgoed',
    roles: ['employee', 'manager'],
  });
  const vastgoed = await createDepartment(owner, org, { name: 'Vastgoed', managerUserId: victor.id });
  await owner.updateTable('staff_user').set({ department_id: wonen.id }).where('id', '=', mia.id).execute();
  await owner
    .updateTable('staff_user')
    .set({ department_id: vastgoed.id })
    .where('id', '=', victor.id)
    .execute();
  const eva = await createStaffUser(owner, org, { name: 'Eva Behandelaar', departmentId: wonen.id });
  const anna = await createStaffUser(owner, org, {
    name: 'Anna Assistent',
    roles: ['employee', 'management_assistant'],
    departmentId: wonen.id,
  });
  const karel = await createStaffUser(owner, org, { name: 'Karel Collega', departmentId: vastgoed.id });
  const lotte = await createStaffUser(owner, org, { name: 'Lotte Jurist', roles: ['employee', 'legal'] });
  const bram = await createStaffUser(owner, org, { name: 'Bram Directie', roles: ['employee', 'board'] });
  const marieke = await createStaffUser(owner, org, {
    name: 'Marieke MT',
    roles: ['employee', 'management_team'],
  });
  const complex = await owner
    .insertInto('housing_complex')
    .values({ organization_id: org, complex_number: '1042', name: 'De Hofjes', place: 'Maasland' })
    .returningAll()
    .executeTakeFirstOrThrow();
  const unit = await owner
    .insertInto('unit')
    .values({
      organization_id: org,
      housing_complex_id: complex.id,
      street: 'Hofweg',
      house_number: 12,
      postcode: '3155AB',
      place: 'Maasland',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const tenant = await owner
    .insertInto('person')
    .values({
      organization_id: org,
      name: 'Jannie de Vries',
      phone: '0612345678',
      relation: 'tenant',
      unit_id: unit.id,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const contractor = await owner
    .insertInto('contractor')
    // Complaints about the contractor are routed to the department responsible for it (policy 1.3)
    .values({
      organization_id: org,
      name: 'Loodgietersbedrijf Van Dam',
      trade: 'loodgieter',
      responsible_department_id: wonen.id,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const as = {
    mia: await signInAs(app, mia.email),
    eva: await signInAs(app, eva.email),
    anna: await signInAs(app, anna.email),
    karel: await signInAs(app, karel.email),
    victor: await signInAs(app, victor.email),
    lotte: await signInAs(app, lotte.email),
    bram: await signInAs(app, bram.email),
    marieke: await signInAs(app, marieke.email),
  };
  return {
    organization,
    wonen,
    vastgoed,
    people: { mia, victor, eva, anna, karel, lotte, bram, marieke },
    complex,
    unit,
    tenant,
    contractor,
    as,
  };
}

export type ComplaintWorld = Awaited<ReturnType<typeof createComplaintWorld>>;

/** Posts one step and expects it to succeed; returns the complaint detail. */
export async function step(client: Client, complaintId: string, path: string, payload?: object) {
  const response = await client.request({
    method: 'POST',
    url: `/api/complaints/${complaintId}/${path}`,
    ...(payload === undefined ? {} : { payload }),
  });
  expect(response.statusCode, `${path}: ${response.body}`).toBe(200);
  return response.json();
}

export async function attempt(
  client: Client,
  complaintId: string,
  path: string,
  payload?: object,
): Promise<LightMyRequestResponse> {
  return client.request({
    method: 'POST',
    url: `/api/complaints/${complaintId}/${path}`,
    ...(payload === undefined ? {} : { payload }),
  });
}

export async function register(client: Client, payload: object) {
  const response = await client.request({ method: 'POST', url: '/api/complaints', payload });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}
