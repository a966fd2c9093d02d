import nodemailer from 'nodemailer';
import { describe, expect, test } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { createComplaintWorld } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const builder = nodemailer.createTransport({ streamTransport: true, buffer: true });

async function eml(subject: string, text: string, messageId: string): Promise<Buffer> {
  const info = await builder.sendMail({
    from: 'Henk Huurder <henk@example.nl>',
    to: 'eva@corporatie.example',
    subject,
    text,
    messageId,
  });
  return info.message as Buffer;
}

function upload(body: Buffer | string, contentType = 'message/rfc822') {
  return world.as.eva.request({
    method: 'POST',
    url: '/api/complaints/intake/eml',
    headers: { 'content-type': contentType },
    payload: body,
  });
}

describe('an .eml file uploaded in the back office', () => {
  test('becomes a complaint registered and handled by the uploader; the same mail again changes nothing', async () => {
    const raw = await eml('Geluidsoverlast buren', 'Elke nacht harde muziek.', '<upload-1@example.nl>');
    const first = await upload(raw);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ outcome: 'complaint' });
    const complaint = await database.owner
      .selectFrom('complaint')
      .select(['channel', 'registered_by', 'handler_id', 'description'])
      .where('id', '=', first.json().complaintId)
      .executeTakeFirstOrThrow();
    expect(complaint).toEqual({
      channel: 'email',
      registered_by: world.people.eva.id,
      handler_id: world.people.eva.id,
      description: 'Geluidsoverlast buren\n\nElke nacht harde muziek.',
    });

    // the original is kept and downloadable from the case
    const original = await world.as.eva.request({
      method: 'GET',
      url: `/api/complaints/${first.json().complaintId}/emails/${first.json().inboundMailId}`,
    });
    expect(original.statusCode).toBe(200);
    expect(original.headers['content-type']).toBe('message/rfc822');
    expect(original.rawPayload.equals(raw)).toBe(true);

    const again = await upload(raw);
    expect(again.json()).toEqual({ ...first.json(), outcome: 'already_processed' });
  });

  test('not an e-mail, the wrong type or no session: a problem, never a 500', async () => {
    const garbage = await upload('%PDF-1.4 dit is geen e-mail');
    expect(garbage.statusCode).toBe(400);
    expect(garbage.headers['content-type']).toContain('application/problem+json');
    const msg = await upload(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), 'application/vnd.ms-outlook');
    expect(msg.statusCode).toBe(415);
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/complaints/intake/eml',
      headers: { 'content-type': 'message/rfc822' },
      payload: await eml('x', 'y', '<anon@example.nl>'),
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
