import type { InjectOptions } from 'fastify';
import { describe, expect, test } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { createTestDatabase } from '../support/database.ts';
import { createHousingComplex, createOrganization } from '../support/factories.ts';
import { signInAs } from '../support/sessions.ts';
import { createStaffUser } from '../support/staff-factories.ts';

const database = await createTestDatabase();
const organization = await createOrganization(database.owner, { isDefault: true });
const other = await createOrganization(database.owner, { name: 'Andere corporatie' });
const app = await createTestApp(database.app);
const admin = await signInAs(
  app,
  (await createStaffUser(database.owner, organization.id, { roles: ['employee', 'admin'] })).email,
);
const employee = await signInAs(app, (await createStaffUser(database.owner, organization.id)).email);

async function createToken(scope: 'read' | 'register' | 'full') {
  const response = await admin.request({
    method: 'POST',
    url: '/api/admin/api-tokens',
    payload: { name: `Koppeling ${scope}`, scope },
  });
  expect(response.statusCode, response.body).toBe(201);
  const token: string = response.json().token;
  return (options: InjectOptions) =>
    app.inject({ ...options, headers: { authorization: `Bearer ${token}` } });
}

describe('housing complexes and units', () => {
  test('an admin creates a complex; a unit with a loosely typed postcode is normalised and linked', async () => {
    const complex = await admin.request({
      method: 'POST',
      url: '/api/housing-complexes',
      payload: { complexNumber: '1040', name: 'De Hoven', place: 'Maasland', externalId: 'CPX-1040' },
    });
    expect(complex.statusCode, complex.body).toBe(201);
    const unit = await employee.request({
      method: 'POST',
      url: '/api/units',
      payload: {
        housingComplexId: complex.json().id,
        street: 'Dorpsstraat',
        houseNumber: 12,
        houseNumberAddition: 'A',
        postcode: ' 2678 ab ',
        place: 'Maasland',
      },
    });
    expect(unit.statusCode, unit.body).toBe(201);
    expect(unit.json()).toMatchObject({ postcode: '2678AB', complexNumber: '1040', complexName: 'De Hoven' });

    const found = await employee.request({ url: '/api/units?search=dorpsstraat%2012a' });
    expect(found.json().items.map((u: { id: string }) => u.id)).toEqual([unit.json().id]);
    const byPostcode = await employee.request({ url: '/api/units?search=2678' });
    expect(byPostcode.json().total).toBe(1);
    const none = await employee.request({ url: '/api/units?search=dorpsstraat%2099' });
    expect(none.json()).toMatchObject({ items: [], total: 0 });

    const renamed = await admin.request({
      method: 'PATCH',
      url: `/api/housing-complexes/${complex.json().id}`,
      payload: { name: 'De Hoven II' },
    });
    expect(renamed.json()).toMatchObject({ name: 'De Hoven II', complexNumber: '1040', place: 'Maasland' });
  });

  test('bad postcodes and house numbers get field errors in Dutch and English', async () => {
    const response = await employee.request({
      method: 'POST',
      url: '/api/units',
      payload: { street: '', houseNumber: 0, postcode: '0123 AB', place: 'Maasland' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const errors = response.json().errors as { path: string; messages: { nl: string; en: string } }[];
    expect(errors.map((e) => e.path).sort()).toEqual(['houseNumber', 'postcode', 'street']);
    const postcode = errors.find((e) => e.path === 'postcode');
    expect(postcode?.messages).toEqual({
      nl: 'Vul een postcode in zoals 2678 AB.',
      en: 'Enter a Dutch postcode such as 2678 AB.',
    });
  });

  test('a duplicate complex number is a 409 naming the field', async () => {
    await createHousingComplex(database.owner, organization.id, { complexNumber: '2000' });
    const response = await admin.request({
      method: 'POST',
      url: '/api/housing-complexes',
      payload: { complexNumber: '2000', name: 'Dubbel', place: 'Schipluiden' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'already_exists', errors: [{ path: 'complexNumber' }] });
  });

  test('employees may not create or change complexes', async () => {
    const created = await employee.request({
      method: 'POST',
      url: '/api/housing-complexes',
      payload: { complexNumber: '3000', name: 'Nee', place: 'Maasland' },
    });
    expect(created.statusCode).toBe(403);
    const complex = await createHousingComplex(database.owner, organization.id, { complexNumber: '3001' });
    const patched = await employee.request({
      method: 'PATCH',
      url: `/api/housing-complexes/${complex.id}`,
      payload: { name: 'Nee' },
    });
    expect(patched.statusCode).toBe(403);
    const stored = await database.owner
      .selectFrom('housing_complex')
      .select('name')
      .where('id', '=', complex.id)
      .executeTakeFirstOrThrow();
    expect(stored.name).toBe('De Hoven');
  });

  test('lists page with limit and offset and report the total', async () => {
    for (const number of ['P1', 'P2', 'P3', 'P4', 'P5']) {
      await createHousingComplex(database.owner, organization.id, {
        complexNumber: number,
        name: 'Paginahof',
      });
    }
    const first = await employee.request({ url: '/api/housing-complexes?search=paginahof&limit=2' });
    const third = await employee.request({ url: '/api/housing-complexes?search=paginahof&limit=2&offset=4' });
    expect(first.json()).toMatchObject({ total: 5, limit: 2, offset: 0 });
    expect(first.json().items.map((c: { complexNumber: string }) => c.complexNumber)).toEqual(['P1', 'P2']);
    expect(third.json().items.map((c: { complexNumber: string }) => c.complexNumber)).toEqual(['P5']);
    const tooMany = await employee.request({ url: '/api/housing-complexes?limit=5000' });
    expect(tooMany.statusCode).toBe(400);
  });
});

describe('persons, representatives and contractors', () => {
  test('any employee records a caller as a person on the fly and finds them again', async () => {
    const created = await employee.request({
      method: 'POST',
      url: '/api/persons',
      payload: {
        name: 'Mevrouw A. Bakker',
        email: ' A.Bakker@Example.nl ',
        phone: '06 12345678',
        postalAddress: 'Postbus 12, 2678 AA Maasland',
        relation: 'prospective_tenant',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ email: 'a.bakker@example.nl', unitId: null });
    const found = await employee.request({ url: '/api/persons?search=bakker&relation=prospective_tenant' });
    expect(found.json().items).toHaveLength(1);
    const updated = await employee.request({
      method: 'PATCH',
      url: `/api/persons/${created.json().id}`,
      payload: { phone: null, relation: 'tenant' },
    });
    expect(updated.json()).toMatchObject({ phone: null, relation: 'tenant', email: 'a.bakker@example.nl' });
  });

  test('a representative with consent noted', async () => {
    const created = await employee.request({
      method: 'POST',
      url: '/api/representatives',
      payload: { name: 'J. Bakker', relation: 'zoon', consentNoted: true },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ consentNoted: true, email: null });
    const bad = await employee.request({
      method: 'POST',
      url: '/api/representatives',
      payload: { name: 'X', relation: 'buurman', phone: 'bel me' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ path: 'phone' });
  });

  test('contractors: an admin creates and deactivates one; an employee may read but not edit', async () => {
    const created = await admin.request({
      method: 'POST',
      url: '/api/contractors',
      payload: { name: 'Installatiebedrijf Van der Berg', trade: 'loodgieter' },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const refused = await employee.request({
      method: 'PATCH',
      url: `/api/contractors/${id}`,
      payload: { name: 'Overgenomen' },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('forbidden');
    const refusedCreate = await employee.request({
      method: 'POST',
      url: '/api/contractors',
      payload: { name: 'Nieuw' },
    });
    expect(refusedCreate.statusCode).toBe(403);
    const duplicate = await admin.request({
      method: 'POST',
      url: '/api/contractors',
      payload: { name: 'installatiebedrijf van der berg' },
    });
    expect(duplicate.statusCode).toBe(409);
    await admin.request({ method: 'PATCH', url: `/api/contractors/${id}`, payload: { active: false } });
    const active = await employee.request({ url: '/api/contractors?active=true&search=berg' });
    const inactive = await employee.request({ url: '/api/contractors?active=false&search=berg' });
    expect(active.json().total).toBe(0);
    expect(inactive.json().items[0]).toMatchObject({
      name: 'Installatiebedrijf Van der Berg',
      active: false,
    });
  });
});

describe('integration tokens', () => {
  test('a read-only token reads but cannot write', async () => {
    const read = await createToken('read');
    expect((await read({ url: '/api/persons' })).statusCode).toBe(200);
    expect((await read({ url: '/api/calendar-settings' })).statusCode).toBe(200);
    const write = await read({
      method: 'POST',
      url: '/api/persons',
      payload: { name: 'Via koppeling', relation: 'other' },
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().code).toBe('token_scope_insufficient');
    const count = await database.owner
      .selectFrom('person')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('name', '=', 'Via koppeling')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  test('a register token records complainants, but never administers reference data', async () => {
    const register = await createToken('register');
    const person = await register({
      method: 'POST',
      url: '/api/persons',
      payload: { name: 'Via website', relation: 'other', email: 'web@example.nl' },
    });
    expect(person.statusCode).toBe(201);
    const contractor = await register({
      method: 'POST',
      url: '/api/contractors',
      payload: { name: 'Nee BV' },
    });
    expect(contractor.statusCode).toBe(403);
    const settings = await register({ method: 'POST', url: '/api/calendar-settings', payload: {} });
    expect(settings.statusCode).toBe(403);
  });
});

describe('tenant isolation', () => {
  test("another organisation's rows are invisible, unchangeable and cannot be referenced", async () => {
    const theirComplex = await createHousingComplex(database.owner, other.id, {
      complexNumber: '9090',
      name: 'Verborgen hof',
    });
    const theirUnit = await database.owner
      .insertInto('unit')
      .values({
        organization_id: other.id,
        street: 'Geheimstraat',
        house_number: 1,
        postcode: '1234AB',
        place: 'Elders',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const theirPerson = await database.owner
      .insertInto('person')
      .values({ organization_id: other.id, name: 'Verborgen Persoon', relation: 'tenant' })
      .returning('id')
      .executeTakeFirstOrThrow();

    expect((await employee.request({ url: '/api/housing-complexes?search=verborgen' })).json().total).toBe(0);
    expect((await employee.request({ url: '/api/units?search=geheimstraat' })).json().total).toBe(0);
    expect((await employee.request({ url: '/api/persons?search=verborgen' })).json().total).toBe(0);
    expect((await employee.request({ url: `/api/housing-complexes/${theirComplex.id}` })).statusCode).toBe(
      404,
    );
    expect((await employee.request({ url: `/api/persons/${theirPerson.id}` })).statusCode).toBe(404);
    const patch = await employee.request({
      method: 'PATCH',
      url: `/api/persons/${theirPerson.id}`,
      payload: { name: 'Overgenomen' },
    });
    expect(patch.statusCode).toBe(404);

    // Foreign keys do not see row-level security; the service must refuse the other organisation's ids.
    const linked = await employee.request({
      method: 'POST',
      url: '/api/persons',
      payload: { name: 'Koppelpoging', relation: 'tenant', unitId: theirUnit.id },
    });
    expect(linked.statusCode).toBe(400);
    expect(linked.json().errors[0]).toMatchObject({ path: 'unitId', code: 'invalid_reference' });
    const unit = await employee.request({
      method: 'POST',
      url: '/api/units',
      payload: {
        housingComplexId: theirComplex.id,
        street: 'X',
        houseNumber: 1,
        postcode: '1234AB',
        place: 'Y',
      },
    });
    expect(unit.statusCode).toBe(400);
    expect(unit.json().errors[0].path).toBe('housingComplexId');
  });
});
