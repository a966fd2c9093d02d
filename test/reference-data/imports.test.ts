import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { createTestDatabase } from '../support/database.ts';
import { createHousingComplex, createOrganization } from '../support/factories.ts';
import { signInAs } from '../support/sessions.ts';
import { createStaffUser } from '../support/staff-factories.ts';

const examples = path.resolve(import.meta.dirname, '../../docs/examples');
const example = (name: string) => readFileSync(path.join(examples, name));

const database = await createTestDatabase();
const organization = await createOrganization(database.owner, { isDefault: true });
const app = await createTestApp(database.app);
const admin = await signInAs(
  app,
  (await createStaffUser(database.owner, organization.id, { roles: ['employee', 'admin'] })).email,
);
const employee = await signInAs(app, (await createStaffUser(database.owner, organization.id)).email);

function importCsv(kind: string, body: string | Buffer, query = '') {
  return admin.request({
    method: 'POST',
    url: `/api/imports/${kind}${query}`,
    headers: { 'content-type': 'text/csv' },
    payload: body,
  });
}

const countOf = async (table: 'housing_complex' | 'unit' | 'person') =>
  Number(
    (
      await database.owner
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('organization_id', '=', organization.id)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('importing a corporation’s export (the example files in docs/examples)', () => {
  test('a dry run validates and counts but writes nothing', async () => {
    const response = await importCsv('complexes', example('complexen.csv'), '?dryRun=true');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      kind: 'complexes',
      dryRun: true,
      rows: 3,
      created: 3,
      updated: 0,
      unchanged: 0,
      ignoredColumns: [],
    });
    expect(await countOf('housing_complex')).toBe(0);
  });

  test('complexes, then units, then tenants: BOM, semicolons, quoted commas, loose postcodes', async () => {
    const complexes = await importCsv('complexes', example('complexen.csv'));
    expect(complexes.json()).toMatchObject({ created: 3, updated: 0 });
    const units = await importCsv('units', example('eenheden.csv'));
    expect(units.statusCode, units.body).toBe(200);
    expect(units.json()).toMatchObject({ rows: 4, created: 4, ignoredColumns: ['Bouwjaar'] });
    const tenants = await importCsv('tenants', example('huurders.csv'));
    expect(tenants.statusCode, tenants.body).toBe(200);
    expect(tenants.json()).toMatchObject({ rows: 3, created: 3 });

    const unit = await database.owner
      .selectFrom('unit as u')
      .innerJoin('housing_complex as c', 'c.id', 'u.housing_complex_id')
      .select(['u.street', 'u.house_number', 'u.house_number_addition', 'u.postcode', 'c.complex_number'])
      .where('u.external_id', '=', '100020')
      .executeTakeFirstOrThrow();
    expect(unit).toEqual({
      street: 'Kerkpad, achterzijde',
      house_number: 3,
      house_number_addition: null,
      postcode: '2636EA',
      complex_number: '1041',
    });
    const tenant = await employee.request({ url: '/api/persons?search=bakker' });
    expect(tenant.json().items[0]).toMatchObject({
      externalId: 'R-5001',
      relation: 'tenant',
      email: 'a.bakker@example.nl',
    });
    const onUnit = await employee.request({ url: `/api/persons?unitId=${tenant.json().items[0].unitId}` });
    expect(onUnit.json().total).toBe(1);
  });

  test('a re-import updates by external id and reports created, updated and unchanged', async () => {
    const again = await importCsv(
      'units',
      [
        'extern_id,complexnummer,straat,huisnummer,toevoeging,postcode,plaats',
        '100012,1040,Dorpsstraat,12,B,2678AB,Maasland', // addition changed
        '100013,1040,Dorpsstraat,14,,2678AB,Maasland', // the same
        '100099,2001,Nieuwe Gracht,1,,2635 CB,Den Hoorn', // new
      ].join('\n'),
    );
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ rows: 3, created: 1, updated: 1, unchanged: 1 });
    expect(await countOf('unit')).toBe(5);
    const changed = await database.owner
      .selectFrom('unit')
      .select('house_number_addition')
      .where('external_id', '=', '100012')
      .executeTakeFirstOrThrow();
    expect(changed.house_number_addition).toBe('B');

    // Columns the file does not have keep their stored values: a tenant file without e-mail clears nothing.
    const tenants = await importCsv(
      'tenants',
      'extern_id;naam;eenheid\nR-5001;Mevrouw A. Bakker-Smit;100012\n',
    );
    expect(tenants.json()).toMatchObject({ updated: 1, created: 0 });
    const bakker = await database.owner
      .selectFrom('person')
      .select(['name', 'email'])
      .where('external_id', '=', 'R-5001')
      .executeTakeFirstOrThrow();
    expect(bakker).toEqual({ name: 'Mevrouw A. Bakker-Smit', email: 'a.bakker@example.nl' });
  });

  test('several bad rows: 422 listing every line, column and reason; nothing is written', async () => {
    const before = await countOf('unit');
    const response = await importCsv(
      'units',
      [
        'extern_id;complexnummer;straat;huisnummer;toevoeging;postcode;plaats',
        '200001;1040;Dorpsstraat;20;;2678AB;Maasland', // fine
        '200002;1040;Dorpsstraat;12a;;2678AB;Maasland', // house number with a letter
        '200003;9999;Dorpsstraat;22;;2678AB;Maasland', // unknown complex
        '200004;1040;;24;;0678 AB;Maasland', // no street, bad postcode
        '200001;1040;Dorpsstraat;26;;2678AB;Maasland', // duplicate id
      ].join('\r\n'),
    );
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const body = response.json();
    expect(body.code).toBe('import_invalid');
    expect(body.messages.nl).toContain('Er is niets geïmporteerd');
    expect(body.errors.map((e: { path: string }) => e.path)).toEqual([
      'line.3.huisnummer',
      'line.4.complexnummer',
      'line.5.straat',
      'line.5.postcode',
      'line.6.extern_id',
    ]);
    for (const error of body.errors) {
      expect(error.messages.nl.length).toBeGreaterThan(5);
      expect(error.messages.en.length).toBeGreaterThan(5);
    }
    expect(body.errors[4].messages.nl).toContain('regel 2');
    expect(await countOf('unit')).toBe(before);
  });

  test('a bad line lists every problem at once: its cells, a duplicate id and an unknown reference (issue 22)', async () => {
    const response = await importCsv(
      'units',
      [
        'extern_id;complexnummer;straat;huisnummer;toevoeging;postcode;plaats',
        '300001;1040;Dorpsstraat;20;;2678AB;Maasland', // fine
        '300001;9999;;20b;;0678 AB;Maasland', // duplicate id, unknown complex, no street, bad number and postcode
        '300003;9998;Dorpsstraat;22;;2678AB;Maasland;extra', // a field too many
      ].join('\r\n'),
    );
    expect(response.statusCode).toBe(422);
    const paths = response.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual([
      'line.3.straat',
      'line.3.huisnummer',
      'line.3.postcode',
      'line.3.extern_id',
      'line.3.complexnummer',
      'line.4',
    ]);
    const unknown = response.json().errors[4];
    expect(unknown.messages).toEqual({
      nl: 'Er is geen complex met complexnummer 9999; importeer eerst de complexen.',
      en: 'There is no complex with number 9999; import the complexes first.',
    });
  });

  test('tenants: a bad line with an unknown unit says both', async () => {
    const response = await importCsv(
      'tenants',
      ['extern_id;naam;email;eenheid', 'T-77;Mevrouw A;geen-adres;onbekend-77'].join('\n'),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'line.2.email',
      'line.2.eenheid',
    ]);
  });

  test('a header without required columns, an empty file and broken quoting are 422 too', async () => {
    const header = await importCsv('tenants', 'naam;telefoon\nA;0612345678\n');
    expect(header.statusCode).toBe(422);
    expect(header.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'line.1.extern_id',
      'line.1.eenheid',
    ]);
    const empty = await importCsv('complexes', '\uFEFF');
    expect(empty.statusCode).toBe(422);
    expect(empty.json().errors[0].code).toBe('empty');
    expect(empty.json().errors[0].path).toBe('line.1');
    const unquoted = await importCsv(
      'complexes',
      'complexnummer,naam,plaats\n1,Hof, Zuid,Maasland\n2,Noord,Maasland\n',
    );
    expect(unquoted.json().errors).toMatchObject([{ path: 'line.2', code: 'too_many_fields' }]);
    const quote = await importCsv('complexes', 'complexnummer;naam;plaats\n1;"Open;X\n2;B;C\n');
    expect(quote.statusCode).toBe(422);
    expect(quote.json().errors[0].code).toBe('csv_syntax');
  });

  test('a complex entered by hand is adopted by the import, not duplicated; a taken number is refused', async () => {
    const byHand = await createHousingComplex(database.owner, organization.id, { complexNumber: '3100' });
    const adopted = await importCsv('complexes', 'complexnummer,naam,plaats\n3100,Zuidhof,Maasland\n');
    expect(adopted.json()).toMatchObject({ created: 0, updated: 1 });
    const row = await database.owner
      .selectFrom('housing_complex')
      .select(['name', 'external_id'])
      .where('id', '=', byHand.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name: 'Zuidhof', external_id: '3100' });
    const taken = await importCsv(
      'complexes',
      'complexnummer;naam;plaats;extern_id\n3100;Ander;Maasland;X-1\n',
    );
    expect(taken.statusCode).toBe(422);
    expect(taken.json().errors[0]).toMatchObject({ path: 'line.2.complexnummer', code: 'taken' });
  });

  test('JSON bodies and Windows-1252 files are accepted', async () => {
    const json = await admin.request({
      method: 'POST',
      url: '/api/imports/complexes',
      payload: { csv: 'complexnummer;naam;plaats\n4000;Café Hof;Maasland\n' },
    });
    expect(json.statusCode, json.body).toBe(200);
    const latin = Buffer.from('complexnummer;naam;plaats\n4001;Pr\xE9 Hof;Maasland\n', 'latin1');
    expect((await importCsv('complexes', latin)).statusCode).toBe(200);
    const names = await database.owner
      .selectFrom('housing_complex')
      .select('name')
      .where('complex_number', 'in', ['4000', '4001'])
      .orderBy('complex_number')
      .execute();
    expect(names.map((n) => n.name)).toEqual(['Café Hof', 'Pré Hof']);
  });

  test('only administrators import; unknown kinds are 400', async () => {
    const refused = await employee.request({
      method: 'POST',
      url: '/api/imports/complexes',
      headers: { 'content-type': 'text/csv' },
      payload: 'complexnummer;naam;plaats\n5000;Nee;Maasland\n',
    });
    expect(refused.statusCode).toBe(403);
    expect((await importCsv('huurders', 'a;b\n1;2\n')).statusCode).toBe(400);
  });

  test('the OpenAPI document describes both body types and every column', async () => {
    const document = (await app.inject({ url: '/api/openapi.json' })).json();
    const operation = document.paths['/api/imports/{kind}'].post;
    expect(Object.keys(operation.requestBody.content)).toEqual(['text/csv', 'application/json']);
    for (const column of ['complexnummer', 'huisnummer', 'toevoeging', 'postcode', 'eenheid', 'telefoon']) {
      expect(operation.description).toContain(`\`${column}\``);
    }
    expect(operation.responses['422']).toBeDefined();
  });
});
