import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { DATA_EXITS } from '../../src/domain/index.ts';
import { createTestApp } from '../support/app.ts';
import { register } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import type { Client } from '../support/sessions.ts';
import { createPrivacyStores, createPrivacyWorld, createTenant } from './privacy-world.ts';

// Issue 20: every exit that shows complaints writes one access-log entry per complaint it shows (AVG
// accountability): detail, drill-down rows, case files of a dossier, admin outbox rows, subject-access
// export, change feed. The counts are compared with what the exit actually returned.

const run = promisify(execFile);
const database = await createTestDatabase();
const stores = await createPrivacyStores();
const app = await createTestApp(database.app, { storage: stores.storage, erasureLedger: stores.ledger });
const world = await createPrivacyWorld(database.owner, app);
const { as } = world;
const scratch = await mkdtemp(path.join(tmpdir(), 'gehoord-exit-log-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));
const thisYear = new Date().getUTCFullYear();
const PERIOD = `from=${thisYear}-01-01&until=${thisYear + 1}-01-01`;

const tenant = await createTenant(database.owner, world.organization.id, world.unit.id, 'Sanne Bakker');
const complaints = [
  await register(as.eva, { channel: 'letter', complainantId: tenant.id, description: 'De lift is stuk.' }),
  await register(as.eva, { channel: 'phone', complainantId: tenant.id, description: 'Het dak lekt.' }),
];
await database.owner
  .updateTable('complaint')
  .set({ housing_complex_id: world.complex.id })
  .where(
    'id',
    'in',
    complaints.map((c) => c.id),
  )
  .execute();

const userIdOf = async (name: string) =>
  (
    await database.owner
      .selectFrom('staff_user')
      .select('id')
      .where('name', '=', name)
      .executeTakeFirstOrThrow()
  ).id;

/** Access-log entries of one reader (user or token) for one exit, by complaint. */
async function entries(reader: { userId?: string; tokenId?: string }, what: string, kind?: string) {
  let query = database.owner
    .selectFrom('complaint_access_log')
    .select(['complaint_id', 'detail'])
    .where('what', '=', what as never);
  if (reader.userId !== undefined) query = query.where('user_id', '=', reader.userId);
  if (reader.tokenId !== undefined) query = query.where('token_id', '=', reader.tokenId);
  const rows = await query.execute();
  return rows
    .filter((r) => kind === undefined || (r.detail as { kind?: string }).kind === kind)
    .map((r) => r.complaint_id);
}

/** The entries an exit adds: `read` runs the exit and answers with the complaint ids it showed. */
async function added(
  reader: { userId?: string; tokenId?: string },
  what: string,
  kind: string | undefined,
  read: () => Promise<(string | null)[]>,
) {
  const before = await entries(reader, what, kind);
  const shown = await read();
  const after = await entries(reader, what, kind);
  const count = (list: (string | null)[]) => {
    const map = new Map<string | null, number>();
    for (const id of list) map.set(id, (map.get(id) ?? 0) + 1);
    return map;
  };
  const was = count(before);
  const delta = [...count(after)].flatMap(([id, n]) => Array(n - (was.get(id) ?? 0)).fill(id));
  return { shown: [...shown].sort(), logged: delta.sort() };
}

async function waitForJob(client: Client, id: string) {
  for (let i = 0; i < 200; i += 1) {
    const job = (await client.request({ url: `/api/reports/jobs/${id}` })).json();
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('report job did not finish');
}

describe('one access-log entry per complaint shown, on every exit', () => {
  test('detail', async () => {
    const eva = await userIdOf('Eva Behandelaar');
    const result = await added({ userId: eva }, 'detail', undefined, async () => {
      const response = await as.eva.request({ url: `/api/complaints/${complaints[0]?.id}` });
      expect(response.statusCode).toBe(200);
      return [response.json().id];
    });
    expect(result.logged).toEqual(result.shown);
  });

  test('report drill-down rows', async () => {
    const anna = await userIdOf('Anna Assistent');
    const result = await added({ userId: anna }, 'export', 'drill_down', async () => {
      const response = await as.anna.request({ url: `/api/reports/complaints?${PERIOD}&set=received` });
      expect(response.statusCode, response.body).toBe(200);
      return response.json().items.map((i: { id: string }) => i.id);
    });
    expect(result.shown.length).toBeGreaterThanOrEqual(2);
    expect(result.logged).toEqual(result.shown);
  });

  test('case files of the complex dossier', async () => {
    const marieke = await userIdOf('Marieke MT');
    const result = await added({ userId: marieke }, 'export', 'complex_dossier', async () => {
      const started = await as.marieke.request({
        method: 'POST',
        url: '/api/reports/jobs',
        payload: {
          kind: 'dossier',
          housingComplexId: world.complex.id,
          from: `${thisYear}-01-01`,
          until: `${thisYear + 1}-01-01`,
        },
      });
      expect(started.statusCode, started.body).toBe(202);
      const job = await waitForJob(as.marieke, started.json().id);
      expect(job.status).toBe('done');
      const zip = await as.marieke.request({ url: job.downloadUrl });
      const file = path.join(scratch, 'dossier.zip');
      await writeFile(file, zip.rawPayload);
      const { stdout } = await run('unzip', ['-Z1', file]);
      const references = stdout.split('\n').flatMap((n) => /klachtdossier-(.+)\.pdf$/.exec(n)?.[1] ?? []);
      const rows = await database.owner
        .selectFrom('complaint')
        .select('id')
        .where('reference', 'in', references)
        .execute();
      expect(rows).toHaveLength(references.length);
      return rows.map((r) => r.id);
    });
    expect(result.shown).toEqual(expect.arrayContaining(complaints.map((c) => c.id)));
    expect(result.logged).toEqual(result.shown);
  });

  test('admin outbox rows (one entry per complaint whose messages are shown)', async () => {
    const admin = await userIdOf('Ada Beheer');
    const result = await added({ userId: admin }, 'export', 'outbox', async () => {
      const response = await world.admin.request({ url: '/api/admin/outbox?limit=500' });
      expect(response.statusCode, response.body).toBe(200);
      const ids = response
        .json()
        .flatMap((m: { complaintId: string | null }) => (m.complaintId === null ? [] : [m.complaintId]));
      return [...new Set(ids)] as string[];
    });
    expect(result.shown).toEqual(expect.arrayContaining(complaints.map((c) => c.id)));
    expect(result.logged).toEqual(result.shown);
  });

  test('subject-access export (one entry per complaint, one for the person)', async () => {
    const officer = await userIdOf('Pia Privacy');
    const result = await added({ userId: officer }, 'subject_access_export', undefined, async () => {
      const response = await world.officer.request({ url: `/api/privacy/persons/${tenant.id}/export` });
      expect(response.statusCode).toBe(200);
      return [null, ...complaints.map((c) => c.id)];
    });
    expect(result.logged).toEqual(result.shown);
  });

  test('change feed read with an API token', async () => {
    const created = await world.admin.request({
      method: 'POST',
      url: '/api/admin/api-tokens',
      payload: { name: 'Planning', scope: 'read' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { token, id: tokenId } = created.json() as { token: string; id: string };
    const result = await added({ tokenId }, 'export', 'change_feed', async () => {
      const response = await app.inject({
        url: '/api/integrations/feed?limit=100',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.statusCode, response.body).toBe(200);
      const ids = response
        .json()
        .items.flatMap((e: { data: { complaint?: { id: string } } }) =>
          e.data.complaint ? [e.data.complaint.id] : [],
        );
      return [...new Set(ids)] as string[];
    });
    expect(result.shown).toEqual(expect.arrayContaining(complaints.map((c) => c.id)));
    expect(result.logged).toEqual(result.shown);
  });
});

describe('the list of exits (src/domain/data-exits.ts, generated into the docs)', () => {
  test('names only operations that exist in the OpenAPI document', async () => {
    const response = await app.inject({ url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const paths = response.json().paths as Record<string, Record<string, unknown>>;
    for (const exit of DATA_EXITS) {
      for (const route of exit.routes) {
        const [method, url] = route.split(' ') as [string, string];
        expect(paths[url]?.[method.toLowerCase()], `${exit.id}: ${route}`).toBeDefined();
      }
    }
  });
});
