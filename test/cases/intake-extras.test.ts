import { describe, expect, test } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { createComplaintWorld, register } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const kerkpolder = await database.owner
  .insertInto('housing_complex')
  .values({
    organization_id: world.organization.id,
    complex_number: '1043',
    name: 'Kerkpolder',
    place: 'Maasland',
  })
  .returningAll()
  .executeTakeFirstOrThrow();

const countRows = async () =>
  database.owner
    .selectNoFrom((eb) => [
      eb
        .selectFrom('complaint')
        .select((e) => e.fn.countAll<string>().as('n'))
        .as('complaints'),
      eb
        .selectFrom('representative')
        .select((e) => e.fn.countAll<string>().as('n'))
        .as('representatives'),
    ])
    .executeTakeFirstOrThrow();

describe('what the back office registers at intake besides the complaint (policy 1.1, 2.2)', () => {
  test('a daughter calls for her mother about another complex: representative with contact, complex named', async () => {
    const complaint = await register(world.as.eva, {
      channel: 'phone',
      complainantId: world.tenant.id,
      representative: {
        name: 'Ilse de Vries',
        relation: 'dochter',
        phone: '06 98765432',
        email: 'ilse@example.nl',
        consentNoted: true,
      },
      // the tenant lives in De Hofjes; the complaint is about the garden of Kerkpolder
      housingComplexId: kerkpolder.id,
      description: 'De tuin achter het complex wordt niet onderhouden.',
    });
    expect(complaint.representative).toMatchObject({
      name: 'Ilse de Vries',
      relation: 'dochter',
      phone: '06 98765432',
      email: 'ilse@example.nl',
      consentNoted: true,
    });
    expect(complaint.housingComplex).toEqual({
      id: kerkpolder.id,
      name: 'Kerkpolder',
      complexNumber: '1043',
    });
    expect(complaint.unit.postcode).toBe('3155AB');

    const reread = await world.as.eva.request({ url: `/api/complaints/${complaint.id}` });
    expect(reread.json().representative.phone).toBe('06 98765432');
  });

  test('without a named complex the unit’s complex is taken', async () => {
    const complaint = await register(world.as.eva, {
      channel: 'desk',
      complainantId: world.tenant.id,
      description: 'De lift doet het weer niet.',
    });
    expect(complaint.housingComplex.id).toBe(world.complex.id);
    expect(complaint.representative).toBeNull();
  });

  test.each([
    [
      'an unknown complex',
      { housingComplexId: '0b8e7f4c-1d2a-4c3b-9e8f-7a6b5c4d3e2f' },
      'housingComplexId',
      'invalid_reference',
    ],
    [
      'a representative without a relation',
      { representative: { name: 'Ilse de Vries', relation: ' ', consentNoted: true } },
      'representative.relation',
      undefined,
    ],
    [
      'a repeat of an employee’s answer without the employee',
      { repeat: { kind: 'employee_response', earlierComplaintId: world.tenant.id, cause: 'late' } },
      'repeat.employeeId',
      undefined,
    ],
  ])('%s is refused with a field error and stores nothing', async (_, extra, path, code) => {
    const before = await countRows();
    const response = await world.as.eva.request({
      method: 'POST',
      url: '/api/complaints',
      payload: {
        channel: 'phone',
        complainantId: world.tenant.id,
        description: 'Niemand heeft teruggebeld.',
        representative: { name: 'Ilse de Vries', relation: 'dochter', consentNoted: false },
        ...extra,
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const fieldError = response.json().errors.find((e: { path: string }) => e.path === path);
    expect(fieldError, response.body).toBeDefined();
    if (code) expect(fieldError.code).toBe(code);
    expect(await countRows()).toEqual(before);
  });
});
