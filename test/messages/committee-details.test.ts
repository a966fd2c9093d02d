import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { simpleParser } from 'mailparser';
import pino from 'pino';
import { describe, expect, test } from 'vitest';
import { mailboxDelivery } from '../../src/server/modules/messages/outbox/mail-delivery.ts';
import { createOutboxWorker } from '../../src/server/modules/messages/outbox/outbox-worker.ts';
import { createTestApp } from '../support/app.ts';
import { createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { type Client, signInAs } from '../support/sessions.ts';
import { createStaffUser } from '../support/staff-factories.ts';

// Policy 1.3: a complainant who is not satisfied is told how to reach the regional complaints committee.
// The committee the organisation stored (first-run setup, "Portaal en contact") is the one the answer
// mail, the answer preview and the PDF letter name — the built-in name only while none is stored.

const run = promisify(execFile);
const popplerAvailable = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const admin = await createStaffUser(database.owner, world.organization.id, { roles: ['employee', 'admin'] });
const asAdmin = await signInAs(app, admin.email);
await database.owner
  .updateTable('person')
  .set({ email: 'jannie@example.nl' })
  .where('id', '=', world.tenant.id)
  .execute();

const COMMITTEE = {
  committeeName: 'Geschillencommissie Wonen Delfland',
  committeeContact: 'Postbus 4321\n2600 AC Delft',
  committeeUrl: 'https://www.geschillen-delfland.example.nl',
};
const ANSWER = 'Wij hebben de tochtstrip op 3 december vervangen. Onze excuses voor het wachten.';

async function answeredComplaint(as: Client) {
  const complaint = await register(as, {
    channel: 'phone',
    complainantId: world.tenant.id,
    description: 'De tochtstrip van de voordeur ontbreekt nog steeds.',
  });
  await step(as, complaint.id, 'triage', {
    outcome: 'complaint',
    category: 'no_or_late_answer',
    subject: { kind: 'department', departmentId: world.wonen.id },
  });
  await step(as, complaint.id, 'contacts', { kind: 'phone', direction: 'outbound', summary: 'Gebeld.' });
  await step(as, complaint.id, 'assessment', {
    kind: 'policy_not_followed',
    verdict: 'upheld',
    apologyOffered: true,
    errorAdmitted: true,
    demonstrableDamage: false,
  });
  const preview = await as.request({
    method: 'POST',
    url: `/api/complaints/${complaint.id}/answer-preview`,
    payload: { text: ANSWER },
  });
  expect(preview.statusCode, preview.body).toBe(200);
  await step(as, complaint.id, 'answer', { text: ANSWER });
  return { ...complaint, previewText: preview.json().bodyText as string };
}

/** Delivers the outbox into a mailbox folder and returns the answer mail's text as the tenant receives it. */
async function deliveredAnswer(complaintId: string): Promise<string> {
  const directory = await mkdtemp(path.join(tmpdir(), 'gehoord-committee-'));
  await createOutboxWorker({
    db: database.app,
    delivery: mailboxDelivery(directory, 'Woonstichting Test <klachten@corporatie.example>'),
    logger: pino({ level: 'silent' }),
  }).drain();
  const row = await database.owner
    .selectFrom('outbox_message')
    .select(['id', 'status'])
    .where('complaint_id', '=', complaintId)
    .where('kind', '=', 'answer')
    .executeTakeFirstOrThrow();
  expect(row.status).toBe('sent');
  const parsed = await simpleParser(await readFile(path.join(directory, `${row.id}.eml`)));
  return parsed.text ?? '';
}

async function letterText(as: Client, complaintId: string): Promise<string> {
  const response = await as.request({
    method: 'GET',
    url: `/api/complaints/${complaintId}/answer-letter.pdf`,
  });
  expect(response.statusCode).toBe(200);
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'gehoord-committee-')), 'letter.pdf');
  await writeFile(file, response.rawPayload);
  const { stdout } = await run('pdftotext', [file, '-']);
  return stdout.replace(/\s+/g, ' ');
}

describe('the regional complaints committee in answers (policy 1.3)', () => {
  test('while none is stored, the answer names the built-in committee and leaves out how to reach it', async () => {
    const complaint = await answeredComplaint(world.as.eva);
    const mail = await deliveredAnswer(complaint.id);
    expect(mail).toContain(ANSWER);
    expect(mail).toContain('voorleggen aan de regionale klachtencommissie.');
    expect(mail).not.toContain('Zo bereikt u de commissie');
    expect(mail).toContain('Huurcommissie');
    expect(complaint.previewText).toContain('voorleggen aan de regionale klachtencommissie.');
  });

  test('the committee stored in "Portaal en contact" is named, with its address and website, in the mail, the preview and the letter', async () => {
    const current = (await asAdmin.request({ url: '/api/admin/portal-settings' })).json();
    const saved = await asAdmin.request({
      method: 'PUT',
      url: '/api/admin/portal-settings',
      payload: { ...current, ...COMMITTEE },
    });
    expect(saved.statusCode, saved.body).toBe(200);

    const complaint = await answeredComplaint(world.as.eva);
    const reach =
      'Zo bereikt u de commissie:\nPostbus 4321\n2600 AC Delft\nhttps://www.geschillen-delfland.example.nl';
    const mail = await deliveredAnswer(complaint.id);
    expect(mail).toContain('voorleggen aan de Geschillencommissie Wonen Delfland.');
    expect(mail).toContain(reach);
    expect(mail).not.toContain('regionale klachtencommissie');
    expect(complaint.previewText).toContain('voorleggen aan de Geschillencommissie Wonen Delfland.');
    expect(complaint.previewText).toContain(reach);

    if (!popplerAvailable) return;
    const letter = await letterText(world.as.eva, complaint.id);
    expect(letter).toContain('voorleggen aan de Geschillencommissie Wonen Delfland.');
    expect(letter).toContain(
      'Zo bereikt u de commissie: Postbus 4321 2600 AC Delft https://www.geschillen-delfland.example.nl',
    );
  });

  test('a committee with a website only: the website is how to reach it', async () => {
    const current = (await asAdmin.request({ url: '/api/admin/portal-settings' })).json();
    const saved = await asAdmin.request({
      method: 'PUT',
      url: '/api/admin/portal-settings',
      payload: { ...current, ...COMMITTEE, committeeContact: null },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const complaint = await answeredComplaint(world.as.eva);
    expect(complaint.previewText).toContain(
      'Zo bereikt u de commissie:\nhttps://www.geschillen-delfland.example.nl\n\nGaat uw klacht over',
    );
  });
});
