import { describe, expect, test } from 'vitest';
import { signFormToken } from '../../src/server/modules/portal/forms/form-token.ts';
import { createComplaintWorld } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import {
  createPortalApp,
  FORM_HEADERS,
  formTokenIn,
  openForm,
  postForm,
  submitComplaint,
  textOf,
  validComplaint,
} from './portal-support.ts';

const database = await createTestDatabase();
const app = await createPortalApp(database.app);
const world = await createComplaintWorld(database.owner, app);

async function complaintCount() {
  const row = await database.owner
    .selectFrom('complaint')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function complaintByToken(token: string) {
  const { sha256Hex } = await import('../../src/server/modules/portal/forms/form-token.ts');
  return database.owner
    .selectFrom('complaint_status_link as l')
    .innerJoin('complaint as c', 'c.id', 'l.complaint_id')
    .selectAll('c')
    .where('l.token_hash', '=', sha256Hex(token))
    .executeTakeFirstOrThrow();
}

describe('the complaint form', () => {
  test('is a server-rendered page in Dutch, with an English twin and the portal script', async () => {
    const nl = await app.inject({ method: 'GET', url: '/klacht' });
    expect(nl.statusCode).toBe(200);
    expect(nl.headers['content-type']).toContain('text/html');
    expect(nl.headers['cache-control']).toBe('no-store');
    expect(nl.headers['referrer-policy']).toBe('no-referrer');
    expect(nl.headers['content-security-policy']).toContain("script-src 'self'");
    expect(nl.body).toContain('<html lang="nl" dir="ltr">');
    expect(nl.body).toContain('Een klacht indienen');
    expect(nl.body).toContain('href="/complaint" lang="en" hreflang="en">English</a>');
    expect(nl.body).toMatch(/<script type="module" src="\/portal-assets\/portal\.js\?v=[0-9a-f]{12}">/);
    const en = await app.inject({ method: 'GET', url: '/complaint' });
    expect(en.body).toContain('<html lang="en" dir="ltr">');
    expect(en.body).toContain('Make a complaint');
  });

  test('serves its script and stylesheet gzipped, cacheable for a year when versioned', async () => {
    const page = (await app.inject({ method: 'GET', url: '/klacht' })).body;
    const src = /src="(\/portal-assets\/portal\.js\?v=[0-9a-f]+)"/.exec(page)?.[1] ?? '';
    const script = await app.inject({ method: 'GET', url: src, headers: { 'accept-encoding': 'gzip' } });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-encoding']).toBe('gzip');
    expect(script.headers['cache-control']).toContain('immutable');
    expect(script.rawPayload.length).toBeLessThan(60 * 1024);
    const plain = await app.inject({ method: 'GET', url: '/portal-assets/portal.css' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toContain('focus-visible');
    expect((await app.inject({ method: 'GET', url: '/portal-assets/other.js' })).statusCode).toBe(404);
  });

  test('registers a complaint, matches the address to the unit and queues the confirmation e-mail', async () => {
    const { token, location } = await submitComplaint(app);
    expect(location).toBe(`/klacht/status/${token}/ontvangen`);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const complaint = await complaintByToken(token);
    expect(complaint.channel).toBe('web');
    expect(complaint.unit_id).toBe(world.unit.id);
    expect(complaint.housing_complex_id).toBe(world.complex.id);
    expect(complaint.registered_by).toBeNull();
    const person = await database.owner
      .selectFrom('person')
      .selectAll()
      .where('id', '=', complaint.complainant_id)
      .executeTakeFirstOrThrow();
    expect(person).toMatchObject({ name: 'Jannie de Vries', email: 'jannie@example.nl', relation: 'tenant' });
    expect(person.postal_address).toBe('Hofweg 12, 3155 AB Maasland');

    const mails = await database.owner
      .selectFrom('outbox_message')
      .selectAll()
      .where('complaint_id', '=', complaint.id)
      .execute();
    expect(mails).toHaveLength(1);
    const mail = mails[0];
    expect(mail?.kind).toBe('acknowledgement');
    expect(mail?.recipient_to).toEqual(['jannie@example.nl']);
    expect(mail?.subject).toContain(complaint.reference);
    // The stored text is what staff can read: the link is redacted there and kept apart for delivery (issue 20)
    expect(mail?.body_text).toContain('http://localhost:3000/klacht/status/••••');
    expect(mail?.body_text).not.toContain(token);
    expect(mail?.secret_link).toBe(`http://localhost:3000/klacht/status/${token}`);
    const dueDay = new Intl.DateTimeFormat('nl-NL', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/Amsterdam',
    }).format(complaint.due_at);
    expect(mail?.body_text).toContain(`uiterlijk op ${dueDay}`);
    // The link's token is never stored, only its hash.
    const stored = JSON.stringify(
      await database.owner.selectFrom('complaint_status_link').selectAll().execute(),
    );
    expect(stored).not.toContain(token);

    const events = await database.owner
      .selectFrom('complaint_event')
      .select(['type', 'payload', 'actor_user_id'])
      .where('complaint_id', '=', complaint.id)
      .orderBy('id')
      .execute();
    // policy 2.1: no staff member took it in, so it is routed to the intake department's queue
    expect(events.map((e) => e.type)).toEqual(['registered', 'routed', 'portal_intake']);
    expect(events[1]?.payload).toMatchObject({ basis: 'intake_queue', to: { handler: null } });
    expect(events[2]?.payload).toMatchObject({ preferredContact: 'phone', addressMatched: true });

    const confirmation = await app.inject({ method: 'GET', url: location });
    expect(confirmation.statusCode).toBe(200);
    const text = textOf(confirmation.body);
    expect(text).toContain('Bedankt, wij hebben uw klacht ontvangen');
    expect(text).toContain(complaint.reference);
    expect(text).toContain(`U hoort uiterlijk op ${dueDay} van ons.`);
    expect(text).toContain('U krijgt ook een bevestiging per e-mail.');
    expect(confirmation.body).toContain(`href="http://localhost:3000/klacht/status/${token}"`);
    expect(confirmation.body).toContain('<meta name="robots" content="noindex, nofollow">');
  });

  test('an unknown address is kept as the postal address, without a unit; "brief" means a posted acknowledgement', async () => {
    const { token } = await submitComplaint(app, {
      postcode: '1234 AB',
      houseNumber: '7',
      email: '',
      preferredContact: 'letter',
    });
    const complaint = await complaintByToken(token);
    expect(complaint.unit_id).toBeNull();
    const person = await database.owner
      .selectFrom('person')
      .select(['postal_address', 'email'])
      .where('id', '=', complaint.complainant_id)
      .executeTakeFirstOrThrow();
    expect(person).toEqual({ postal_address: '1234 AB, 7', email: null });
    // issue 26 (decision 052): they asked for a letter, so the acknowledgement is a letter to post (it was
    // not sent at all before: no e-mail address)
    const mails = await database.owner
      .selectFrom('outbox_message')
      .select(['kind', 'status'])
      .where('complaint_id', '=', complaint.id)
      .execute();
    expect(mails).toEqual([{ kind: 'acknowledgement', status: 'to_post' }]);
  });

  test('on behalf of someone: the tenant is the complainant, the sender the representative with consent', async () => {
    const { token } = await submitComplaint(app, {
      onBehalf: 'other',
      name: 'Karin de Vries',
      complainantName: 'Jannie de Vries',
      representativeRelation: 'dochter',
      consent: 'yes',
      email: 'karin@example.nl',
    });
    const complaint = await complaintByToken(token);
    const person = await database.owner
      .selectFrom('person')
      .selectAll()
      .where('id', '=', complaint.complainant_id)
      .executeTakeFirstOrThrow();
    expect(person).toMatchObject({ name: 'Jannie de Vries', email: null, phone: null });
    const representative = await database.owner
      .selectFrom('representative')
      .selectAll()
      .where('id', '=', complaint.representative_id)
      .executeTakeFirstOrThrow();
    expect(representative).toMatchObject({
      name: 'Karin de Vries',
      email: 'karin@example.nl',
      relation: 'dochter',
      consent_noted: true,
    });
    const mail = await database.owner
      .selectFrom('outbox_message')
      .select(['recipient_to', 'body_text'])
      .where('complaint_id', '=', complaint.id)
      .executeTakeFirstOrThrow();
    expect(mail.recipient_to).toEqual(['karin@example.nl']);
    expect(mail.body_text).toContain('Beste Karin de Vries');
  });

  test('missing and wrong fields come back with an error summary linking to each field, input kept', async () => {
    const formToken = await openForm(app);
    const before = await complaintCount();
    const response = await postForm(app, '/klacht', {
      formToken,
      topic: 'complaint',
      onBehalf: 'other',
      name: '<script>alert(1)</script>',
      email: 'geen-adres',
      postcode: '12',
      description: '',
    });
    expect(response.statusCode).toBe(400);
    expect(await complaintCount()).toBe(before);
    const page = response.body;
    expect(page).toContain('<title>Fout: Een klacht indienen');
    expect(page).toContain('class="error-summary" role="alert"');
    for (const [anchor, message] of [
      ['relation-tenant', 'Kies wat uw situatie is'],
      ['complainantName', 'Vul de naam in van degene voor wie u de klacht indient'],
      ['consent', 'Vink aan dat deze persoon het goedvindt'],
      ['email', 'Vul een geldig e-mailadres in'],
      ['preferredContact-phone', 'Kies hoe u het liefst contact wilt'],
      ['postcode', 'Vul een geldige postcode in'],
      ['houseNumber', 'Vul ook uw huisnummer in'],
      ['description', 'Vertel wat er is misgegaan'],
    ]) {
      expect(page).toContain(`<a href="#${anchor}">${message}`);
    }
    expect(page).toContain('aria-describedby="email-hint email-error" aria-invalid="true"');
    // What the person typed is shown again, escaped.
    expect(page).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(formTokenIn(page)).toBe(formToken);
  });

  test('the English form answers in English', async () => {
    const formToken = await openForm(app, '/complaint');
    const response = await postForm(app, '/complaint', { formToken, topic: 'complaint' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain('Tell us what went wrong');
    const { location } = await submitComplaint(app, {}, '/complaint');
    expect(location).toMatch(/^\/complaint\/status\/[A-Za-z0-9_-]{43}\/received$/);
    const confirmation = await app.inject({ method: 'GET', url: location });
    expect(confirmation.body).toContain('Thank you, we have received your complaint');
  });

  test('a repair request is pointed to its own process first; the person may still submit', async () => {
    await database.owner
      .updateTable('portal_settings')
      .set({ repair_url: 'https://www.example.nl/reparatie' })
      .execute();
    const formToken = await openForm(app);
    const before = await complaintCount();
    const fields = { ...validComplaint, topic: 'repair', formToken };
    const advice = await postForm(app, '/klacht', fields);
    expect(advice.statusCode).toBe(200);
    expect(await complaintCount()).toBe(before);
    expect(advice.body).toContain('Dit kunt u beter ergens anders melden');
    expect(advice.body).toContain('href="https://www.example.nl/reparatie"');
    expect(advice.body).toContain('name="submitAnyway" value="1"');
    const anyway = await postForm(app, '/klacht', { ...fields, submitAnyway: '1' });
    expect(anyway.statusCode).toBe(303);
    expect(await complaintCount()).toBe(before + 1);

    const rent = await postForm(app, '/klacht', {
      ...validComplaint,
      topic: 'rent',
      formToken: await openForm(app),
    });
    expect(rent.body).toContain('bezwaarprocedure');
  });
});

describe('abuse resistance', () => {
  test('a post without a token, or with a tampered one, is not registered; the form comes back filled in', async () => {
    const before = await complaintCount();
    const without = await postForm(app, '/klacht', validComplaint);
    expect(without.statusCode).toBe(400);
    expect(without.body).toContain('Het formulier was verlopen');
    expect(without.body).toContain('value="Jannie de Vries"');
    const formToken = await openForm(app);
    const tampered = `${formToken.slice(0, -2)}${formToken.endsWith('AA') ? 'BB' : 'AA'}`;
    expect((await postForm(app, '/klacht', { ...validComplaint, formToken: tampered })).statusCode).toBe(400);
    const otherSecret = signFormToken(Buffer.alloc(32, 7), {
      nonce: 'a'.repeat(43),
      issuedAt: Date.now() - 60_000,
    });
    expect((await postForm(app, '/klacht', { ...validComplaint, formToken: otherSecret })).statusCode).toBe(
      400,
    );
    expect(await complaintCount()).toBe(before);
    // The re-shown form carries a fresh, valid token: sending it works.
    const retry = await postForm(app, '/klacht', { ...validComplaint, formToken: formTokenIn(without.body) });
    expect(retry.statusCode).toBe(303);
  });

  test('the honeypot field filled in means software: refused, nothing registered', async () => {
    const before = await complaintCount();
    const formToken = await openForm(app);
    const response = await postForm(app, '/klacht', {
      ...validComplaint,
      formToken,
      website: 'http://spam.example',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Dit formulier kon niet worden verstuurd');
    expect(await complaintCount()).toBe(before);
  });

  test('a form sent faster than the minimum fill time is shown again; after waiting it goes through', async () => {
    const slowApp = await createPortalApp(database.app, { minimumFillSeconds: 5 });
    const formToken = await openForm(slowApp);
    const before = await complaintCount();
    const tooFast = await postForm(slowApp, '/klacht', { ...validComplaint, formToken });
    expect(tooFast.statusCode).toBe(400);
    expect(tooFast.body).toContain('Het formulier werd erg snel verstuurd');
    expect(await complaintCount()).toBe(before);
    // The same form handed out six seconds ago (signed with the organisation's secret) is accepted.
    const settings = await database.owner
      .selectFrom('portal_settings')
      .select('form_secret')
      .where('organization_id', '=', world.organization.id)
      .executeTakeFirstOrThrow();
    const nonce = formToken.split('.')[1] ?? '';
    const older = signFormToken(settings.form_secret, { nonce, issuedAt: Date.now() - 6000 });
    expect((await postForm(slowApp, '/klacht', { ...validComplaint, formToken: older })).statusCode).toBe(
      303,
    );
  });

  test('a double click registers once: both posts lead to the same confirmation', async () => {
    const formToken = await openForm(app);
    const before = await complaintCount();
    const fields = { ...validComplaint, formToken, description: 'Dubbel geklikt.' };
    const [first, second] = await Promise.all([
      postForm(app, '/klacht', fields),
      postForm(app, '/klacht', fields),
    ]);
    expect(first.statusCode).toBe(303);
    expect(second.statusCode).toBe(303);
    expect(second.headers.location).toBe(first.headers.location);
    const third = await postForm(app, '/klacht', fields);
    expect(third.headers.location).toBe(first.headers.location);
    expect(await complaintCount()).toBe(before + 1);
    const mails = await database.owner
      .selectFrom('outbox_message as m')
      .innerJoin('complaint as c', 'c.id', 'm.complaint_id')
      .select('m.id')
      .where('c.description', '=', 'Dubbel geklikt.')
      .execute();
    expect(mails).toHaveLength(1);

    // The same form sent again with different content is not silently dropped: the person is told.
    const changed = await postForm(app, '/klacht', { ...fields, description: 'Toch iets anders.' });
    expect(changed.statusCode).toBe(422);
    expect(changed.body).toContain('Uw klacht is al verstuurd (kenmerk K-');
    expect(formTokenIn(changed.body)).not.toBe(formToken);
    expect(await complaintCount()).toBe(before + 1);
  });

  test('a form post from another site is refused', async () => {
    const formToken = await openForm(app);
    const response = await app.inject({
      method: 'POST',
      url: '/klacht',
      headers: { ...FORM_HEADERS, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      payload: new URLSearchParams({ ...validComplaint, formToken }).toString(),
    });
    expect(response.statusCode).toBe(403);
  });
});
