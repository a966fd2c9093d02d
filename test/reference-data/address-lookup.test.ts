import { describe, expect, test } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { createTestDatabase } from '../support/database.ts';
import { createHousingComplex, createOrganization } from '../support/factories.ts';
import { signInAs } from '../support/sessions.ts';
import { createStaffUser } from '../support/staff-factories.ts';

// Issue 22: a new caller's address is found by postcode and house number in the imported units.

const database = await createTestDatabase();
const organization = await createOrganization(database.owner, { isDefault: true });
const other = await createOrganization(database.owner, { name: 'Andere corporatie' });
const app = await createTestApp(database.app);
const employee = await signInAs(app, (await createStaffUser(database.owner, organization.id)).email);
const complex = await createHousingComplex(database.owner, organization.id, {
  complexNumber: '2611',
  name: 'Het Hof',
  place: 'Delft',
});

async function unitAt(
  organizationId: string,
  houseNumber: number,
  addition: string | null,
  complexId?: string,
) {
  return database.owner
    .insertInto('unit')
    .values({
      organization_id: organizationId,
      housing_complex_id: complexId ?? null,
      street: 'Oude Delft',
      house_number: houseNumber,
      house_number_addition: addition,
      postcode: '2611AB',
      place: 'Delft',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

const plain = await unitAt(organization.id, 12, null, complex.id);
const withA = await unitAt(organization.id, 14, 'A', complex.id);
const withB = await unitAt(organization.id, 14, 'B', complex.id);
await unitAt(other.id, 16, null);

const lookUp = (query: string) => employee.request({ url: `/api/address-lookup?${query}` });
const ids = (body: { items: { id: string }[] }) => body.items.map((u) => u.id);

describe('address lookup for a new caller', () => {
  test('finds the unit with street, place and complex, however the postcode is written', async () => {
    for (const postcode of ['2611AB', '2611%20AB', '2611ab', '%202611%20ab%20']) {
      const response = await lookUp(`postcode=${postcode}&houseNumber=12`);
      expect(response.statusCode, response.body).toBe(200);
      expect(ids(response.json())).toEqual([plain.id]);
    }
    const [unit] = (await lookUp('postcode=2611ab&houseNumber=12')).json().items;
    expect(unit).toMatchObject({
      street: 'Oude Delft',
      place: 'Delft',
      postcode: '2611AB',
      housingComplexId: complex.id,
      complexName: 'Het Hof',
    });
  });

  test('the addition narrows (case-insensitively); left out, every unit at the number is offered', async () => {
    expect(ids((await lookUp('postcode=2611AB&houseNumber=14&addition=b')).json())).toEqual([withB.id]);
    expect(ids((await lookUp('postcode=2611AB&houseNumber=14')).json())).toEqual([withA.id, withB.id]);
    expect(ids((await lookUp('postcode=2611AB&houseNumber=14&addition=C')).json())).toEqual([]);
    expect(ids((await lookUp('postcode=2611AB&houseNumber=99')).json())).toEqual([]);
  });

  test("another organisation's units are not found", async () => {
    const response = await lookUp('postcode=2611AB&houseNumber=16');
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toEqual([]);
  });

  test('a malformed postcode or house number is a 400 with field messages, never a 500', async () => {
    for (const query of [
      'postcode=26AB&houseNumber=12',
      'postcode=0611AB&houseNumber=12',
      'postcode=2611AB&houseNumber=twaalf',
      'postcode=2611AB&houseNumber=0',
      'postcode=2611AB',
      'houseNumber=12',
    ]) {
      const response = await lookUp(query);
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const errors = response.json().errors as { path: string; messages: { nl: string; en: string } }[];
      expect(errors.length, query).toBeGreaterThan(0);
      for (const error of errors) expect(error.messages.nl && error.messages.en, query).toBeTruthy();
    }
    const postcode = (await lookUp('postcode=26AB&houseNumber=12')).json().errors[0];
    expect(postcode).toMatchObject({
      path: 'postcode',
      messages: { nl: 'Vul een postcode in zoals 2678 AB.' },
    });
  });

  test('without a session it is refused', async () => {
    const response = await app.inject({ url: '/api/address-lookup?postcode=2611AB&houseNumber=12' });
    expect(response.statusCode).toBe(401);
  });
});
