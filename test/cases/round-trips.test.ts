import { describe, expect, test } from 'vitest';
import { createPortalApp, openForm, postForm, validComplaint } from '../portal/portal-support.ts';
import { createTestApp } from '../support/app.ts';
import { createComplaintWorld, register } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { recordStatements } from '../support/statement-recorder.ts';

// Every database round trip costs both processes a system call and a wake-up; on the work queue that was the
// largest cost per request (docs/performance.md). These budgets keep the hot paths from growing N+1 queries.

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const portal = await createPortalApp(database.app);

const during = recordStatements();

async function roundTrips(run: () => Promise<{ statusCode: number }>, expectedStatus: number) {
  const { result, statements } = await during(run);
  expect(result.statusCode).toBe(expectedStatus);
  return statements;
}

describe('database round trips per request', () => {
  test('session, scope and the page itself: the work queue, search and detail stay within their budgets', async () => {
    const complaint = await register(world.as.eva, {
      channel: 'phone',
      complainantId: world.tenant.id,
      description: 'Lekkage in de badkamer.',
    });
    // The first request of a session records its use; the budget is for every request after that.
    await world.as.eva.request({ method: 'GET', url: '/api/complaints' });

    const queue = await roundTrips(
      () => world.as.eva.request({ method: 'GET', url: '/api/complaints' }),
      200,
    );
    expect(queue[0]).toMatch(/session_principal/);
    // Decision 058: the scope's opening, the kept page and the commit travel as one message
    expect(queue[1]).toMatch(/begin; select set_config\([\s\S]*; execute gehoord_kept_\d+\([^;]*\); commit$/);
    expect(queue, queue.join('\n')).toHaveLength(2); // principal; begin + scope + page + commit

    const search = await roundTrips(
      () => world.as.eva.request({ method: 'GET', url: '/api/complaints?q=lekkage' }),
      200,
    );
    expect(search, search.join('\n')).toHaveLength(4);

    const detail = await roundTrips(
      () => world.as.eva.request({ method: 'GET', url: `/api/complaints/${complaint.id}` }),
      200,
    );
    // principal, begin + scope, complaint, calendar version (first use), access log + relations + timeline (one
    // statement, issue 24 and decision 055), commit
    expect(detail.length, detail.join('\n')).toBeLessThanOrEqual(6);
    expect(detail.find((s) => /insert into "?complaint_access_log"?/.test(s))).toMatch(
      /^with "?access_logged"? as[\s\S]*complaint_detail_relations/,
    );
    const again = await roundTrips(
      () => world.as.eva.request({ method: 'GET', url: `/api/complaints/${complaint.id}` }),
      200,
    );
    expect(again, again.join('\n')).toHaveLength(5); // the settings version is known now
  });

  test('registering a complaint stays within its budget', async () => {
    const writes = await roundTrips(
      () =>
        world.as.eva.request({
          method: 'POST',
          url: '/api/complaints',
          payload: { channel: 'phone', complainantId: world.tenant.id, description: 'Nog een klacht.' },
        }),
      201,
    );
    // issue 21: the tenant has no e-mail, so the acknowledgement letter is queued for the "te posten" list
    // (its address, its template, the outbox row). Issue 24: the reference number is taken and the row read
    // back in the insert, person and home in one query, handler, intake and departments in one, the
    // integration event and its webhook deliveries in one statement: 22 → 16.
    // The access log of the registration travels with the 201's relations (one statement): 16 → 15.
    // The 201's timeline travels in that statement too (decision 055): 15 → 14.
    expect(writes.length, writes.join('\n')).toBeLessThanOrEqual(14);
  });

  test('registering with adjustments costs one statement more (issue 26, decision 052)', async () => {
    const writes = await roundTrips(
      () =>
        world.as.eva.request({
          method: 'POST',
          url: '/api/complaints',
          payload: {
            channel: 'phone',
            complainantId: world.tenant.id,
            description: 'Nog een klacht, in grote letters graag.',
            adjustments: { largePrint: true, interpreterLanguage: 'Turks', preferredChannel: 'letter' },
          },
        }),
      201,
    );
    // the adjustments in one insert; their timeline event and access-log entry travel with the others
    expect(writes.length, writes.join('\n')).toBeLessThanOrEqual(16);
  });

  test('a complaint through the public form stays within its budget', async () => {
    const formToken = await openForm(portal);
    const sent = await roundTrips(() => postForm(portal, '/klacht', { ...validComplaint, formToken }), 303);
    // portal context (begin + scope, settings, commit), begin + scope, nonce claim, unit at the address,
    // calendar, routing, new person, complaint with its number, events, integration event, status link,
    // nonce → complaint with the intake event, confirmation mail, commit (the web channel's acknowledgement is
    // the portal's own: the messages module reads nothing for it). Issue 24: 24 → 16 (docs/performance.md)
    expect(sent.length, sent.join('\n')).toBeLessThanOrEqual(16);
  });
});
