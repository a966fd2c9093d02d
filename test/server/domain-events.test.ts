import { describe, expect, test } from 'vitest';
import type { Database } from '../../src/server/db/database.ts';
import { createEventBus, EventBusNotRegisteredError } from '../../src/server/events/event-bus.ts';
import { registerSubscribers } from '../../src/server/events/register-subscribers.ts';
import { complaintEvents, createComplaintEventBus } from '../../src/server/modules/complaints/index.ts';
import { createMessageEventBus, messageEvents } from '../../src/server/modules/messages/index.ts';
import { createPortalEventBus, portalEvents } from '../../src/server/modules/portal/index.ts';
import { createPrivacyEventBus } from '../../src/server/modules/privacy/index.ts';
import { createTestApp } from '../support/app.ts';
import { attempt, createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';

// Decision 029: modules talk through events published in the change's transaction.

type Topics = {
  'thing.happened': { event: { n: number }; reply: string };
  'other.happened': { event: null; reply: undefined };
};

describe('the event bus', () => {
  test('refuses to publish before the subscribers are registered, so nothing is silently dropped', async () => {
    const bus = createEventBus<null, Topics>('test events');
    bus.subscribe('thing.happened', 'a', (_ctx, { n }) => `a${n}`);
    await expect(bus.publish(null, 'thing.happened', { n: 1 })).rejects.toBeInstanceOf(
      EventBusNotRegisteredError,
    );
    await expect(bus.publish(null, 'thing.happened', { n: 1 })).rejects.toThrow(/registerSubscribers/);
    bus.markRegistered();
    expect(await bus.publish(null, 'thing.happened', { n: 1 })).toEqual(['a1']);
  });

  test('delivers to the topic subscribers in the order they subscribed, answers in that order', async () => {
    const bus = createEventBus<null, Topics>('test events');
    const heard: string[] = [];
    bus.subscribe('thing.happened', 'first', async (_ctx, { n }) => {
      heard.push(`first ${n}`);
      return 'one';
    });
    bus.subscribe('other.happened', 'elsewhere', () => {
      heard.push('elsewhere');
      return undefined;
    });
    bus.subscribe('thing.happened', 'second', (_ctx, { n }) => {
      heard.push(`second ${n}`);
      return 'two';
    });
    bus.markRegistered();
    expect(await bus.publish(null, 'thing.happened', { n: 7 })).toEqual(['one', 'two']);
    expect(heard).toEqual(['first 7', 'second 7']);
  });

  test('a failing subscriber stops the delivery and its error reaches the publisher', async () => {
    const bus = createEventBus<null, Topics>('test events');
    const heard: string[] = [];
    bus.subscribe('thing.happened', 'broken', () => {
      throw new Error('subscriber failed');
    });
    bus.subscribe('thing.happened', 'later', () => {
      heard.push('later');
      return 'x';
    });
    bus.markRegistered();
    await expect(bus.publish(null, 'thing.happened', { n: 1 })).rejects.toThrow('subscriber failed');
    expect(heard).toEqual([]);
  });

  test('one subscriber subscribes once per topic; unsubscribing removes it', async () => {
    const bus = createEventBus<null, Topics>('test events');
    const off = bus.subscribe('thing.happened', 'a', () => 'a');
    expect(() => bus.subscribe('thing.happened', 'a', () => 'again')).toThrow(/already subscribes/);
    bus.markRegistered();
    off();
    expect(await bus.publish(null, 'thing.happened', { n: 1 })).toEqual([]);
  });
});

describe('registerSubscribers (the composition root)', () => {
  test('subscribes messages, integrations and notifications, once however often it is called', () => {
    const buses = {
      complaints: createComplaintEventBus(),
      portal: createPortalEventBus(),
      messages: createMessageEventBus(),
      privacy: createPrivacyEventBus(),
    };
    registerSubscribers(buses);
    registerSubscribers(buses);
    expect(buses.complaints.registered && buses.portal.registered && buses.messages.registered).toBe(true);
    expect(buses.complaints.subscriptions()).toEqual([
      { topic: 'complaint.registered', subscriber: 'adjustments' },
      { topic: 'complaint.changed', subscriber: 'integrations' },
      { topic: 'complaint.effects_decided', subscriber: 'messages' },
      { topic: 'complaint.registered', subscriber: 'messages' },
      { topic: 'complaint.changed', subscriber: 'messages' },
      { topic: 'complaint.changed', subscriber: 'notifications' },
    ]);
    expect(buses.portal.subscriptions()).toEqual([
      { topic: 'complaint.submitted_online', subscriber: 'messages' },
      { topic: 'satisfaction.rated', subscriber: 'integrations' },
      { topic: 'satisfaction.rated', subscriber: 'notifications' },
      { topic: 'complainant.messaged', subscriber: 'notifications' },
    ]);
    expect(buses.privacy.subscriptions()).toEqual([{ topic: 'complaint.erased', subscriber: 'learning' }]);
    expect(buses.messages.subscriptions()).toEqual([
      { topic: 'message.dead_lettered', subscriber: 'notifications' },
      { topic: 'complainant.replied', subscriber: 'notifications' },
    ]);
  });
});

const database = await createTestDatabase();
const app = await createTestApp(database.app);
// A second app in the same process (as in tests and a restarted plugin) must not subscribe twice: a change
// would queue every mail twice
await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);

async function counts(owner: Database, complaintId: string | null) {
  const count = async (
    table: 'complaint_event' | 'outbox_message' | 'integration_event' | 'notification',
  ) => {
    let query = owner.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n'));
    if (complaintId !== null) query = query.where('complaint_id', '=', complaintId);
    return Number((await query.executeTakeFirstOrThrow()).n);
  };
  return {
    timeline: await count('complaint_event'),
    outbox: await count('outbox_message'),
    integration: await count('integration_event'),
    notifications: await count('notification'),
    complaints: Number(
      (
        await owner
          .selectFrom('complaint')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  };
}

describe('events in the application', () => {
  test('the application buses are registered once by buildApp', () => {
    expect(complaintEvents.registered && portalEvents.registered && messageEvents.registered).toBe(true);
    const changed = complaintEvents.subscriptions().filter((s) => s.topic === 'complaint.changed');
    expect(changed.map((s) => s.subscriber)).toEqual(['integrations', 'messages', 'notifications']);
  });

  test('a subscriber that fails rolls back the whole complaint change; without it the change goes through', async () => {
    const complainant = await database.owner
      .insertInto('person')
      .values({
        organization_id: world.organization.id,
        name: 'Sanne Mail',
        email: 'sanne@example.org',
        relation: 'tenant',
        unit_id: world.unit.id,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const complaint = await register(world.as.eva, {
      channel: 'phone',
      complainantId: complainant.id,
      description: 'De lift in het portiek is al twee weken kapot.',
    });
    const before = await counts(database.owner, complaint.id);
    // The acknowledgement was queued and the CRM heard of it, by the subscribers, with the registration
    expect(before.outbox).toBe(1);
    expect(before.integration).toBeGreaterThan(0);

    const off = complaintEvents.subscribe('complaint.changed', 'test: broken', () => {
      throw new Error('a subscriber failed');
    });
    try {
      const refused = await attempt(world.as.eva, complaint.id, 'triage', {
        outcome: 'complaint',
        category: 'no_or_late_answer',
        subject: { kind: 'department', departmentId: world.wonen.id },
      });
      expect(refused.statusCode).toBe(500);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      const stored = await database.owner
        .selectFrom('complaint')
        .select(['status', 'version'])
        .where('id', '=', complaint.id)
        .executeTakeFirstOrThrow();
      expect(stored).toEqual({ status: 'new', version: complaint.version });
      expect(await counts(database.owner, complaint.id)).toEqual(before);

      // A registration whose subscriber fails leaves no complaint behind
      const all = await counts(database.owner, null);
      const failed = await world.as.eva.request({
        method: 'POST',
        url: '/api/complaints',
        payload: { channel: 'phone', complainantId: complainant.id, description: 'Nog een klacht.' },
      });
      expect(failed.statusCode).toBe(500);
      expect(await counts(database.owner, null)).toEqual(all);
    } finally {
      off();
    }

    const detail = await step(world.as.eva, complaint.id, 'triage', {
      outcome: 'complaint',
      category: 'no_or_late_answer',
      subject: { kind: 'department', departmentId: world.wonen.id },
    });
    expect(detail.status).toBe('in_progress');
    const after = await counts(database.owner, complaint.id);
    expect(after.timeline).toBeGreaterThan(before.timeline);
    expect(after.integration).toBeGreaterThan(before.integration);
  });

  test('an effect subscriber that fails rolls back the change too', async () => {
    const complaint = await register(world.as.eva, {
      channel: 'phone',
      complainantId: world.tenant.id,
      description: 'De verwarming doet het niet.',
    });
    const before = await counts(database.owner, complaint.id);
    const off = complaintEvents.subscribe('complaint.effects_decided', 'test: broken', () => {
      throw new Error('an effect subscriber failed');
    });
    try {
      const refused = await attempt(world.as.eva, complaint.id, 'triage', {
        outcome: 'complaint',
        category: 'no_or_late_answer',
        subject: { kind: 'department', departmentId: world.wonen.id },
      });
      expect(refused.statusCode).toBe(500);
    } finally {
      off();
    }
    expect(await counts(database.owner, complaint.id)).toEqual(before);
  });
});
