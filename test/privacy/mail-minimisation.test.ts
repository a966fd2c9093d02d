import { describe, expect, test } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { createPrivacyStores, createPrivacyWorld, createTenant } from './privacy-world.ts';

const database = await createTestDatabase();
const stores = await createPrivacyStores();
const app = await createTestApp(database.app, { storage: stores.storage, erasureLedger: stores.ledger });
const world = await createPrivacyWorld(database.owner, app);
const { as } = world;

const outboxOf = (complaintId: string) =>
  database.owner
    .selectFrom('outbox_message')
    .select(['kind', 'recipient_to', 'subject', 'body_text', 'secret_link'])
    .where('complaint_id', '=', complaintId)
    .execute();

/** Registered and answered; the world's tenant has no e-mail address, so the answer goes by post. */
async function answered(complainantId: string, description: string, answer: string) {
  const complaint = await register(as.eva, { channel: 'letter', complainantId, description });
  await step(as.eva, complaint.id, 'triage', {
    outcome: 'complaint',
    category: 'repair_badly_done',
    subject: { kind: 'contractor', contractorId: world.contractor.id },
  });
  await step(as.eva, complaint.id, 'contacts', { kind: 'phone', direction: 'outbound', summary: 'Gebeld.' });
  await step(as.eva, complaint.id, 'assessment', {
    kind: 'policy_not_followed',
    verdict: 'upheld',
    apologyOffered: true,
    errorAdmitted: true,
    demonstrableDamage: false,
  });
  await step(as.eva, complaint.id, 'answer', { text: answer });
  return complaint;
}

describe('minimisation in mail: the reference and a link, not the case text', () => {
  test('the acknowledgement carries reference, dates and the status link, never the complaint text', async () => {
    const tenant = await createTenant(database.owner, world.organization.id, world.unit.id, 'Lies Kok');
    const complaint = await register(as.eva, {
      channel: 'phone',
      complainantId: tenant.id,
      description: 'Lies Kok heeft last van vocht achter het behang.',
    });
    const [ack] = (await outboxOf(complaint.id)).filter((m) => m.kind === 'acknowledgement');
    expect(ack?.body_text).toContain(complaint.reference);
    // issue 21: a working status link; staff read it redacted, the token is held for delivery only
    expect(ack?.body_text).toContain('http://localhost:3000/klacht/status/••••');
    expect(ack?.secret_link).toMatch(/^http:\/\/localhost:3000\/klacht\/status\/[A-Za-z0-9_-]{43}$/);
    expect(ack?.body_text).not.toContain('vocht');
  });

  test('the staff copy of a posted answer points at the case; with the organisation’s opt-in it carries the text', async () => {
    const answer = 'Wij laten de kozijnen van uw woning deze maand vervangen.';
    const without = await answered(world.tenant.id, 'De kozijnen rotten weg.', answer);
    const [copy] = (await outboxOf(without.id)).filter((m) => m.kind === 'answer_copy');
    expect(copy, 'a staff copy is queued').toBeDefined();
    expect(copy?.body_text).toContain(`/klachten/${without.id}`);
    expect(copy?.body_text).not.toContain('kozijnen');

    const optIn = await world.admin.request({
      method: 'PATCH',
      url: '/api/privacy/settings',
      payload: { mailIncludesCaseText: true },
    });
    expect(optIn.json().mailIncludesCaseText).toBe(true);
    const withText = await answered(world.tenant.id, 'De kozijnen rotten nog steeds weg.', answer);
    const [copyWithText] = (await outboxOf(withText.id)).filter((m) => m.kind === 'answer_copy');
    expect(copyWithText?.body_text).toContain(answer);
  });

  test('issue 22: a notification mail to staff carries reference and link, never the text (even with the opt-in); confidential only to who may see it', async () => {
    const complaint = await register(as.mia, {
      channel: 'phone',
      complainantId: world.tenant.id,
      description: 'Jannie de Vries meldt schimmel in de slaapkamer.',
    });
    await step(as.mia, complaint.id, 'assign', { handlerId: world.people.eva.id });
    await step(as.eva, complaint.id, 'confidential', { reason: 'sensitive_personal_matter' });
    await step(as.mia, complaint.id, 'assign', { handlerId: world.people.anna.id });
    const mails = (await outboxOf(complaint.id)).filter((m) => m.kind === 'staff_notification');
    // Eva was told of her assignment; once it is confidential and handed on, she may not see it: not told
    expect(mails.map((m) => m.recipient_to)).toEqual([[world.people.eva.email], [world.people.anna.email]]);
    for (const mail of mails) {
      expect(mail.subject).toContain(complaint.reference);
      expect(mail.body_text).toContain(`http://localhost:3000/klachten/${complaint.id}`);
      expect(mail.body_text).not.toContain('schimmel');
      expect(mail.body_text).not.toContain('Jannie');
      expect(mail.secret_link).toBeNull();
    }
  });
});
