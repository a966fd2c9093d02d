import { execFile, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { quarterOfDay, toLocalDate } from '../../src/domain/index.ts';
import { createTestApp } from '../support/app.ts';
import { createComplaintWorld, register } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import type { Client } from '../support/sessions.ts';

const run = promisify(execFile);
const popplerAvailable = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;
if (!popplerAvailable)
  console.warn(
    'meeting PDF tests skipped: pdftotext is not installed (apt-get install poppler-utils; CI installs it)',
  );

/** The PDF's text as poppler reads it, whitespace collapsed so wrapped lines still match. */
async function pdfText(client: Client, meetingId: string): Promise<string> {
  const response = await client.request({ url: `/api/mt/meetings/${meetingId}/pdf` });
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toBe('application/pdf');
  expect(response.headers['content-disposition']).toMatch(/^attachment; filename="mt-verslag-/);
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'gehoord-mt-')), 'verslag.pdf');
  await writeFile(file, response.rawPayload);
  const { stdout } = await run('pdftotext', [file, '-']);
  return stdout.replace(/\s+/g, ' ');
}

describe.skipIf(!popplerAvailable)("the MT meeting's record as a PDF (policy 3.1)", async () => {
  const database = await createTestDatabase();
  const app = await createTestApp(database.app);
  const world = await createComplaintWorld(database.owner, app);
  const { as, people } = world;
  const quarter = quarterOfDay(toLocalDate(new Date()));

  test('quarter, date, attendees, minutes and every decision; "Vastgesteld op … door …" once approved', async () => {
    const item = await as.mia.request({
      method: 'POST',
      url: '/api/mt/policy-issues',
      payload: { title: 'Terugbelbeleid ontbreekt' },
    });
    expect(item.statusCode, item.body).toBe(201);
    const created = await as.marieke.request({
      method: 'POST',
      url: '/api/mt/meetings',
      payload: {
        quarter,
        heldOn: '2026-11-24',
        attendeeIds: [people.marieke.id, people.bram.id],
        otherAttendees: 'Secretaris: J. Öztürk',
        minutes: 'De klachtcijfers zijn besproken; de lift in De Hofjes blijft een zorg.',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const meetingId = created.json().id;
    for (const payload of [
      {
        policyIssueId: item.json().id,
        subject: 'Terugbelbeleid ontbreekt',
        decision: 'new_action',
        action: { title: 'Terugbelbeleid opstellen', ownerId: people.mia.id, dueOn: '2027-03-31' },
      },
      {
        subject: 'Herhaalklachten over de lift',
        decision: 'no_action',
        reason: 'Lift wordt in januari vervangen.',
      },
      {
        subject: 'Regeling tuinonderhoud',
        decision: 'adjust_policy',
        reason: 'Uitzondering voor minder mobiele huurders.',
      },
    ]) {
      const decided = await as.marieke.request({
        method: 'POST',
        url: `/api/mt/meetings/${meetingId}/decisions`,
        payload,
      });
      expect(decided.statusCode, decided.body).toBe(200);
    }

    const draft = await pdfText(as.mia, meetingId);
    expect(draft).toContain('Verslag MT-kwartaalbespreking');
    expect(draft).toContain(quarter);
    expect(draft).toContain('24 november 2026');
    expect(draft).toContain('Aanwezig Bram Directie, Marieke MT, Secretaris: J. Öztürk');
    expect(draft).toContain('de lift in De Hofjes blijft een zorg');
    expect(draft).toContain('Concept: dit verslag is nog niet vastgesteld.');
    expect(draft).not.toContain('Vastgesteld op');

    const approved = await as.marieke.request({
      method: 'POST',
      url: `/api/mt/meetings/${meetingId}/approve`,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const text = await pdfText(as.marieke, meetingId);
    expect(text).toMatch(/Vastgesteld op \d{1,2} \w+ \d{4} om \d{2}:\d{2} door Marieke MT/);
    expect(text).not.toContain('Concept');
    expect(text).toContain(
      'Terugbelbeleid ontbreekt Besluit: Nieuwe verbeteractie Verbeteractie: Terugbelbeleid opstellen (eigenaar Mia Manager, gereed uiterlijk 31 maart 2027)',
    );
    expect(text).toContain(
      'Herhaalklachten over de lift Besluit: Geen actie Toelichting: Lift wordt in januari vervangen.',
    );
    expect(text).toContain(
      'Regeling tuinonderhoud Besluit: Beleid aanpassen Toelichting: Uitzondering voor minder mobiele huurders.',
    );
    expect(text.match(/Vastgelegd door Marieke MT/g)).toHaveLength(3);
  });

  test("the quarter's figures and themes (name, size, trend), without a complaint's text or reference", async () => {
    const created = await as.marieke.request({
      method: 'POST',
      url: '/api/mt/meetings',
      payload: { quarter, heldOn: '2026-11-26' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const meetingId = created.json().id;
    const before = await pdfText(as.marieke, meetingId);
    expect(before).toContain(`Kwartaalcijfers ${quarter}`);
    expect(before).toContain('De thema’s van dit kwartaal zijn nog niet berekend.');

    const complaint = await register(as.eva, {
      channel: 'phone',
      complainantId: world.tenant.id,
      description: 'Geheime klachttekst over de schimmel bij mevrouw Jansen.',
    });
    const [y, z] = [randomUUID(), randomUUID()];
    const theme = {
      key: 'schimmel+muur',
      name: 'schimmel · muren',
      size: 3,
      cohesion: 0.6,
      terms: [{ lexeme: 'schimmel', word: 'schimmel', weight: 0.8 }],
      complaintIds: [complaint.id, y, z],
      departments: [],
      complexes: [],
    };
    const [year, q] = quarter.split('-Q').map(Number) as [number, number];
    const previous = q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
    for (const [runQuarter, themes] of [
      [quarter, [theme]],
      [previous, []],
    ] as const)
      await database.owner
        .insertInto('complaint_theme_run')
        .values({
          organization_id: world.organization.id,
          quarter: runQuarter,
          computed_at: new Date(),
          complaints: 3,
          left_out: 0,
          themes: JSON.stringify(themes),
        } as never)
        .execute();
    const text = await pdfText(as.marieke, meetingId);
    expect(text).toContain('Terugkerende thema’s');
    // no theme matched in the previous quarter's run: new
    expect(text).toContain('Thema Klachten Trend schimmel · muren 3 nieuw');
    expect(text).not.toContain('Geheime klachttekst');
    expect(text).not.toContain(complaint.reference);
    expect(text).toMatch(
      /Tevredenheid \(gemiddeld, 1–5\) (geen antwoorden|te weinig antwoorden \(n=\d\)|behandeling)/,
    );
  });

  test('only reviewers get the PDF; an unknown meeting is 404 problem+json', async () => {
    const created = await as.marieke.request({
      method: 'POST',
      url: '/api/mt/meetings',
      payload: { quarter, heldOn: '2026-11-25' },
    });
    const forbidden = await as.eva.request({ url: `/api/mt/meetings/${created.json().id}/pdf` });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.headers['content-type']).toMatch(/application\/problem\+json/);
    const missing = await as.marieke.request({
      url: '/api/mt/meetings/00000000-0000-4000-8000-000000000000/pdf',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('not_found');
    const malformed = await as.marieke.request({ url: '/api/mt/meetings/not-a-uuid/pdf' });
    expect(malformed.statusCode).toBe(400);
  });

  test('the route is in the OpenAPI document', async () => {
    const response = await app.inject({ url: '/api/openapi.json' });
    expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
    const spec = response.json();
    expect(spec.paths['/api/mt/meetings/{id}/pdf'].get.summary).toMatch(/PDF/);
  });
});
