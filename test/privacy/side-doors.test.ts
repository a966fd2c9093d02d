import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import type { Client } from '../support/sessions.ts';
import { signInAs } from '../support/sessions.ts';
import { createStaffUser } from '../support/staff-factories.ts';

// Issue 20: the side doors (complex dossier, report drill-down, admin outbox, the answer's cc) apply the one
// visibility rule (complaintExposure): a complaint the reader may not see is at most counted, never shown,
// and every complaint that is shown is in the access log.

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const { as } = world;
const admin = await createStaffUser(database.owner, world.organization.id, {
  name: 'Ad Beheer',
  roles: ['employee', 'admin'],
});
const asAdmin = await signInAs(app, admin.email);
const thisYear = new Date().getUTCFullYear();
const PERIOD = `from=${thisYear}-01-01&until=${thisYear + 1}-01-01`;

await database.owner
  .updateTable('person')
  .set({ email: 'jannie@example.nl' })
  .where('id', '=', world.tenant.id)
  .execute();

/** A complaint of the complex, put in Vastgoed with Karel as handler, as the test needs it. */
async function complexComplaint(description: string, confidentialReason: string | null) {
  const complaint = await register(as.eva, {
    channel: 'letter',
    complainantId: world.tenant.id,
    description,
  });
  await database.owner
    .updateTable('complaint')
    .set({
      department_id: world.vastgoed.id,
      housing_complex_id: world.complex.id,
      handler_id: world.people.karel.id,
      confidential: confidentialReason !== null,
      confidential_reason_code: confidentialReason,
      subject_kind: confidentialReason === 'criminal_suspicion' ? 'employee' : 'none',
      subject_employee_id: confidentialReason === 'criminal_suspicion' ? world.people.karel.id : null,
    })
    .where('id', '=', complaint.id)
    .execute();
  return complaint;
}

const ordinary = await complexComplaint('De lift staat al weken stil.', null);
const confidential = await complexComplaint(
  'GEHEIM-VERTROUWELIJK: een gevoelige zaak.',
  'sensitive_personal_matter',
);
const boardTrack = await complexComplaint(
  'GEHEIM-STRAFBAAR: geld verdwenen bij een reparatie.',
  'criminal_suspicion',
);
const hidden = [confidential, boardTrack];

// A confidential complaint of Wonen, handled by Eva: Mia (the manager) may see it, Anna (the assistant) may not.
const answered = await register(as.eva, {
  channel: 'phone',
  complainantId: world.tenant.id,
  description: 'GEHEIM-ANTWOORD: de buurman bedreigt mij.',
});
await step(as.eva, answered.id, 'triage', {
  outcome: 'complaint',
  category: 'no_or_late_answer',
  subject: { kind: 'department', departmentId: world.wonen.id },
});
await step(as.eva, answered.id, 'confidential', { reason: 'sensitive_personal_matter' });
await step(as.eva, answered.id, 'contacts', { kind: 'phone', direction: 'outbound', summary: 'Gebeld.' });
await step(as.eva, answered.id, 'assessment', {
  kind: 'policy_not_followed',
  verdict: 'upheld',
  apologyOffered: true,
  errorAdmitted: true,
  demonstrableDamage: false,
});
const answerText = 'GEHEIM-ANTWOORDTEKST: wij nemen contact op met de politie.';
await step(as.eva, answered.id, 'answer', { text: answerText });

async function accessLog(userId: string, kind: string) {
  const rows = await database.owner
    .selectFrom('complaint_access_log')
    .select(['complaint_id', 'what', 'detail'])
    .where('user_id', '=', userId)
    .execute();
  return rows.filter((r) => (r.detail as { kind?: string }).kind === kind);
}

async function waitForJob(client: Client, id: string) {
  for (let i = 0; i < 200; i += 1) {
    const job = (await client.request({ method: 'GET', url: `/api/reports/jobs/${id}` })).json();
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('report job did not finish');
}

/** The file names in the complex dossier the client gets. */
async function dossierListing(client: Client): Promise<string[]> {
  const started = await client.request({
    method: 'POST',
    url: '/api/reports/jobs',
    payload: {
      kind: 'dossier',
      housingComplexId: world.complex.id,
      from: `${thisYear}-01-01`,
      until: `${thisYear + 1}-01-01`,
    },
  });
  expect(started.statusCode, started.body).toBe(202);
  const job = await waitForJob(client, started.json().id);
  expect(job.status, JSON.stringify(job)).toBe('done');
  const zip = await client.request({ method: 'GET', url: job.downloadUrl });
  const dir = mkdtempSync(path.join(tmpdir(), 'gehoord-side-doors-'));
  try {
    writeFileSync(path.join(dir, 'd.zip'), zip.rawPayload);
    return execFileSync('unzip', ['-Z1', path.join(dir, 'd.zip')], { encoding: 'utf8' })
      .trim()
      .split('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the complex dossier', () => {
  test('a management assistant gets no case file of a confidential or board-track complaint', async () => {
    const listing = await dossierListing(as.anna);
    expect(listing).toContain(`${ordinary.reference}/klachtdossier-${ordinary.reference}.pdf`);
    for (const c of hidden) expect(listing.some((name) => name.includes(c.reference))).toBe(false);
    expect(listing).toContain('LEESMIJ.txt');
  });

  test('the MT gets every case file; each one written is in the access log', async () => {
    const listing = await dossierListing(as.marieke);
    for (const c of [ordinary, ...hidden]) {
      expect(listing).toContain(`${c.reference}/klachtdossier-${c.reference}.pdf`);
    }
    const logged = await accessLog(world.people.marieke.id, 'complex_dossier');
    // the confidential complaint answered below is of the complex too (the tenant lives there)
    const inComplex = [ordinary, ...hidden, answered].map((c) => c.id);
    expect(logged.map((r) => r.complaint_id).sort()).toEqual(inComplex.sort());
    expect(logged.every((r) => r.what === 'export')).toBe(true);
    // the assistant's dossier held the ordinary complaint only, and the log says so
    const assistant = await accessLog(world.people.anna.id, 'complex_dossier');
    expect(assistant.map((r) => r.complaint_id)).toEqual([ordinary.id]);
  });
});

describe('the report drill-down', () => {
  test('hidden complaints count in the figure but are never listed; listed rows are logged', async () => {
    const response = await as.anna.request({
      method: 'GET',
      url: `/api/reports/complaints?${PERIOD}&set=received`,
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    // the complex's three and the confidential complaint answered below, all received this year
    expect(body.total).toBe(4);
    expect(body.withheld).toBe(3);
    expect(body.items.map((i: { id: string }) => i.id)).toEqual([ordinary.id]);
    for (const c of hidden) expect(response.body).not.toContain(c.reference);
    const logged = await accessLog(world.people.anna.id, 'drill_down');
    expect(logged.map((r) => r.complaint_id)).toEqual([ordinary.id]);

    const mt = (
      await as.marieke.request({ method: 'GET', url: `/api/reports/complaints?${PERIOD}&set=received` })
    ).json();
    expect(mt.total).toBe(4);
    expect(mt.withheld).toBe(0);
    expect(mt.items).toHaveLength(4);
  });
});

describe("the answer's cc and the admin outbox", () => {
  test('the answer to a confidential complaint is cc’d only to whom may see it', async () => {
    const mails = await database.owner
      .selectFrom('outbox_message')
      .select(['kind', 'recipient_to', 'recipient_cc', 'body_text'])
      .where('complaint_id', '=', answered.id)
      .execute();
    const answer = mails.find((m) => m.kind === 'answer');
    expect(answer?.body_text).toContain(answerText);
    expect(answer?.recipient_cc).toEqual([world.people.mia.email]);
    for (const m of mails.filter((mail) => mail.body_text.includes('GEHEIM-ANTWOORDTEKST'))) {
      expect([...m.recipient_to, ...m.recipient_cc]).not.toContain(world.people.anna.email);
    }
    // the preview tells the handler the same
    const preview = await as.eva.request({
      method: 'POST',
      url: `/api/complaints/${answered.id}/answer-preview`,
      payload: { text: 'Concept.' },
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().cc.map((r: { email: string }) => r.email)).toEqual([world.people.mia.email]);
  });

  test('the admin outbox shows messages of a complaint the admin may not see only redacted', async () => {
    const response = await asAdmin.request({ method: 'GET', url: '/api/admin/outbox?limit=500' });
    expect(response.statusCode, response.body).toBe(200);
    for (const c of [answered, ...hidden]) {
      expect(response.body).not.toContain(c.reference);
      expect(response.body).not.toContain(c.id);
    }
    const items = response.json() as {
      id: string;
      redacted: boolean;
      complaintId: string | null;
      to: string[];
      cc: string[];
      subject: string;
    }[];
    const redacted = items.filter((m) => m.redacted);
    // the acknowledgements of the three hidden complaints, and the answer of one (its acceptance with the
    // handler the acknowledgement named sends no separate progress mail: one message per step, issue 21)
    expect(redacted.length).toBe(4);
    for (const m of redacted) expect([m.complaintId, m.to, m.cc, m.subject]).toEqual([null, [], [], '']);
    // the redacted message's own page says no more
    const [first] = redacted;
    const detail = await asAdmin.request({ method: 'GET', url: `/api/admin/outbox/${first?.id}` });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.body).not.toContain('GEHEIM');
    expect(detail.body).not.toContain('jannie@example.nl');
    // filtering by a hidden complaint's id answers as for an unknown id
    const byId = await asAdmin.request({
      method: 'GET',
      url: `/api/admin/outbox?complaintId=${answered.id}`,
    });
    const unknown = await asAdmin.request({
      method: 'GET',
      url: `/api/admin/outbox?complaintId=${crypto.randomUUID()}`,
    });
    expect(byId.json()).toEqual(unknown.json());
    // messages of an ordinary complaint stay readable, and reading them is logged
    expect(response.body).toContain(ordinary.reference);
    const logged = await accessLog(admin.id, 'outbox');
    expect(logged.map((r) => r.complaint_id)).toContain(ordinary.id);
    expect(logged.map((r) => r.complaint_id)).not.toContain(answered.id);
  });
});
