import { Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { createLogger } from '../../src/server/logger.ts';
import { sha256Hex } from '../../src/server/modules/portal/forms/form-token.ts';
import { testNow } from '../support/clock.ts';
import { type ComplaintWorld, createComplaintWorld, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganization } from '../support/factories.ts';
import {
  createPortalApp,
  FORM_HEADERS,
  formTokenIn,
  postForm,
  submitComplaint,
  textOf,
} from './portal-support.ts';

const logLines: string[] = [];
const logger = createLogger(
  { logLevel: 'info', logPretty: false },
  new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  }),
);
const database = await createTestDatabase();
const app = await createPortalApp(database.app, {}, logger);
const world: ComplaintWorld = await createComplaintWorld(database.owner, app);
// Portal complaints land in the Wonen department, whose manager answers for them.
await app.inject({ method: 'GET', url: '/klacht' });
await database.owner
  .updateTable('portal_settings')
  .set({ intake_department_id: world.wonen.id })
  .where('organization_id', '=', world.organization.id)
  .execute();

async function complaintIdOf(token: string) {
  const row = await database.owner
    .selectFrom('complaint_status_link')
    .select('complaint_id')
    .where('token_hash', '=', sha256Hex(token))
    .executeTakeFirstOrThrow();
  return row.complaint_id;
}

/**
 * Eva picks the complaint up and triages it; being about Karel, it is routed to him (policy 1.3), and he
 * calls, assesses and answers it through the staff API.
 */
async function answer(complaintId: string, text: string) {
  await step(world.as.eva, complaintId, 'assign', { handlerId: world.people.eva.id });
  await step(world.as.eva, complaintId, 'triage', {
    outcome: 'complaint',
    category: 'no_or_late_answer',
    subject: { kind: 'employee', employeeId: world.people.karel.id },
  });
  await step(world.as.karel, complaintId, 'notes', { text: 'INTERNE NOTITIE: collega Karel was ziek.' });
  await step(world.as.karel, complaintId, 'contacts', {
    kind: 'phone',
    direction: 'outbound',
    summary: 'GESPREKSVERSLAG: mevrouw gebeld, Karel excuses laten maken.',
  });
  await step(world.as.karel, complaintId, 'assessment', {
    kind: 'policy_not_followed',
    verdict: 'upheld',
    apologyOffered: true,
    errorAdmitted: true,
    demonstrableDamage: false,
  });
  await step(world.as.karel, complaintId, 'answer', { text });
}

async function statusPage(token: string, prefix = '/klacht') {
  return app.inject({ method: 'GET', url: `${prefix}/status/${token}` });
}

describe('the status link', () => {
  test('shows the status in plain words, the term and what the person wrote', async () => {
    const { token } = await submitComplaint(app, { description: 'Mijn eigen klachttekst A.' });
    const response = await statusPage(token);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    const text = textOf(response.body);
    expect(text).toContain('Wij hebben uw klacht ontvangen');
    expect(text).toMatch(/U hoort uiterlijk op \w+dag \d{1,2} \w+ \d{4} van ons\./);
    expect(text).toContain('Mijn eigen klachttekst A.');
    expect(text).toContain('Er zijn nog geen berichten.');
    expect(response.body).not.toContain('Wat vindt u ervan?');
    const english = await statusPage(token, '/complaint');
    expect(textOf(english.body)).toContain('We have received your complaint');
  });

  test('policy 2.5: outside the procedure the explanation is still due within the term, so the date shows', async () => {
    const { token } = await submitComplaint(app, { description: 'Bezwaar tegen de servicekosten.' });
    const id = await complaintIdOf(token);
    await step(world.as.eva, id, 'assign', { handlerId: world.people.eva.id });
    await step(world.as.eva, id, 'triage', { outcome: 'outside_procedure', ground: 'rent_or_service_costs' });
    const text = textOf((await statusPage(token)).body);
    expect(text).toContain('Uw melding valt buiten de klachtenprocedure');
    expect(text).toMatch(/U hoort uiterlijk op \w+dag \d{1,2} \w+ \d{4} van ons\./);
  });

  test('a tampered, unknown or malformed token gets a friendly "link not valid" page (404)', async () => {
    const { token } = await submitComplaint(app);
    const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    for (const candidate of [tampered, 'A'.repeat(43), 'kort', `${token}x`]) {
      const response = await statusPage(candidate);
      expect(response.statusCode, candidate).toBe(404);
      expect(response.headers['content-type']).toContain('text/html');
      expect(textOf(response.body)).toContain('Deze link werkt niet');
    }
    const received = await app.inject({ method: 'GET', url: `/klacht/status/${tampered}/ontvangen` });
    expect(received.statusCode).toBe(404);
  });

  test("one complainant's link never shows another complainant's complaint", async () => {
    const a = await submitComplaint(app, { name: 'Anton Aa', description: 'KLACHT-VAN-ANTON over de lift.' });
    const b = await submitComplaint(app, { name: 'Bea Bee', description: 'KLACHT-VAN-BEA over de tuin.' });
    const bId = await complaintIdOf(b.token);
    await postForm(app, `/klacht/status/${b.token}/bericht`, {
      formToken: formTokenIn((await statusPage(b.token)).body),
      message: 'BERICHT-VAN-BEA',
    });
    await answer(bId, 'ANTWOORD-AAN-BEA');
    const pageA = (await statusPage(a.token)).body;
    const pageB = (await statusPage(b.token)).body;
    expect(pageA).toContain('KLACHT-VAN-ANTON');
    for (const secret of ['KLACHT-VAN-BEA', 'BERICHT-VAN-BEA', 'ANTWOORD-AAN-BEA']) {
      expect(pageA).not.toContain(secret);
      expect(pageB).toContain(secret);
    }
    const referenceB = /K-\d{4}-\d{5}/.exec(pageB)?.[0] ?? '';
    expect(pageA).not.toContain(referenceB);
    // A's token cannot write into B's complaint either: the token decides the complaint, nothing else.
    const formToken = formTokenIn(pageA);
    await postForm(app, `/klacht/status/${a.token}/bericht`, { formToken, message: 'ALLEEN-VOOR-ANTON' });
    expect((await statusPage(b.token)).body).not.toContain('ALLEEN-VOOR-ANTON');
    expect((await statusPage(a.token)).body).toContain('ALLEEN-VOOR-ANTON');
  });

  test('after the answer: the answer is shown, never internal notes, contacts or colleagues’ names', async () => {
    const { token } = await submitComplaint(app);
    const id = await complaintIdOf(token);
    await answer(id, 'Beste mevrouw, wij bieden excuses aan.\nEen nieuwe afspraak volgt.');
    const page = (await statusPage(token)).body;
    const text = textOf(page);
    expect(text).toContain('Wij hebben uw klacht beantwoord');
    expect(text).toContain('Ons antwoord op uw klacht');
    expect(page).toContain('Beste mevrouw, wij bieden excuses aan.<br>Een nieuwe afspraak volgt.');
    for (const hidden of ['INTERNE NOTITIE', 'GESPREKSVERSLAG', 'Karel', 'Eva Behandelaar', 'Mia Manager']) {
      expect(page).not.toContain(hidden);
    }
    expect(text).not.toMatch(/U hoort uiterlijk op/);
    expect(text).toContain('Wat vindt u ervan?');
  });

  test('the person adds information: a complainant_message event without actor; a double post adds it once', async () => {
    const { token } = await submitComplaint(app);
    const id = await complaintIdOf(token);
    const formToken = formTokenIn((await statusPage(token)).body);
    const empty = await postForm(app, `/klacht/status/${token}/bericht`, { formToken, message: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('<a href="#message">Schrijf uw bericht</a>');
    const fields = { formToken, message: 'De monteur is <b>weer</b> niet gekomen.' };
    const first = await postForm(app, `/klacht/status/${token}/bericht`, fields);
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe(`/klacht/status/${token}?sent=message`);
    await postForm(app, `/klacht/status/${token}/bericht`, fields);
    const events = await database.owner
      .selectFrom('complaint_event')
      .select(['type', 'summary', 'actor_user_id', 'actor_token_id'])
      .where('complaint_id', '=', id)
      .where('type', '=', 'complainant_message')
      .execute();
    expect(events).toEqual([
      {
        type: 'complainant_message',
        summary: 'De monteur is <b>weer</b> niet gekomen.',
        actor_user_id: null,
        actor_token_id: null,
      },
    ]);
    const page = (await app.inject({ method: 'GET', url: first.headers.location as string })).body;
    expect(page).toContain('Uw bericht is toegevoegd aan uw klacht.');
    expect(page).toContain('De monteur is &lt;b&gt;weer&lt;/b&gt; niet gekomen.');
    // The handler sees it on the complaint's timeline.
    const detail = (await world.as.eva.request({ method: 'GET', url: `/api/complaints/${id}` })).json();
    expect(detail.timeline.map((e: { type: string }) => e.type)).toContain('complainant_message');
  });

  test('a revoked link, or one long after closure, is no longer valid', async () => {
    const { token } = await submitComplaint(app);
    const id = await complaintIdOf(token);
    await database.owner
      .updateTable('complaint')
      .set({ closed_at: new Date(testNow().getTime() - 91 * 24 * 3600 * 1000), status: 'closed' })
      .where('id', '=', id)
      .execute();
    expect((await statusPage(token)).statusCode).toBe(404);
    await database.owner
      .updateTable('portal_settings')
      .set({ status_link_days_after_close: 120 })
      .where('organization_id', '=', world.organization.id)
      .execute();
    expect((await statusPage(token)).statusCode).toBe(200);
    await database.owner
      .updateTable('complaint_status_link')
      .set({ revoked_at: new Date() })
      .where('complaint_id', '=', id)
      .execute();
    expect((await statusPage(token)).statusCode).toBe(404);
  });

  test("another corporation's portal does not know the link", async () => {
    const { token } = await submitComplaint(app);
    await createOrganization(database.owner, { hostnames: ['klachten.andere-corporatie.nl'] });
    const elsewhere = await app.inject({
      method: 'GET',
      url: `/klacht/status/${token}`,
      headers: { host: 'klachten.andere-corporatie.nl' },
    });
    expect(elsewhere.statusCode).toBe(404);
    expect(textOf(elsewhere.body)).toContain('Deze link werkt niet');
    expect((await statusPage(token)).statusCode).toBe(200);
  });

  test('the token never reaches the logs', async () => {
    const { token } = await submitComplaint(app);
    await statusPage(token);
    await app.inject({ method: 'GET', url: `/complaint/status/${token}/received` });
    const logged = logLines.join('');
    expect(logged).toContain('/klacht/status/[redacted]');
    expect(logged).not.toContain(token);
  });
});

describe('satisfaction after the answer', () => {
  test('a low score asks a manager to follow up and shows the next steps with the committee', async () => {
    await database.owner
      .updateTable('portal_settings')
      .set({
        committee_name: 'Regionale Klachtencommissie Midden-Holland',
        committee_contact: 'Postbus 123\n2800 AA Gouda',
        committee_url: 'https://www.klachtencommissie.example',
      })
      .where('organization_id', '=', world.organization.id)
      .execute();
    const { token } = await submitComplaint(app);
    const id = await complaintIdOf(token);
    const beforeAnswer = await postForm(app, `/klacht/status/${token}/tevredenheid`, {
      formToken: formTokenIn((await statusPage(token)).body),
      handling: '1',
      outcome: '1',
    });
    expect(beforeAnswer.statusCode).toBe(303);
    expect(
      await database.owner
        .selectFrom('complaint_satisfaction')
        .selectAll()
        .where('complaint_id', '=', id)
        .execute(),
    ).toEqual([]);

    await answer(id, 'Ons antwoord.');
    const page = (await statusPage(token)).body;
    const formToken =
      /action="\/klacht\/status\/[^"]+\/tevredenheid"[^>]*>\s*<input type="hidden" name="formToken" value="([^"]+)"/.exec(
        page,
      )?.[1];
    expect(formToken).toBeDefined();
    const missing = await postForm(app, `/klacht/status/${token}/tevredenheid`, {
      formToken: formToken ?? '',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('<a href="#handling-1">Kies een cijfer voor de behandeling</a>');

    const fields = {
      formToken: formToken ?? '',
      handling: '2',
      outcome: '4',
      comment: 'Het duurde te lang.',
    };
    const rated = await postForm(app, `/klacht/status/${token}/tevredenheid`, fields);
    expect(rated.statusCode).toBe(303);
    await postForm(app, `/klacht/status/${token}/tevredenheid`, { ...fields, handling: '5' });
    const ratings = await database.owner
      .selectFrom('complaint_satisfaction')
      .select(['handling', 'outcome', 'comment'])
      .where('complaint_id', '=', id)
      .execute();
    expect(ratings).toEqual([{ handling: 2, outcome: 4, comment: 'Het duurde te lang.' }]);
    const followUps = await database.owner
      .selectFrom('complaint_event')
      .select(['summary', 'payload', 'actor_user_id'])
      .where('complaint_id', '=', id)
      .where('type', '=', 'satisfaction_follow_up_requested')
      .execute();
    expect(followUps).toEqual([
      { summary: 'Het duurde te lang.', payload: { handling: 2, outcome: 4 }, actor_user_id: null },
    ]);
    const after = await app.inject({ method: 'GET', url: rated.headers.location as string });
    const text = textOf(after.body);
    expect(text).toContain('U gaf de behandeling een 2 en de oplossing een 4.');
    expect(text).toContain('Niet tevreden? Dit kunt u doen');
    expect(text).toContain('Regionale Klachtencommissie Midden-Holland');
    expect(after.body).toContain('Postbus 123<br>2800 AA Gouda');
    expect(after.body).toContain('href="https://www.klachtencommissie.example"');
    // Nothing is e-mailed because of the rating: only the acknowledgement is in the outbox.
    const mails = await database.owner
      .selectFrom('outbox_message')
      .select('kind')
      .where('complaint_id', '=', id)
      .execute();
    expect(mails.map((m) => m.kind).filter((kind) => kind === 'acknowledgement')).toHaveLength(1);
    expect(mails.filter((m) => m.kind.includes('satisfaction'))).toEqual([]);
  });

  test('a good score creates no follow-up and shows no escalation', async () => {
    const { token } = await submitComplaint(app);
    const id = await complaintIdOf(token);
    await answer(id, 'Ons antwoord.');
    const formToken = formTokenIn((await statusPage(token)).body.split('/tevredenheid"')[1] ?? '');
    const rated = await postForm(app, `/klacht/status/${token}/tevredenheid`, {
      formToken,
      handling: '4',
      outcome: '5',
    });
    expect(rated.statusCode).toBe(303);
    const followUps = await database.owner
      .selectFrom('complaint_event')
      .select('id')
      .where('complaint_id', '=', id)
      .where('type', '=', 'satisfaction_follow_up_requested')
      .execute();
    expect(followUps).toEqual([]);
    const text = textOf((await app.inject({ method: 'GET', url: rated.headers.location as string })).body);
    expect(text).toContain('Bedankt voor uw mening.');
    expect(text).not.toContain('Niet tevreden?');
  });

  test('a write without a valid form token is refused', async () => {
    const { token } = await submitComplaint(app);
    const response = await app.inject({
      method: 'POST',
      url: `/klacht/status/${token}/bericht`,
      headers: FORM_HEADERS,
      payload: 'message=hallo&formToken=v1.nep.1.nep',
    });
    expect(response.statusCode).toBe(400);
  });
});
