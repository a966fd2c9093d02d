import type { Kysely } from 'kysely';
import pino from 'pino';
import { describe, expect, test } from 'vitest';
import { scrubStatusTokens } from '../../src/server/db/migrations/2026-12-06-063-secrets-out-of-payloads.ts';
import { smtpDelivery } from '../../src/server/modules/messages/outbox/mail-delivery.ts';
import { createOutboxWorker } from '../../src/server/modules/messages/outbox/outbox-worker.ts';
import { sha256Hex } from '../../src/server/modules/portal/forms/form-token.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganization } from '../support/factories.ts';
import { signInAs } from '../support/sessions.ts';
import { startSmtpSink } from '../support/smtp-sink.ts';
import { createStaffUser } from '../support/staff-factories.ts';
import { createPortalApp, submitComplaint, textOf } from './portal-support.ts';

// Issue 20: the status link is the complainant's key (read the case, post as the complainant). Staff, API
// tokens and the admin outbox see it redacted; only the mail to the complainant carries it.

const database = await createTestDatabase();
const organization = await createOrganization(database.owner, { isDefault: true });
const app = await createPortalApp(database.app);
const sink = await startSmtpSink();
const admin = await createStaffUser(database.owner, organization.id, { roles: ['employee', 'admin'] });
const employee = await createStaffUser(database.owner, organization.id, { roles: ['employee'] });
const asAdmin = await signInAs(app, admin.email);
const asEmployee = await signInAs(app, employee.email);
const created = await asAdmin.request({
  method: 'POST',
  url: '/api/admin/api-tokens',
  payload: { name: 'CRM', scope: 'read' },
});
expect(created.statusCode, created.body).toBe(201);
const readToken = created.json().token as string;

const worker = () =>
  createOutboxWorker({
    db: database.app,
    delivery: smtpDelivery(sink.url, 'Corporatie <klachten@corporatie.example>'),
    logger: pino({ level: 'silent' }),
  });

async function complaintOf(token: string) {
  const link = await database.owner
    .selectFrom('complaint_status_link')
    .select('complaint_id')
    .where('token_hash', '=', sha256Hex(token))
    .executeTakeFirstOrThrow();
  return link.complaint_id;
}

/** Everything staff and integrations can read about the complaint and its mail. */
async function staffReadable(complaintId: string): Promise<string[]> {
  const outbox = await asAdmin.request({ url: `/api/admin/outbox?complaintId=${complaintId}` });
  expect(outbox.statusCode, outbox.body).toBe(200);
  const rows = outbox.json() as { id: string }[];
  expect(rows.length).toBeGreaterThan(0);
  const bodies = [outbox.body];
  for (const row of rows) {
    const detail = await asAdmin.request({ url: `/api/admin/outbox/${row.id}` });
    expect(detail.statusCode).toBe(200);
    bodies.push(detail.body);
  }
  for (const reader of [asEmployee, asAdmin]) {
    const detail = await reader.request({ url: `/api/complaints/${complaintId}` });
    expect(detail.statusCode, detail.body).toBe(200);
    bodies.push(detail.body);
  }
  const viaToken = await app.inject({
    url: `/api/complaints/${complaintId}`,
    headers: { authorization: `Bearer ${readToken}` },
  });
  expect(viaToken.statusCode, viaToken.body).toBe(200);
  bodies.push(viaToken.body);
  return bodies;
}

describe('the status link is a secret', () => {
  test('staff, a read token and the admin outbox see it redacted; the mail carries a working link', async () => {
    const { token } = await submitComplaint(app, { description: 'Lekkage in de badkamer.' });
    const complaintId = await complaintOf(token);

    for (const body of await staffReadable(complaintId)) expect(body).not.toContain(token);

    expect(await worker().drain()).toBeGreaterThanOrEqual(1);
    const [mail] = await sink.waitFor(1);
    const sent = mail?.parsed.text ?? '';
    const link = /https?:\/\/\S+\/klacht\/status\/[A-Za-z0-9_-]{43}/.exec(sent)?.[0] ?? '';
    expect(link).toContain(token);

    // After delivery, the timeline has its 'message_sent' event: still redacted everywhere
    const readable = await staffReadable(complaintId);
    expect(readable.some((b) => b.includes('message_sent'))).toBe(true);
    expect(readable.some((b) => b.includes('/klacht/status/••••'))).toBe(true);
    for (const body of readable) {
      expect(body).not.toContain(token);
      expect(body).not.toContain(link);
    }
    // Delivered: no table keeps the token any more (only its hash)
    const holders = await database.owner
      .selectFrom('outbox_message')
      .select('id')
      .where('secret_link', 'is not', null)
      .where('complaint_id', '=', complaintId)
      .execute();
    expect(holders).toEqual([]);

    // The complainant opens the link from the mail and lands on their status page
    const page = await app.inject({ url: new URL(link).pathname });
    expect(page.statusCode).toBe(200);
    expect(textOf(page.body)).toContain('Lekkage in de badkamer.');
  });

  test('the migration scrubs tokens already stored, and mail not yet sent still gets a working link', async () => {
    const { token } = await submitComplaint(app, { description: 'Oude rij met token.' });
    const complaintId = await complaintOf(token);
    const link = `http://localhost:3000/klacht/status/${token}`;
    // Rows as the code before issue 20 wrote them: the token in the mail text and in a timeline payload
    await database.owner
      .updateTable('outbox_message')
      .set({ body_text: `Uw link:\n${link}\n`, secret_link: null })
      .where('complaint_id', '=', complaintId)
      .execute();
    await database.owner
      .insertInto('complaint_event')
      .values({
        organization_id: organization.id,
        complaint_id: complaintId,
        type: 'message_sent',
        summary: 'Eerder verstuurd',
        payload: JSON.stringify({ kind: 'acknowledgement', bodyText: `Uw link:\n${link}\n` }),
      })
      .execute();

    await scrubStatusTokens(database.owner as unknown as Kysely<unknown>);

    const bodies = await staffReadable(complaintId);
    for (const body of bodies) expect(body).not.toContain(token);
    const before = sink.received.length;
    expect(await worker().drain()).toBeGreaterThanOrEqual(1);
    const [mail] = (await sink.waitFor(before + 1)).slice(before);
    expect(mail?.parsed.text).toContain(link);
    const page = await app.inject({ url: new URL(link).pathname });
    expect(page.statusCode).toBe(200);
  });
});
