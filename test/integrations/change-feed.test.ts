import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { signInAs } from '../support/sessions.ts';
import { createStaffUser } from '../support/staff-factories.ts';

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const adminUser = await createStaffUser(database.owner, world.organization.id, {
  roles: ['employee', 'admin'],
});
const admin = await signInAs(app, adminUser.email);

async function readPage(after: string | null, limit = 7) {
  const response = await admin.request({
    url: `/api/integrations/feed?limit=${limit}${after ? `&after=${after}` : ''}`,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { items: { id: string; type: string }[]; nextCursor: string };
}

describe('the change feed', () => {
  test('every change exactly once across pages, while writes happen concurrently and one commits late', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    // A transaction that takes its place in the feed early but commits last
    let releaseLate: () => void = () => {};
    const lateGate = new Promise<void>((resolve) => {
      releaseLate = resolve;
    });
    const late = database.owner.transaction().execute(async (trx) => {
      await sql`insert into integration_event (organization_id, type, payload)
                values (${world.organization.id}, 'complaint.registered', '{"late": true}')`.execute(trx);
      await lateGate;
    });
    let writing = true;
    const writers = (async () => {
      for (let batch = 0; batch < 6; batch++) {
        await Promise.all(
          Array.from({ length: 5 }, (_, i) =>
            register(world.as.eva, {
              channel: 'web',
              complainantId: world.tenant.id,
              description: `Melding ${batch}-${i}`,
            }),
          ),
        );
        if (batch === 3) releaseLate();
      }
      writing = false;
    })();
    while (writing) {
      const page = await readPage(cursor);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    }
    await writers;
    await late;
    for (;;) {
      const page = await readPage(cursor);
      if (page.items.length === 0) break;
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    }
    const all = await database.owner.selectFrom('integration_event').select('event_id').execute();
    expect(all).toHaveLength(31);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(all.map((r) => r.event_id).sort());
  });

  test('integration tokens can poll; a tampered cursor is a 400; staff other than admins cannot', async () => {
    const created = await admin.request({
      method: 'POST',
      url: '/api/admin/api-tokens',
      payload: { name: 'CRM', scope: 'read' },
    });
    const token = created.json().token;
    const page = await app.inject({
      url: '/api/integrations/feed?limit=2',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(page.statusCode).toBe(200);
    expect(page.json().items).toHaveLength(2);
    const bad = await admin.request({ url: '/api/integrations/feed?after=bm90LWEtY3Vyc29y' });
    expect(bad.statusCode).toBe(400);
    expect((await world.as.eva.request({ url: '/api/integrations/feed' })).statusCode).toBe(403);
  });
});

describe('events beyond complaints', () => {
  test('an improvement action created by the MT appears in the feed', async () => {
    const before = await readPage(null, 1000);
    const created = await world.as.marieke.request({
      method: 'POST',
      url: '/api/improvement-actions',
      payload: { title: 'Terugbelafspraken nakomen' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const after = await readPage(before.nextCursor, 100);
    const event = after.items.find((i) => i.type === 'improvement_action.changed') as
      | { data: { change: string; improvementAction: { id: string; status: string } } }
      | undefined;
    expect(event?.data.change).toBe('created');
    expect(event?.data.improvementAction).toMatchObject({ id: created.json().id, status: 'agreed' });
  });
});

describe('visibility is decided when the feed is read (issue 20)', () => {
  test('events published before a complaint became confidential are no longer served, to admins or tokens', async () => {
    const created = await admin.request({
      method: 'POST',
      url: '/api/admin/api-tokens',
      payload: { name: 'Feed', scope: 'full' },
    });
    const token = created.json().token as string;
    const viaToken = async (after: string | null, limit = 1000) => {
      const response = await app.inject({
        url: `/api/integrations/feed?limit=${limit}${after ? `&after=${after}` : ''}`,
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.statusCode).toBe(200);
      return response.json() as { items: { data: { complaint?: { id: string } } }[]; nextCursor: string };
    };
    const start = await readPage(null, 1000);
    const hidden = await register(world.as.eva, {
      channel: 'phone',
      complainantId: world.tenant.id,
      description: 'Wordt later vertrouwelijk.',
    });
    const open = await register(world.as.eva, {
      channel: 'phone',
      complainantId: world.tenant.id,
      description: 'Blijft gewoon zichtbaar.',
    });
    const complaintIds = (items: { data: { complaint?: { id: string } } }[]) =>
      items.map((i) => i.data.complaint?.id);
    // Before: both complaints are in the feed
    expect(complaintIds((await viaToken(start.nextCursor)).items)).toContain(hidden.id);

    await step(world.as.marieke, hidden.id, 'confidential', { reason: 'complainant_asks' });

    for (const page of [
      await viaToken(start.nextCursor),
      await viaToken(null),
      await readPage(start.nextCursor, 1000),
    ] as { items: { data: { complaint?: { id: string } } }[]; nextCursor: string }[]) {
      const ids = complaintIds(page.items);
      expect(ids).not.toContain(hidden.id);
      expect(ids).toContain(open.id);
      expect(JSON.stringify(page)).not.toContain('Wordt later vertrouwelijk');
    }
    // The cursor still moves past what was left out: a page holding only the hidden event is empty but advances
    const onlyHidden = await viaToken(start.nextCursor, 1);
    expect(onlyHidden.items).toEqual([]);
    expect(onlyHidden.nextCursor).not.toBe(start.nextCursor);

    // Lifted again: the events are served again (decided now, not when they were published)
    await step(world.as.marieke, hidden.id, 'confidential/lift', { reason: 'Toch niet nodig.' });
    expect(complaintIds((await viaToken(start.nextCursor)).items)).toContain(hidden.id);
  });
});
