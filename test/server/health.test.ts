import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { PgBoss } from 'pg-boss';
import { afterEach, describe, expect, test } from 'vitest';
import { createDatabase } from '../../src/server/db/database.ts';
import {
  JOB_LAG_LIMIT_SECONDS,
  OUTBOX_DUE_LIMIT_SECONDS,
} from '../../src/server/modules/health/health.service.ts';
import { createTestApp } from '../support/app.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganization } from '../support/factories.ts';

const database = await createTestDatabase();
const app = await createTestApp(database.app);

async function registerRunner(overrides: { heartbeatSecondsAgo?: number; kind?: 'web' | 'worker' } = {}) {
  await database.owner
    .insertInto('app_instance')
    .values({
      id: randomUUID(),
      host: 'elders',
      pid: 4242,
      storage_driver: 's3',
      kind: overrides.kind ?? 'worker',
      runs_jobs: true,
      heartbeat_at: sql`now() - make_interval(secs => ${overrides.heartbeatSecondsAgo ?? 0})`,
    })
    .execute();
}

async function queueMessage(organizationId: string, values: { dueSecondsAgo: number; attempts?: number }) {
  await database.owner
    .insertInto('outbox_message')
    .values({
      organization_id: organizationId,
      kind: 'acknowledgement',
      recipient_to: ['huurder@example.nl'],
      subject: 'Ontvangstbevestiging',
      body_text: 'Persoonlijke tekst die nooit in de gezondheidscontrole mag staan',
      attempts: values.attempts ?? 0,
      next_attempt_at: sql`now() - make_interval(secs => ${values.dueSecondsAgo})`,
    })
    .execute();
}

afterEach(async () => {
  await database.owner.deleteFrom('app_instance').execute();
  await database.owner.deleteFrom('outbox_message').execute();
});

describe('health', () => {
  test('live answers while the process runs', async () => {
    const response = await app.inject({ url: '/health/live' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  test('ready when the database answers, migrations are current, a job runner lives and mail flows', async () => {
    await registerRunner();
    const response = await app.inject({ url: '/health/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ready',
      checks: {
        database: 'ok',
        migrations: 'current',
        jobs: { status: 'ok', runners: 1, lagSeconds: 0, lastRunAt: null },
        outbox: { status: 'ok', backlog: 0, oldestAgeSeconds: 0, failing: 0 },
      },
    });
  });

  test('degraded (still 200) when no live instance runs the job runner', async () => {
    // A runner whose heartbeat is older than the registry's stale time does not count
    await registerRunner({ heartbeatSecondsAgo: 120 });
    const response = await app.inject({ url: '/health/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'degraded',
      checks: { jobs: { status: 'not_running', runners: 0 }, outbox: { status: 'ok' } },
    });
  });

  test('degraded when due mail waits too long or is being retried; counts only, no message data', async () => {
    await registerRunner();
    const organization = await createOrganization(database.owner);
    await queueMessage(organization.id, { dueSecondsAgo: 5 });
    await queueMessage(organization.id, { dueSecondsAgo: -600, attempts: 2 });
    const failing = await app.inject({ url: '/health/ready' });
    expect(failing.statusCode).toBe(200);
    expect(failing.json()).toMatchObject({
      status: 'degraded',
      checks: { jobs: { status: 'ok' }, outbox: { status: 'failing', backlog: 2, failing: 1 } },
    });
    expect(failing.json().checks.outbox.oldestAgeSeconds).toBeLessThanOrEqual(OUTBOX_DUE_LIMIT_SECONDS);

    await queueMessage(organization.id, { dueSecondsAgo: OUTBOX_DUE_LIMIT_SECONDS + 60 });
    const behind = await app.inject({ url: '/health/ready' });
    expect(behind.json().checks.outbox).toMatchObject({ status: 'behind', backlog: 3 });
    expect(behind.json().checks.outbox.oldestAgeSeconds).toBeGreaterThan(OUTBOX_DUE_LIMIT_SECONDS);
    expect(behind.body).not.toContain(organization.id);
    expect(behind.body).not.toContain('huurder@example.nl');
    expect(behind.body).not.toContain('Persoonlijke tekst');
  });

  test('degraded when a due pg-boss job has waited longer than the lag limit', async () => {
    await registerRunner();
    // pg-boss makes its schema on start; a job is queued with no worker, then made overdue
    const boss = new PgBoss({ connectionString: database.ownerUrl, schema: 'pgboss', max: 2 });
    boss.on('error', () => {});
    await boss.start();
    try {
      await boss.createQueue('health-probe');
      await boss.send('health-probe', {});
    } finally {
      await boss.stop({ graceful: false });
    }
    const waiting = await app.inject({ url: '/health/ready' });
    expect(waiting.json().checks.jobs.status).toBe('ok');
    expect(waiting.json().checks.jobs.lagSeconds).toBeLessThanOrEqual(JOB_LAG_LIMIT_SECONDS);

    await sql`update pgboss.job set start_after = now() - make_interval(secs => ${JOB_LAG_LIMIT_SECONDS + 60})`.execute(
      database.owner,
    );
    const behind = await app.inject({ url: '/health/ready' });
    expect(behind.statusCode).toBe(200);
    expect(behind.json()).toMatchObject({ status: 'degraded', checks: { jobs: { status: 'behind' } } });
    expect(behind.json().checks.jobs.lagSeconds).toBeGreaterThan(JOB_LAG_LIMIT_SECONDS);
  });

  test('last job run is reported', async () => {
    await registerRunner();
    await database.owner
      .insertInto('job_run')
      .values({ job: 'herinneringen', started_at: new Date('2026-12-07T06:00:00Z'), outcome: 'done' })
      .execute();
    const response = await app.inject({ url: '/health/ready' });
    expect(response.json().checks.jobs.lastRunAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  test('down (503) when the database is unreachable', async () => {
    const gone = createDatabase('postgres://nobody:x@127.0.0.1:1/none', { log: { error: () => {} } });
    const offline = await createTestApp(gone);
    const response = await offline.inject({ url: '/health/ready' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ status: 'down', checks: { database: 'unreachable' } });
    await gone.destroy();
  });

  test('down (503) when a migration is pending', async () => {
    const applied = await database.owner
      .selectFrom('kysely_migration' as never)
      .selectAll()
      .execute();
    await database.owner.deleteFrom('kysely_migration' as never).execute();
    try {
      const response = await app.inject({ url: '/health/ready' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({
        status: 'down',
        checks: { migrations: 'pending' },
        pendingMigrations: expect.any(Array),
      });
    } finally {
      await database.owner
        .insertInto('kysely_migration' as never)
        .values(applied as never)
        .execute();
    }
  });
});
