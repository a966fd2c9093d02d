import fc from 'fast-check';
import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { createTestDatabase } from '../support/database.ts';
import { createHousingComplex, createOrganization } from '../support/factories.ts';
import { signInAs } from '../support/sessions.ts';
import { createStaffUser } from '../support/staff-factories.ts';

const database = await createTestDatabase();
const organization = await createOrganization(database.owner, { isDefault: true });
const app = await createTestApp(database.app);
const admin = await signInAs(
  app,
  (await createStaffUser(database.owner, organization.id, { roles: ['employee', 'admin'] })).email,
);
const complex = await createHousingComplex(database.owner, organization.id, { complexNumber: 'F-1' });
const unit = await database.owner
  .insertInto('unit')
  .values({
    organization_id: organization.id,
    street: 'Fuzzlaan',
    house_number: 1,
    postcode: '1234AB',
    place: 'X',
  })
  .returning('id')
  .executeTakeFirstOrThrow();
const person = await database.owner
  .insertInto('person')
  .values({ organization_id: organization.id, name: 'Fuzz', relation: 'other' })
  .returning('id')
  .executeTakeFirstOrThrow();
const representative = await database.owner
  .insertInto('representative')
  .values({ organization_id: organization.id, name: 'Fuzz', relation: 'buur' })
  .returning('id')
  .executeTakeFirstOrThrow();
const contractor = await database.owner
  .insertInto('contractor')
  .values({ organization_id: organization.id, name: 'Fuzz BV' })
  .returning('id')
  .executeTakeFirstOrThrow();

// Each write with a valid body: the fuzzer replaces some of its fields, so hostile values reach the database.
const WRITES: { method: 'POST' | 'PATCH'; url: string; valid: Record<string, unknown> }[] = [
  {
    method: 'POST',
    url: '/api/housing-complexes',
    valid: { complexNumber: 'X1', name: 'Hof', place: 'Maasland', externalId: 'E1' },
  },
  { method: 'PATCH', url: `/api/housing-complexes/${complex.id}`, valid: { name: 'Hof', place: 'Maasland' } },
  {
    method: 'POST',
    url: '/api/units',
    valid: {
      housingComplexId: complex.id,
      externalId: 'U1',
      street: 'Laan',
      houseNumber: 2,
      houseNumberAddition: 'A',
      postcode: '1234 ab',
      place: 'X',
    },
  },
  { method: 'PATCH', url: `/api/units/${unit.id}`, valid: { houseNumber: 3, postcode: '1234AB' } },
  {
    method: 'POST',
    url: '/api/persons',
    valid: {
      name: 'A',
      email: 'a@example.nl',
      phone: '0612345678',
      postalAddress: 'Laan 1',
      relation: 'tenant',
      unitId: unit.id,
      externalId: 'P1',
    },
  },
  {
    method: 'PATCH',
    url: `/api/persons/${person.id}`,
    valid: { name: 'B', relation: 'buyer', unitId: null },
  },
  { method: 'POST', url: '/api/representatives', valid: { name: 'R', relation: 'zoon', consentNoted: true } },
  { method: 'PATCH', url: `/api/representatives/${representative.id}`, valid: { name: 'R2' } },
  { method: 'POST', url: '/api/contractors', valid: { name: 'Bouw BV', trade: 'schilder' } },
  { method: 'PATCH', url: `/api/contractors/${contractor.id}`, valid: { name: 'Fuzz BV', active: true } },
  {
    method: 'PATCH',
    url: '/api/reference-values/category/treated_wrongly',
    valid: { label: 'Onjuist behandeld', sortOrder: 4, active: true },
  },
  {
    method: 'POST',
    url: '/api/calendar-settings',
    valid: { termWorkingDays: 5, cutOffTime: '17:00', liberationDay: 'lustrum', closingDays: ['2026-12-24'] },
  },
  {
    method: 'POST',
    url: '/api/imports/units',
    valid: { csv: 'extern_id;straat;huisnummer;postcode;plaats\nA1;Laan;1;1234AB;X\n' },
  },
];

// Values near the valid ones as well as hostile ones: NUL bytes, lone surrogates, huge numbers, wrong types.
const value = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 400 }),
  fc.constantFrom(
    '1234 ab',
    '0000AA',
    'a@b.nl',
    '17:00',
    '2026-02-30',
    'tenant',
    'lustrum',
    '\u0000',
    'a\u0000',
    '',
  ),
  fc.uuid(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 12 }), { maxLength: 4 }),
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    'extern_id;straat;huisnummer;postcode;plaats\nA1;Laan;1;1234AB;X\n',
    'extern_id;straat;huisnummer;postcode;plaats\nA1;Laan\u0000;1;1234AB;X\nA2;"open',
  ),
);

async function snapshot() {
  const result = await sql<{ state: string }>`
    select concat_ws('|',
      (select count(*) from housing_complex), (select count(*) from unit), (select count(*) from person),
      (select count(*) from representative), (select count(*) from contractor), (select count(*) from calendar_settings),
      (select md5(string_agg(name || place || complex_number, ',' order by id)) from housing_complex),
      (select md5(string_agg(concat(street, house_number, postcode, housing_complex_id), ',' order by id)) from unit),
      (select md5(string_agg(concat(name, email, phone, relation, unit_id), ',' order by id)) from person),
      (select md5(string_agg(concat(name, trade, active), ',' order by id)) from contractor),
      (select md5(string_agg(concat(label, sort_order, active), ',' order by code)) from reference_value)
    ) as state`.execute(database.owner);
  return result.rows[0]?.state;
}

describe('random bodies to the reference-data write endpoints', () => {
  test('never a 5xx; a refusal is problem+json and leaves every table as it was', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...WRITES),
        fc.oneof(
          fc.jsonValue({ maxDepth: 3 }).map((json) => () => json),
          fc
            .dictionary(fc.string({ maxLength: 20 }), value, { maxKeys: 3 })
            .map((extra) => (valid: Record<string, unknown>) => ({ ...valid, ...extra })),
          fc
            .tuple(fc.nat(), value, fc.option(fc.tuple(fc.nat(), value)))
            .map(([i, v, second]) => (valid: Record<string, unknown>) => {
              const keys = Object.keys(valid);
              const body = { ...valid, [keys[i % keys.length] as string]: v };
              if (second) body[keys[second[0] % keys.length] as string] = second[1];
              return body;
            }),
        ),
        async (endpoint, mutate) => {
          const body = mutate(endpoint.valid);
          const before = await snapshot();
          const response = await admin.request({
            method: endpoint.method,
            url: endpoint.url,
            headers: { 'content-type': 'application/json' },
            payload: JSON.stringify(body),
          });
          expect(response.statusCode, `${endpoint.method} ${endpoint.url} ${response.body}`).toBeLessThan(
            500,
          );
          if (response.statusCode >= 400) {
            expect(response.headers['content-type']).toContain('application/problem+json');
            expect(await snapshot()).toBe(before);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  test('random query strings on the lists never give a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          '/api/housing-complexes',
          '/api/units',
          '/api/persons',
          '/api/representatives',
          '/api/contractors',
        ),
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 30 }),
          fc.constantFrom('a\u0000b', '%', '_', '\\', "'"),
        ),
        fc.oneof(fc.integer(), fc.string({ maxLength: 5 })),
        async (path, search, limit) => {
          const query = new URLSearchParams({ search, limit: String(limit) });
          const response = await admin.request({ url: `${path}?${query}` });
          expect(response.statusCode, response.body).toBeLessThan(500);
        },
      ),
      { numRuns: 200 },
    );
  });
});
