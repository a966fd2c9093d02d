import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { inOrganization, type Scoped } from '../../src/server/db/tenant-scope.ts';
import { sha256Hex } from '../../src/server/modules/portal/forms/form-token.ts';
import { createComplaintWorld } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganization } from '../support/factories.ts';
import { recordStatements } from '../support/statement-recorder.ts';
import { createPortalApp, submitComplaint } from './portal-support.ts';

// Issue 24: the public status page reads the portal settings and the status in one transaction, and the link,
// its complaint and what the complainant may see in one query (was: two transactions, seven round trips).

const database = await createTestDatabase();
const app = await createPortalApp(database.app);
const world = await createComplaintWorld(database.owner, app);

const during = recordStatements();

async function recorded(url: string) {
  const { result, statements } = await during(() => app.inject({ method: 'GET', url }));
  return { response: result, statements };
}

describe('round trips of the public status page', () => {
  // decision 058: the opening travels with the first kept statement (the settings, decision 055)
  test('begin + scope with the settings, status with its parts, commit', async () => {
    const { token } = await submitComplaint(app, { description: 'Lekkage boven de voordeur.' });
    await recorded(`/klacht/status/${token}`); // the host name is cached from here on

    const { response, statements: page } = await recorded(`/klacht/status/${token}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Lekkage boven de voordeur.');
    expect(page[0]).toMatch(/^begin; select set_config\(.*\); execute gehoord_kept_\d+\(/s);
    expect(page, page.join('\n')).toHaveLength(3);
    expect(page[2]).toBe('commit');

    const received = await recorded(`/klacht/status/${token}/ontvangen`);
    expect(received.response.statusCode).toBe(200);
    expect(received.statements, received.statements.join('\n')).toHaveLength(3);
  });

  test('an unknown link costs the same and is refused', async () => {
    const { response, statements: page } = await recorded(`/klacht/status/${'A'.repeat(43)}`);
    expect(response.statusCode).toBe(404);
    expect(page, page.join('\n')).toHaveLength(3);
  });
});

describe('the read-path functions (migration 078) run as the caller', () => {
  test('row-level security applies: another organisation in scope, or none, finds nothing', async () => {
    const { token } = await submitComplaint(app, { description: 'Schimmel in de slaapkamer.' });
    const other = await createOrganization(database.owner);
    const lookUp = (trx: Scoped) =>
      sql<{ id: string }>`select id from portal_status(${sha256Hex(token)}, array['complainant_message'])`
        .execute(trx)
        .then((r) => r.rows.length);
    expect(await inOrganization(database.app, world.organization.id, lookUp)).toBe(1);
    expect(await inOrganization(database.app, other.id, lookUp)).toBe(0);
    const unscoped = await sql<{
      id: string;
    }>`select id from portal_status(${sha256Hex(token)}, array['x'])`.execute(database.app);
    expect(unscoped.rows).toHaveLength(0);

    // complaint_timeline: the complaint's events in its own organisation, nothing in another or in none
    const { complaint_id: complaintId } = await database.owner
      .selectFrom('complaint_status_link')
      .select('complaint_id')
      .where('token_hash', '=', sha256Hex(token))
      .executeTakeFirstOrThrow();
    const timeline = (trx: Scoped) =>
      sql<{ type: string }>`select type from complaint_timeline(${complaintId})`
        .execute(trx)
        .then((r) => r.rows);
    const own = await inOrganization(database.app, world.organization.id, timeline);
    expect(own.map((e) => e.type)).toContain('registered');
    expect(await inOrganization(database.app, other.id, timeline)).toEqual([]);
    expect(
      (await sql`select type from complaint_timeline(${complaintId})`.execute(database.app)).rows,
    ).toEqual([]);
  });
});
