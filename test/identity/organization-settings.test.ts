import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { returnAddressOf } from '../../src/server/modules/messages/letters/answer-letter.ts';
import { createTestApp } from '../support/app.ts';
import { createComplaintWorld, register } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { signInAs } from '../support/sessions.ts';
import { createStaffUser } from '../support/staff-factories.ts';

// Issue 22: the organisation's name and postal address, edited by its administrator, printed on letters.
const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const admin = await signInAs(
  app,
  (await createStaffUser(database.owner, world.organization.id, { roles: ['employee', 'admin'] })).email,
);
const popplerAvailable = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;

describe('the organisation page', () => {
  test('an administrator reads and changes name and postal address; the public name follows', async () => {
    const before = await admin.request({ url: '/api/admin/organization' });
    expect(before.statusCode).toBe(200);
    expect(before.json()).toEqual({ name: world.organization.name, postalAddress: null });
    const saved = await admin.request({
      method: 'PUT',
      url: '/api/admin/organization',
      payload: { name: '  Woonstichting Maasoever ', postalAddress: 'Postbus 100\n2678 ZH  Maasland' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({
      name: 'Woonstichting Maasoever',
      postalAddress: 'Postbus 100\n2678 ZH  Maasland',
    });
    expect((await admin.request({ url: '/api/admin/organization' })).json()).toEqual(saved.json());
    expect((await app.inject({ url: '/api/organization' })).json().name).toBe('Woonstichting Maasoever');
  });

  test('bad input is 400 problem+json per field in Dutch and English; nothing changes', async () => {
    const response = await admin.request({
      method: 'PUT',
      url: '/api/admin/organization',
      payload: { name: ' ', postalAddress: 'x'.repeat(501) },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const errors = response.json().errors as { path: string; messages: { nl: string; en: string } }[];
    expect(errors.map((e) => e.path).sort()).toEqual(['name', 'postalAddress']);
    for (const error of errors) expect(error.messages.nl && error.messages.en).toBeTruthy();
    expect((await admin.request({ url: '/api/admin/organization' })).json().name).toBe(
      'Woonstichting Maasoever',
    );
  });

  test('only administrators; nobody anonymous', async () => {
    for (const method of ['GET', 'PUT'] as const) {
      const payload = method === 'PUT' ? { name: 'Overgenomen', postalAddress: null } : undefined;
      const refused = await world.as.eva.request({ method, url: '/api/admin/organization', payload });
      expect(refused.statusCode).toBe(403);
      expect((await app.inject({ method, url: '/api/admin/organization', payload })).statusCode).toBe(401);
    }
  });

  test('the return address line: the name, then the address on one line', () => {
    expect(returnAddressOf({ organizationName: 'Woonstichting', organizationAddress: null })).toBe(
      'Woonstichting',
    );
    expect(
      returnAddressOf({
        organizationName: 'Woonstichting',
        organizationAddress: ' Postbus 100 \n\n2678 ZH Maasland',
      }),
    ).toBe('Woonstichting, Postbus 100, 2678 ZH Maasland');
  });

  test.skipIf(!popplerAvailable)('a letter prints the postal address as its return address', async () => {
    const complaint = await register(world.as.eva, {
      channel: 'letter',
      complainantId: world.tenant.id,
      description: 'Per brief: de dakgoot lekt.',
    });
    const response = await world.as.eva.request({
      url: `/api/complaints/${complaint.id}/acknowledgement-letter.pdf`,
    });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    const directory = await mkdtemp(path.join(tmpdir(), 'gehoord-letter-'));
    const file = path.join(directory, 'letter.pdf');
    await writeFile(file, response.rawPayload);
    const { stdout } = await promisify(execFile)('pdftotext', ['-layout', file, '-']);
    expect(stdout.replace(/\s+/g, ' ')).toContain(
      'Retour: Woonstichting Maasoever, Postbus 100, 2678 ZH Maasland',
    );
  });
});
