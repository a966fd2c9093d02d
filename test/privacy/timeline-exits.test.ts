import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import type { Client } from '../support/sessions.ts';
import { createPrivacyStores, createPrivacyWorld, createTenant } from './privacy-world.ts';

// Issue 20: a timeline says no more on any exit (JSON detail, case-file PDF in the dossier, subject-access
// export) than the reader may see (timelineFor): the board's track stays with who may see a board-track
// complaint, a hidden earlier complaint is not named, and a subject-access export carries a confidential
// complaint only in its minimised form. Every complaint an export reads is in the access log.

const run = promisify(execFile);
const database = await createTestDatabase();
const stores = await createPrivacyStores();
const app = await createTestApp(database.app, { storage: stores.storage, erasureLedger: stores.ledger });
const world = await createPrivacyWorld(database.owner, app);
const { as, people } = world;
const scratch = await mkdtemp(path.join(tmpdir(), 'gehoord-timeline-exits-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));
const thisYear = new Date().getUTCFullYear();

const BOARD_TRACK_TYPES = ['flag_criminal_offence', 'board_notified', 'decide_board_track'];
const BOARD_TEXT = 'DIRECTIEBESLUIT-GEHEIM: terug naar de gewone behandeling.';
const LIFT_TEXT = 'OPHEFFING-GEHEIM: geen strafbaar feit gebleken.';
const CONTACT_TEXT = 'CONTACT-GEHEIM: Karel gaf toe dat hij contant geld aannam.';

type TimelineEvent = { type: string; summary: string | null; payload: Record<string, unknown> };

/** A complaint about Karel, handled by Eva (Wonen), in the world's complex. */
async function aboutKarel(complainantId: string, description: string) {
  const complaint = await register(as.eva, {
    channel: 'letter',
    complainantId,
    unitId: world.unit.id,
    description,
  });
  await step(as.eva, complaint.id, 'triage', {
    outcome: 'complaint',
    category: 'treated_wrongly',
    subject: { kind: 'employee', employeeId: people.karel.id },
  });
  const detail = await as.karel.request({ url: `/api/complaints/${complaint.id}` });
  if (detail.json().handler?.id === people.karel.id) {
    await step(as.karel, complaint.id, 'transfer', {
      departmentId: world.wonen.id,
      handlerId: people.eva.id,
      reason: 'Karel is zelf het onderwerp; Eva behandelt de klacht.',
    });
  }
  await database.owner
    .updateTable('complaint')
    .set({ housing_complex_id: world.complex.id })
    .where('id', '=', complaint.id)
    .execute();
  return complaint;
}

const detailOf = async (client: Client, id: string) => {
  const response = await client.request({ url: `/api/complaints/${id}` });
  expect(response.statusCode, response.body).toBe(200);
  return { body: response.body, json: response.json() };
};

async function unzip(zip: Buffer, name: string) {
  const file = path.join(scratch, `${name}.zip`);
  const into = path.join(scratch, name);
  await writeFile(file, zip);
  await run('unzip', ['-q', file, '-d', into]);
  const { stdout } = await run('unzip', ['-Z1', file]);
  return { into, names: stdout.trim().split('\n') };
}

async function waitForJob(client: Client, id: string) {
  for (let i = 0; i < 200; i += 1) {
    const job = (await client.request({ url: `/api/reports/jobs/${id}` })).json();
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('report job did not finish');
}

/** The text of one complaint's case-file PDF in the complex dossier the client gets. */
async function caseFileText(client: Client, reference: string, name: string) {
  const started = await client.request({
    method: 'POST',
    url: '/api/reports/jobs',
    payload: {
      kind: 'dossier',
      housingComplexId: world.complex.id,
      from: `${thisYear - 1}-01-01`,
      until: `${thisYear + 1}-01-01`,
    },
  });
  expect(started.statusCode, started.body).toBe(202);
  const job = await waitForJob(client, started.json().id);
  expect(job.status, JSON.stringify(job)).toBe('done');
  const zip = await client.request({ url: job.downloadUrl });
  const { into, names } = await unzip(zip.rawPayload, name);
  const pdf = names.find((n) => n.endsWith(`klachtdossier-${reference}.pdf`));
  expect(pdf, names.join('\n')).toBeDefined();
  const { stdout } = await run('pdftotext', ['-layout', path.join(into, pdf as string), '-']);
  return stdout;
}

describe('the board track after the board lifted the suspicion (policy 2.5)', async () => {
  const complaint = await aboutKarel(world.tenant.id, 'Karel van Vastgoed zou geld hebben gevraagd.');
  await step(as.eva, complaint.id, 'criminal-offence');
  await step(as.bram, complaint.id, 'board-track/decision', {
    decision: 'back_to_procedure',
    text: BOARD_TEXT,
  });
  await step(as.bram, complaint.id, 'confidential/lift', { reason: LIFT_TEXT });

  test('the employee it concerns and their manager see the complaint, not the board track in its timeline', async () => {
    for (const client of [as.karel, as.victor]) {
      const { body, json } = await detailOf(client, complaint.id);
      const types = json.timeline.map((e: TimelineEvent) => e.type);
      for (const type of BOARD_TRACK_TYPES) expect(types).not.toContain(type);
      expect(
        json.timeline.filter((e: TimelineEvent) =>
          ['marked_confidential', 'confidentiality_lifted'].includes(e.type),
        ),
      ).toEqual([]);
      expect(body).not.toContain('criminal_suspicion');
      expect(body).not.toContain(BOARD_TEXT);
      expect(body).not.toContain(LIFT_TEXT);
      expect(json.boardTrack).toBeNull();
      expect(types).toContain('registered'); // the rest of the timeline is there
    }
  });

  test('the handler and the board still see the whole history', async () => {
    for (const client of [as.eva, as.bram]) {
      const { body, json } = await detailOf(client, complaint.id);
      const types = json.timeline.map((e: TimelineEvent) => e.type);
      for (const type of BOARD_TRACK_TYPES) expect(types).toContain(type);
      expect(body).toContain(BOARD_TEXT);
      expect(json.boardTrack).not.toBeNull();
    }
  });

  test('the case file in the complex dossier follows the same rule', async () => {
    const assistant = await caseFileText(as.anna, complaint.reference, 'anna');
    expect(assistant).toContain(complaint.reference);
    expect(assistant).not.toContain('board notified');
    expect(assistant).not.toContain('flag criminal offence');
    expect(assistant).not.toContain('DIRECTIEBESLUIT-GEHEIM');
    expect(assistant).not.toContain('OPHEFFING-GEHEIM');
    const mt = await caseFileText(as.marieke, complaint.reference, 'marieke');
    expect(mt).toContain('board notified');
    expect(mt).toContain('OPHEFFING-GEHEIM');
  });
});

describe('a repeat of a complaint that became confidential later (policy 2.6)', async () => {
  const earlier = await register(as.eva, {
    channel: 'phone',
    complainantId: world.tenant.id,
    description: 'De reparatie van de kozijnen is slecht uitgevoerd.',
  });
  const repeat = await register(as.eva, {
    channel: 'phone',
    complainantId: world.tenant.id,
    description: 'Ik ben het niet eens met het antwoord over de kozijnen.',
    repeat: { kind: 'disagrees_with_decision', earlierComplaintId: earlier.id, newFacts: false },
  });
  await step(as.marieke, earlier.id, 'confidential', { reason: 'sensitive_personal_matter' });

  test('a colleague who may see the repeat but not the earlier complaint is not told which it was', async () => {
    expect((await as.karel.request({ url: `/api/complaints/${earlier.id}` })).statusCode).toBe(404);
    const { body, json } = await detailOf(as.karel, repeat.id);
    expect(json.repeat).toMatchObject({ kind: 'disagrees_with_decision', earlierComplaintId: null });
    expect(body).not.toContain(earlier.id);
    expect(body).not.toContain(earlier.reference);
  });

  test('who may see both gets the link', async () => {
    const { json } = await detailOf(as.marieke, repeat.id);
    expect(json.repeat.earlierComplaintId).toBe(earlier.id);
  });
});

describe('a subject-access export (AVG art. 15) of a complainant with a board-track complaint', async () => {
  const tenant = await createTenant(database.owner, world.organization.id, world.unit.id, 'Ria Verhoeven');
  const open = await register(as.eva, {
    channel: 'phone',
    complainantId: tenant.id,
    description: 'De lift staat al weken stil.',
  });
  const secret = await aboutKarel(
    tenant.id,
    'Ria Verhoeven: Karel vroeg mij contant geld voor de reparatie.',
  );
  await step(as.eva, secret.id, 'contacts', {
    kind: 'phone',
    direction: 'outbound',
    summary: CONTACT_TEXT,
  });
  await step(as.eva, secret.id, 'criminal-offence');
  const boardMail = `Vermoeden van een strafbaar feit bij klacht ${secret.reference}`;
  await database.owner
    .insertInto('outbox_message')
    .values([
      {
        organization_id: world.organization.id,
        complaint_id: secret.id,
        kind: 'board_criminal_suspicion',
        recipient_to: ['directie@example.nl'],
        subject: boardMail,
        body_text: `Bij klacht ${secret.reference} is een ernstig vermoeden van een strafbaar feit vastgelegd.`,
      },
      {
        organization_id: world.organization.id,
        complaint_id: secret.id,
        kind: 'acknowledgement',
        recipient_to: [tenant.email as string],
        subject: `Ontvangstbevestiging ${secret.reference}`,
        body_text: 'Wij hebben uw klacht ontvangen.',
      },
    ])
    .execute();

  test('the complaint is in it with what the person wrote and received, without the internal handling', async () => {
    const response = await world.officer.request({ url: `/api/privacy/persons/${tenant.id}/export` });
    expect(response.statusCode, response.body).toBe(200);
    const { into } = await unzip(response.rawPayload, 'ria');
    const text = await readFile(path.join(into, 'gegevens.json'), 'utf8');
    const json = JSON.parse(text);
    const byReference = new Map(json.complaints.map((c: { reference: string }) => [c.reference, c] as const));
    expect(byReference.get(secret.reference)).toMatchObject({
      description: 'Ria Verhoeven: Karel vroeg mij contant geld voor de reparatie.',
      minimised: true,
      department: null,
    });
    expect(byReference.get(open.reference)).toMatchObject({ minimised: false, department: 'Wonen' });
    const secretTimeline = (byReference.get(secret.reference) as { timeline: TimelineEvent[] }).timeline;
    expect(secretTimeline.map((e) => e.type)).toContain('contact_logged');
    expect(secretTimeline.every((e) => e.summary === null)).toBe(true);
    expect(text).not.toContain('CONTACT-GEHEIM');
    expect(text).not.toContain('board_notified');
    expect(text).not.toContain('flag_criminal_offence');
    expect(text).not.toContain(boardMail);
    expect(text).not.toContain('directie@example.nl');
    expect(json.messages.sent.map((m: { subject: string }) => m.subject)).toContain(
      `Ontvangstbevestiging ${secret.reference}`,
    );
    const { stdout: pdf } = await run('pdftotext', ['-layout', path.join(into, 'overzicht.pdf'), '-']);
    expect(pdf).toContain(secret.reference);
    expect(pdf).not.toContain('strafbaar');
  });

  test('every complaint the export read is in the access log, one entry each', async () => {
    const officer = await database.owner
      .selectFrom('staff_user')
      .select('id')
      .where('name', '=', 'Pia Privacy')
      .executeTakeFirstOrThrow();
    const entries = async () => {
      const rows = await database.owner
        .selectFrom('complaint_access_log')
        .select(['complaint_id', 'person_id'])
        .where('user_id', '=', officer.id)
        .where('what', '=', 'subject_access_export')
        .execute();
      const count = (id: string | null) => rows.filter((r) => r.complaint_id === id).length;
      return {
        person: count(null),
        open: count(open.id),
        secret: count(secret.id),
        otherPerson: rows.filter((r) => r.person_id !== tenant.id).length,
      };
    };
    const before = await entries();
    const response = await world.officer.request({ url: `/api/privacy/persons/${tenant.id}/export` });
    expect(response.statusCode).toBe(200);
    expect(await entries()).toEqual({
      person: before.person + 1,
      open: before.open + 1,
      secret: before.secret + 1,
      otherPerson: before.otherPerson,
    });
  });
});
