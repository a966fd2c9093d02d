import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { toLocalDate } from '../../src/domain/index.ts';
import { sha256Hex } from '../../src/server/modules/portal/forms/form-token.ts';
import { createComplaintWorld } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { rowCount } from '../support/row-count.ts';
import { signInAs } from '../support/sessions.ts';
import {
  createPortalApp,
  formTokenIn,
  openForm,
  postForm,
  submitComplaint,
  textOf,
  validComplaint,
} from './portal-support.ts';

// Issue 26 (decision 052): the public form offers the common adjustments; they are stored in the submission's
// transaction, recorded via the portal, and the status page lists them so the complainant can check.

const database = await createTestDatabase();
const app = await createPortalApp(database.app);
const world = await createComplaintWorld(database.owner, app);

const ASKED = {
  preferredContact: 'letter',
  largePrint: 'yes',
  interpreterLanguage: 'Turks',
  repName: 'Ayse Kaya',
  repContact: '06 98765432',
  repAuthority: 'written_authorisation',
  repCopies: 'yes',
  need_low_vision: 'yes',
  needsNote: 'Graag grote letters en bellen',
  needsConsent: 'yes',
};

async function complaintByToken(token: string) {
  return database.owner
    .selectFrom('complaint_status_link as l')
    .innerJoin('complaint as c', 'c.id', 'l.complaint_id')
    .selectAll('c')
    .where('l.token_hash', '=', sha256Hex(token))
    .executeTakeFirstOrThrow();
}

const counts = async () => {
  const count = (table: 'complaint' | 'person' | 'complainant_adjustment') => rowCount(database.owner, table);
  return {
    complaints: await count('complaint'),
    persons: await count('person'),
    adjustments: await count('complainant_adjustment'),
  };
};

describe('adjustments on the public complaint form', () => {
  test('the form offers them in fieldsets with legends and labels', async () => {
    const page = (await app.inject({ url: '/klacht' })).body;
    expect(page).toContain('Heeft u hulp of een aanpassing nodig?');
    expect(page).toContain('<legend>Hulp bij lezen of horen');
    expect(page).toContain('<label for="largePrint">Ik wil brieven in grote letters</label>');
    expect(page).toContain('<label for="needsConsent">Ik geef toestemming');
    expect(page).toContain('id="repAuthority-guardian"');
    const english = (await app.inject({ url: '/complaint' })).body;
    expect(english).toContain('Do you need help or an adjustment?');
  });

  test('stored in the submission: basis, consent, recorded via the portal; acknowledgement by post; listed on the status page', async () => {
    const { token, location } = await submitComplaint(app, ASKED);
    const complaint = await complaintByToken(token);
    const stored = await database.owner
      .selectFrom('complainant_adjustment')
      .selectAll()
      .where('person_id', '=', String(complaint.complainant_id))
      .orderBy('kind')
      .execute();
    expect(stored.map((a) => [a.kind, a.legal_basis, a.recorded_by, a.recorded_via])).toEqual([
      ['access_needs', 'consent_art9_2a', null, 'portal'],
      ['interpreter', 'legitimate_interest_art6_1f', null, 'portal'],
      ['large_print', 'legitimate_interest_art6_1f', null, 'portal'],
      ['preferred_channel', 'legitimate_interest_art6_1f', null, 'portal'],
      ['representative', 'legitimate_interest_art6_1f', null, 'portal'],
    ]);
    expect(stored[0]?.consent_at).toBeInstanceOf(Date);
    expect(stored[0]?.value).toEqual({
      needs: ['low_vision'],
      note: 'Graag grote letters en bellen',
      consentGiven: true,
    });
    expect(stored.find((a) => a.kind === 'representative')?.value).toMatchObject({
      name: 'Ayse Kaya',
      contact: '06 98765432',
      authority: 'written_authorisation',
      receivesCopies: true,
      authorityDate: toLocalDate(complaint.received_at),
    });

    const events = await database.owner
      .selectFrom('complaint_event')
      .select(['type', 'payload', 'actor_user_id'])
      .where('complaint_id', '=', complaint.id)
      .orderBy('id')
      .execute();
    const changed = events.find((e) => e.type === 'adjustments_changed');
    expect(changed).toEqual({
      type: 'adjustments_changed',
      actor_user_id: null,
      payload: {
        kinds: ['preferred_channel', 'large_print', 'interpreter', 'representative', 'access_needs'],
      },
    });

    // "brief": the acknowledgement is a letter to post, no e-mail although the form has an address
    const outbox = await database.owner
      .selectFrom('outbox_message')
      .select(['kind', 'status', 'recipient_to'])
      .where('complaint_id', '=', complaint.id)
      .execute();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ kind: 'acknowledgement', status: 'to_post' });
    expect(outbox[0]?.recipient_to).not.toContain('jannie@example.nl');

    const confirmation = textOf((await app.inject({ url: location })).body);
    expect(confirmation).toContain('U krijgt ook een bevestiging per post.');
    expect(confirmation).not.toContain('per e-mail');

    const status = await app.inject({ url: `/klacht/status/${token}` });
    expect(status.statusCode).toBe(200);
    const text = textOf(status.body);
    expect(text).toContain('Waar u om vroeg');
    for (const line of [
      'Berichten per brief',
      'Brieven in grote letters',
      'Een tolk: Turks',
      'Ayse Kaya treedt namens u op',
      'Hulp bij lezen of horen (met uw toestemming bewaard)',
    ])
      expect(text).toContain(line);
    // health data: the page says it is kept, not what it is
    expect(text).not.toContain('Ik zie slecht');
    expect(text).not.toContain('Graag grote letters en bellen');

    // staff see who recorded them, and their read is access-logged
    const eva = await signInAs(app, world.people.eva.email);
    const read = await eva.request({ url: `/api/complaints/${complaint.id}/adjustments` });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().records).toContainEqual(
      expect.objectContaining({ kind: 'large_print', recordedByName: null, recordedVia: 'portal' }),
    );
    const logged = await database.owner
      .selectFrom('complaint_access_log')
      .select(['what', 'detail'])
      .where('complaint_id', '=', complaint.id)
      .where('user_id', '=', world.people.eva.id)
      .execute();
    expect(logged).toContainEqual({ what: 'person', detail: { adjustments: true } });
  });

  test('nothing asked: no adjustment, the e-mail confirmation as before, no list on the status page', async () => {
    const { token } = await submitComplaint(app, { preferredContact: 'email' });
    const complaint = await complaintByToken(token);
    const stored = await database.owner
      .selectFrom('complainant_adjustment')
      .select('kind')
      .where('person_id', '=', String(complaint.complainant_id))
      .execute();
    expect(stored).toEqual([]);
    const outbox = await database.owner
      .selectFrom('outbox_message')
      .select(['status', 'recipient_to'])
      .where('complaint_id', '=', complaint.id)
      .execute();
    expect(outbox).toEqual([{ status: 'pending', recipient_to: ['jannie@example.nl'] }]);
    const status = textOf((await app.inject({ url: `/klacht/status/${token}` })).body);
    expect(status).not.toContain('Waar u om vroeg');
  });

  test('reading or hearing needs without consent are refused: error summary, nothing stored', async () => {
    const before = await counts();
    const formToken = await openForm(app);
    const response = await postForm(app, '/klacht', {
      ...validComplaint,
      need_hard_of_hearing: 'yes',
      repName: 'Ayse Kaya',
      formToken,
    });
    expect(response.statusCode).toBe(400);
    const page = response.body;
    expect(page).toContain('class="error-summary" role="alert"');
    expect(page).toContain(
      '<a href="#needsConsent">Geef toestemming, of vink de hulp bij lezen of horen uit',
    );
    expect(page).toContain('<a href="#repContact">Vul een telefoonnummer of e-mailadres in');
    expect(page).toContain('<a href="#repAuthority-written_authorisation">Kies waarom deze persoon');
    expect(page).toContain('aria-describedby="needsConsent-error"');
    // what was ticked is shown again
    expect(page).toMatch(/id="need_hard_of_hearing" name="need_hard_of_hearing" value="yes" checked/);
    expect(formTokenIn(page)).toBe(formToken);
    expect(await counts()).toEqual(before);
  });

  test('fuzz: any value in the adjustment fields gives a 303 or a 400 page, never a 5xx; needs are kept only with consent', async () => {
    const field = fc.oneof(fc.constant(''), fc.constant('yes'), fc.string({ maxLength: 80 }));
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          preferredContact: fc.constantFrom('phone', 'email', 'letter', 'duif', ''),
          largePrint: field,
          interpreterLanguage: fc.string({ maxLength: 90 }),
          repName: field,
          repContact: field,
          repAuthority: fc.constantFrom('written_authorisation', 'guardian', 'oral_recorded', '', 'x'),
          repCopies: field,
          need_blind: field,
          need_deaf: field,
          needsNote: fc.string({ maxLength: 320 }),
          needsConsent: field,
        }),
        async (fields) => {
          const formToken = await openForm(app);
          const response = await postForm(app, '/klacht', { ...validComplaint, ...fields, formToken });
          expect(response.statusCode).toBeLessThan(500);
          if (response.statusCode === 400) {
            expect(response.body).toContain('class="error-summary"');
            return;
          }
          expect(response.statusCode, response.body.slice(0, 500)).toBe(303);
          const token = /\/status\/([^/]+)\//.exec(String(response.headers.location))?.[1] ?? '';
          const complaint = await complaintByToken(token);
          const needs = await database.owner
            .selectFrom('complainant_adjustment')
            .select(['legal_basis', 'consent_at'])
            .where('person_id', '=', String(complaint.complainant_id))
            .where('kind', '=', 'access_needs')
            .execute();
          const asked = fields.need_blind === 'yes' || fields.need_deaf === 'yes';
          expect(needs).toHaveLength(asked ? 1 : 0);
          if (asked) {
            expect(fields.needsConsent).toBe('yes');
            expect(needs[0]?.legal_basis).toBe('consent_art9_2a');
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
