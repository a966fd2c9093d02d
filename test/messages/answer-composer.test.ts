import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { countLetterFrames } from '../../src/domain/index.ts';
import { createTestApp } from '../support/app.ts';
import { createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { signInAs } from '../support/sessions.ts';
import { createStaffUser } from '../support/staff-factories.ts';

// Issue 22: the answer composer. Standard texts filled in for the complaint, a draft of one's own kept on
// the server as one types, and exactly one salutation and one sign-off in what is sent.

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const { as } = world;
const admin = await createStaffUser(database.owner, world.organization.id, { roles: ['employee', 'admin'] });
const asAdmin = await signInAs(app, admin.email);

await database.owner
  .updateTable('person')
  .set({ email: 'jannie@example.nl' })
  .where('id', '=', world.tenant.id)
  .execute();

const popplerAvailable = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;

async function assessedComplaint(compensationCents?: number, complainantId = world.tenant.id) {
  const complaint = await register(as.eva, {
    channel: 'phone',
    complainantId,
    description: 'De cv-ketel is al drie weken kapot.',
  });
  await step(as.eva, complaint.id, 'triage', {
    outcome: 'complaint',
    category: 'no_or_late_answer',
    subject: { kind: 'department', departmentId: world.wonen.id },
  });
  await step(as.eva, complaint.id, 'contacts', { kind: 'phone', direction: 'outbound', summary: 'Gebeld.' });
  await step(as.eva, complaint.id, 'assessment', {
    kind: 'policy_not_followed',
    verdict: 'upheld',
    apologyOffered: true,
    errorAdmitted: true,
    demonstrableDamage: compensationCents !== undefined,
    ...(compensationCents === undefined ? {} : { compensationCents }),
  });
  return complaint as { id: string; reference: string };
}

const composerOf = (client: typeof as.eva, id: string) =>
  client.request({ method: 'GET', url: `/api/complaints/${id}/answer-composer` });
const saveDraft = (client: typeof as.eva, id: string, payload: unknown) =>
  client.request({ method: 'PUT', url: `/api/complaints/${id}/answer-draft`, payload: payload as object });

describe('the answer composer (issue 22)', () => {
  test('standard texts have the verdict and only an approved compensation filled in', async () => {
    const complaint = await assessedComplaint(15_000);
    const before = await composerOf(as.eva, complaint.id);
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json().values).toEqual({ outcome: 'gegrond', compensation: null });
    const apology = before.json().templates.find((t: { kind: string }) => t.kind === 'answer_text_apology');
    expect(apology.name).toBe('Excuses en vergoeding');
    expect(apology.text).toContain(`kenmerk ${complaint.reference}`);
    expect(apology.text).toContain('Uw klacht is gegrond');
    expect(apology.text).not.toContain('vergoeden wij');
    expect(apology.text).not.toMatch(/\{\{/);

    await step(as.mia, complaint.id, 'approvals', { subject: 'compensation' });
    const after = (await composerOf(as.eva, complaint.id)).json();
    expect(after.values).toEqual({ outcome: 'gegrond', compensation: '€ 150,00' });
    const text = after.templates.find((t: { kind: string }) => t.kind === 'answer_text_apology').text;
    expect(text).toContain('vergoeden wij u € 150,00');
    for (const template of after.templates)
      expect(countLetterFrames(template.text)).toEqual({ salutations: 0, closings: 0 });
  });

  test('a draft is saved, restored, only for its author, and cleared when the answer is sent', async () => {
    const complaint = await assessedComplaint();
    expect((await composerOf(as.eva, complaint.id)).json().draft).toBeNull();

    const first = await saveDraft(as.eva, complaint.id, { text: 'Wij hebben de ketel', templateKind: null });
    expect(first.statusCode, first.body).toBe(200);
    const saved = await saveDraft(as.eva, complaint.id, {
      text: 'Wij hebben de ketel vervangen.',
      templateKind: 'answer_text',
    });
    expect(saved.json()).toMatchObject({
      text: 'Wij hebben de ketel vervangen.',
      templateKind: 'answer_text',
    });
    expect((await composerOf(as.eva, complaint.id)).json().draft).toMatchObject({
      text: 'Wij hebben de ketel vervangen.',
      templateKind: 'answer_text',
    });

    // the manager may handle the complaint too, but never sees Eva's draft; her own is separate
    const mias = (await composerOf(as.mia, complaint.id)).json();
    expect(mias.draft).toBeNull();
    await saveDraft(as.mia, complaint.id, { text: 'Concept van Mia.' });
    expect((await composerOf(as.eva, complaint.id)).json().draft.text).toBe('Wij hebben de ketel vervangen.');
    // a colleague who may not handle it gets no composer and cannot write a draft
    expect((await composerOf(as.karel, complaint.id)).statusCode).toBe(403);
    expect((await saveDraft(as.karel, complaint.id, { text: 'x' })).statusCode).toBe(403);

    await step(as.eva, complaint.id, 'answer', { text: 'Wij hebben de ketel vervangen.' });
    const rows = await database.owner
      .selectFrom('complaint_draft')
      .select('author_id')
      .where('complaint_id', '=', complaint.id)
      .execute();
    expect(rows).toEqual([]);
    const [mail] = await database.owner
      .selectFrom('outbox_message')
      .select('body_text')
      .where('complaint_id', '=', complaint.id)
      .where('kind', '=', 'answer')
      .execute();
    expect(countLetterFrames(mail?.body_text ?? '')).toEqual({ salutations: 1, closings: 1 });
  });

  test('a draft can be thrown away', async () => {
    const complaint = await assessedComplaint();
    await saveDraft(as.eva, complaint.id, { text: 'Weg ermee.' });
    const deleted = await as.eva.request({
      method: 'DELETE',
      url: `/api/complaints/${complaint.id}/answer-draft`,
    });
    expect(deleted.statusCode).toBe(204);
    expect((await composerOf(as.eva, complaint.id)).json().draft).toBeNull();
  });

  test('bad input is a 4xx problem with the field named, never a 500', async () => {
    const complaint = await assessedComplaint();
    const tooLong = await saveDraft(as.eva, complaint.id, { text: 'x'.repeat(50_001) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.headers['content-type']).toContain('application/problem+json');
    expect(tooLong.json().errors[0]).toMatchObject({ path: 'text' });
    const noText = await saveDraft(as.eva, complaint.id, { templateKind: null });
    expect(noText.statusCode).toBe(400);
    const unknownTemplate = await saveDraft(as.eva, complaint.id, {
      text: 'x',
      templateKind: 'acknowledgement',
    });
    expect(unknownTemplate.statusCode).toBe(400);
    expect(unknownTemplate.json().errors[0]).toMatchObject({
      path: 'templateKind',
      code: 'invalid_reference',
    });
    const unknownComplaint = await saveDraft(as.eva, '00000000-0000-4000-8000-000000000000', { text: 'x' });
    expect(unknownComplaint.statusCode).toBe(404);
    const notAnId = await as.eva.request({ method: 'GET', url: '/api/complaints/abc/answer-composer' });
    expect(notAnId.statusCode).toBe(400);
  });

  test('an admin changes a standard text; a salutation or unknown placeholder is a 422 with the field', async () => {
    const unknown = await asAdmin.request({
      method: 'PUT',
      url: '/api/admin/message-templates/answer_text/nl',
      payload: { subject: 'Kort', body: 'Uw klacht is {{oordeel}}.' },
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json().errors).toMatchObject([{ path: 'body', code: 'unknown_placeholder' }]);
    const framed = await asAdmin.request({
      method: 'PUT',
      url: '/api/admin/message-templates/answer_text/nl',
      payload: { subject: 'Kort', body: 'Beste {{recipientName}},\n\nUw klacht is {{outcome}}.' },
    });
    expect(framed.statusCode).toBe(422);
    expect(framed.json().errors).toMatchObject([{ path: 'body', code: 'salutation_in_text' }]);

    const saved = await asAdmin.request({
      method: 'PUT',
      url: '/api/admin/message-templates/answer_text/nl',
      payload: { subject: 'Kort oordeel', body: 'Uw klacht ({{reference}}) is {{outcome}}.' },
    });
    expect(saved.statusCode).toBe(204);
    const complaint = await assessedComplaint();
    const texts = (await composerOf(as.eva, complaint.id)).json().templates;
    expect(texts.find((t: { kind: string }) => t.kind === 'answer_text')).toEqual({
      kind: 'answer_text',
      name: 'Kort oordeel',
      text: `Uw klacht (${complaint.reference}) is gegrond.`,
    });
    await asAdmin.request({ method: 'DELETE', url: '/api/admin/message-templates/answer_text/nl' });
  });

  test.skipIf(!popplerAvailable)(
    'by post: the letter made from a standard text has one salutation and one sign-off',
    async () => {
      const person = await database.owner
        .insertInto('person')
        .values({
          organization_id: world.organization.id,
          name: 'Piet Post',
          relation: 'tenant',
          unit_id: world.unit.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const complaint = await assessedComplaint(undefined, person.id);
      const standard = (await composerOf(as.eva, complaint.id))
        .json()
        .templates.find((t: { kind: string }) => t.kind === 'answer_text').text as string;
      const text = standard.replace('[Leg hier uit wat u heeft gedaan en waarom.]', 'De lamp is vervangen.');
      const preview = await as.eva.request({
        method: 'POST',
        url: `/api/complaints/${complaint.id}/answer-preview`,
        payload: { text },
      });
      expect(preview.json()).toMatchObject({ delivery: 'post', to: [] });
      expect(countLetterFrames(preview.json().bodyText)).toEqual({ salutations: 1, closings: 1 });
      await step(as.eva, complaint.id, 'answer', { text });

      const letter = await as.eva.request({ url: `/api/complaints/${complaint.id}/answer-letter.pdf` });
      expect(letter.statusCode).toBe(200);
      const file = path.join(await mkdtemp(path.join(tmpdir(), 'gehoord-composer-')), 'letter.pdf');
      await writeFile(file, letter.rawPayload);
      const { stdout } = await promisify(execFile)('pdftotext', [file, '-']);
      expect(stdout).toContain('De lamp is vervangen.');
      expect(stdout.match(/Beste /g)).toHaveLength(1);
      expect(stdout.match(/Met vriendelijke groet/g)).toHaveLength(1);
    },
  );
});
