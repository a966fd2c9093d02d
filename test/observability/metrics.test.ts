import { readFileSync } from 'node:fs';
import { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serverNow } from '../../src/server/clock.ts';
import { startMetricsListener } from '../../src/server/observability/metrics.routes.ts';
import { createMetrics, type Metrics } from '../../src/server/observability/metrics.ts';
import { submitComplaint } from '../portal/portal-support.ts';
import { createTestApp } from '../support/app.ts';
import { createComplaintWorld, register } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganization } from '../support/factories.ts';
import { signInAs } from '../support/sessions.ts';
import { createStaffUser } from '../support/staff-factories.ts';

// Issue 25 (decision 046): after traffic, /metrics has every series with values that match what happened.

const TOKEN = 'metrics-token-for-the-test-0123456789';
const database = await createTestDatabase();
const silent = { warn: () => undefined };
const metrics: Metrics = createMetrics({
  db: database.app,
  owner: database.owner,
  now: serverNow,
  log: silent,
});
const app = await createTestApp(database.app, {
  metrics: { metrics, token: TOKEN },
  portal: { submissionsPerIpPerHour: 1000, submissionsPerHour: 10_000, minimumFillSeconds: 0 },
});
const world = await createComplaintWorld(database.owner, app);
const quiet = await createOrganization(database.owner);

type Sample = { name: string; labels: Record<string, string>; value: number };

/** Prometheus' text format: `name{label="value",…} number` per line; comments and HELP/TYPE skipped. */
function parseMetrics(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const label of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g))
      labels[label[1] as string] = label[2] as string;
    samples.push({ name: match[1] as string, labels, value: Number(match[3]) });
  }
  return samples;
}

function sampleValue(
  samples: Sample[],
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  return samples.find(
    (s) => s.name === name && Object.entries(labels).every(([key, value]) => s.labels[key] === value),
  )?.value;
}

async function scrape(token = TOKEN) {
  const response = await app.inject({
    method: 'GET',
    url: '/metrics',
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.statusCode, response.body).toBe(200);
  return { text: response.body, samples: parseMetrics(response.body) };
}

let boss: PgBoss;
const statusToken = 'A'.repeat(43);

beforeAll(async () => {
  // pg-boss queues: two jobs waiting in one, one failed for good in another
  boss = new PgBoss({ connectionString: database.ownerUrl, schema: 'pgboss', max: 2 });
  boss.on('error', () => undefined);
  await boss.start();
  await boss.createQueue('metrics-waiting');
  await boss.createQueue('metrics-failing', { retryLimit: 0 });
  await boss.send('metrics-waiting', {});
  await boss.send('metrics-waiting', {});
  await boss.send('metrics-failing', {});
  const [job] = await boss.fetch('metrics-failing');
  await boss.fail('metrics-failing', job?.id as string);
  await boss.stop({ graceful: false });
}, 60_000);

describe('/metrics', () => {
  test('refuses a scrape without the token (401 problem) and a wrong token', async () => {
    const without = await app.inject({ method: 'GET', url: '/metrics' });
    expect(without.statusCode).toBe(401);
    expect(without.headers['content-type']).toContain('application/problem+json');
    expect(without.headers['www-authenticate']).toContain('Bearer');
    const wrong = await app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${TOKEN}x` },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).not.toContain('gehoord_');
  });

  test('after traffic every series is there with the values of what happened', async () => {
    // Staff requests
    const eva = world.as.eva;
    for (let i = 0; i < 3; i++) expect((await eva.request({ url: '/api/complaints' })).statusCode).toBe(200);
    // A registration whose complainant has an e-mail address queues the acknowledgement (one outbox message)
    const complainant = await database.owner
      .insertInto('person')
      .values({
        organization_id: world.organization.id,
        name: 'Sanne Metriek',
        email: 'sanne.metriek@example.org',
        relation: 'tenant',
        unit_id: world.unit.id,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    // A webhook endpoint nobody delivers to in this test: its deliveries stay pending
    const adminUser = await createStaffUser(database.owner, world.organization.id, {
      roles: ['employee', 'admin'],
    });
    const admin = await signInAs(app, adminUser.email);
    const endpoint = await admin.request({
      method: 'POST',
      url: '/api/admin/webhooks',
      payload: {
        name: 'CRM',
        url: 'http://127.0.0.1:9/hook',
        eventTypes: ['complaint.registered'],
        allowPrivateNetwork: true,
      },
    });
    expect(endpoint.statusCode, endpoint.body).toBe(201);
    const late = await register(eva, {
      channel: 'phone',
      complainantId: complainant.id,
      description: 'Metriekcontrole: de voordeur klemt.',
    });
    await register(eva, { channel: 'phone', complainantId: world.tenant.id, description: 'Op tijd.' });
    // The first complaint's term has passed by the server clock; the second's runs
    await database.owner
      .updateTable('complaint')
      .set({ due_at: new Date(serverNow().getTime() - 60 * 60 * 1000) })
      .where('id', '=', late.id)
      .execute();
    // A complaint through the public portal (its complainant gives no e-mail address: no second mail queued)
    const portal = await submitComplaint(app, { email: '', preferredContact: 'phone' });
    // A public status page: its address holds a secret the metrics must never show
    await app.inject({ method: 'GET', url: `/klacht/status/${statusToken}` });
    await app.inject({ method: 'GET', url: `/klacht/status/${portal.token}` });
    await app.inject({ method: 'GET', url: '/does-not-exist?q=Jannie' });

    const { text, samples } = await scrape();

    // HTTP: per method, route template and status class; never a raw address
    const listed = sampleValue(samples, 'gehoord_http_request_duration_seconds_count', {
      method: 'GET',
      route: '/api/complaints',
      status_class: '2xx',
    });
    expect(listed).toBeGreaterThanOrEqual(3);
    expect(
      sampleValue(samples, 'gehoord_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/api/complaints',
        status_class: '2xx',
      }),
    ).toBe(2);
    expect(
      sampleValue(samples, 'gehoord_http_request_duration_seconds_bucket', {
        route: '/api/complaints',
        method: 'GET',
        le: '+Inf',
      }),
    ).toBe(listed);
    expect(
      sampleValue(samples, 'gehoord_http_request_duration_seconds_count', {
        route: 'unmatched',
        status_class: '4xx',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(samples.some((s) => s.labels.route === '/klacht/status/:token')).toBe(true);
    expect(
      sampleValue(samples, 'gehoord_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/klacht',
        status_class: '3xx',
      }),
    ).toBe(1);
    expect(text).not.toContain(statusToken);
    expect(text).not.toContain(portal.token);
    expect(text).not.toContain('Jannie');
    expect(text).not.toContain('sanne.metriek');

    // The application pool (4 connections in the tests)
    expect(sampleValue(samples, 'gehoord_db_pool_connections', { pool: 'app', state: 'max' })).toBe(4);
    expect(
      sampleValue(samples, 'gehoord_db_pool_connections', { pool: 'app', state: 'total' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sampleValue(samples, 'gehoord_db_pool_connections', { pool: 'app', state: 'idle' }),
    ).toBeGreaterThanOrEqual(0);
    expect(sampleValue(samples, 'gehoord_db_pool_connections', { pool: 'app', state: 'waiting' })).toBe(0);

    // Job queues
    expect(sampleValue(samples, 'gehoord_job_queue_waiting', { queue: 'metrics-waiting' })).toBe(2);
    const lag = sampleValue(samples, 'gehoord_job_queue_lag_seconds', { queue: 'metrics-waiting' }) ?? -1;
    expect(lag).toBeGreaterThanOrEqual(0);
    expect(lag).toBeLessThan(600);
    expect(sampleValue(samples, 'gehoord_job_queue_failed', { queue: 'metrics-failing' })).toBe(1);
    expect(sampleValue(samples, 'gehoord_job_queue_failed', { queue: 'metrics-waiting' })).toBe(0);

    // Outbox and webhooks: exactly what is queued, per status (the registrations queued mail and deliveries)
    const backlog = async (table: 'outbox_message' | 'webhook_delivery') => {
      const rows = await database.owner
        .selectFrom(table)
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('status')
        .execute();
      return Object.fromEntries(rows.map((row) => [row.status, row.n]));
    };
    const outbox = await backlog('outbox_message');
    expect(outbox.pending).toBeGreaterThanOrEqual(1);
    for (const status of ['pending', 'sending', 'failed', 'to_post'])
      expect(sampleValue(samples, 'gehoord_outbox_messages', { status }), status).toBe(outbox[status] ?? 0);
    const outboxAge = sampleValue(samples, 'gehoord_outbox_oldest_age_seconds', { status: 'pending' }) ?? -1;
    expect(outboxAge).toBeGreaterThanOrEqual(0);
    expect(outboxAge).toBeLessThan(600);
    const webhooks = await backlog('webhook_delivery');
    // Both staff registrations (and the portal's, when it is published as registered) wait for the endpoint
    expect(webhooks.pending).toBeGreaterThanOrEqual(2);
    for (const status of ['pending', 'failed', 'withheld'])
      expect(sampleValue(samples, 'gehoord_webhook_deliveries', { status }), status).toBe(
        webhooks[status] ?? 0,
      );

    // Past their term: the one made late, per organisation slug; the quiet organisation reports 0
    expect(
      sampleValue(samples, 'gehoord_complaints_past_term', { organization: world.organization.slug }),
    ).toBe(1);
    expect(sampleValue(samples, 'gehoord_complaints_past_term', { organization: quiet.slug })).toBe(0);

    // The default process metrics
    expect(sampleValue(samples, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(sampleValue(samples, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    expect(sampleValue(samples, 'gehoord_metrics_refresh_errors_total')).toBe(0);
  });

  test('database figures are read once per cache period, however often Prometheus scrapes', async () => {
    const before = sampleValue((await scrape()).samples, 'gehoord_outbox_messages', { status: 'pending' });
    await database.owner
      .updateTable('outbox_message')
      .set({ status: 'failed' })
      .where('status', '=', 'pending')
      .execute();
    const after = (await scrape()).samples;
    // Still the cached figure; its age says how old it is
    expect(sampleValue(after, 'gehoord_outbox_messages', { status: 'pending' })).toBe(before);
    expect(sampleValue(after, 'gehoord_metrics_figures_age_seconds')).toBeGreaterThanOrEqual(0);
    // A fresh collector (no cache) sees the failure
    const fresh = createMetrics({
      db: database.app,
      owner: database.owner,
      now: serverNow,
      log: silent,
      cacheSeconds: 0,
    });
    const samples = parseMetrics(await fresh.registry.metrics());
    expect(sampleValue(samples, 'gehoord_outbox_messages', { status: 'failed' })).toBe(before);
    expect(sampleValue(samples, 'gehoord_outbox_messages', { status: 'pending' })).toBe(0);
  });

  test('without a token there is no /metrics (404); the internal port serves it without one', async () => {
    const untokened = await createTestApp(database.app, { metrics: { metrics, token: null } });
    expect((await untokened.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
    const off = await createTestApp(database.app);
    expect(
      (await off.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } }))
        .statusCode,
    ).toBe(404);

    const listener = await startMetricsListener(metrics, { port: 0, host: '127.0.0.1' });
    afterAll(() => listener.close());
    const scraped = await fetch(`http://127.0.0.1:${listener.port}/metrics`);
    expect(scraped.status).toBe(200);
    expect(scraped.headers.get('content-type')).toContain('text/plain');
    expect(
      sampleValue(parseMetrics(await scraped.text()), 'gehoord_job_queue_waiting', {
        queue: 'metrics-waiting',
      }),
    ).toBe(2);
    expect((await fetch(`http://127.0.0.1:${listener.port}/`)).status).toBe(404);
  });

  test('the Grafana dashboard asks only for series Gehoord reports, through its data-source variable', () => {
    const dashboard = JSON.parse(readFileSync('docs/operations/grafana-gehoord.json', 'utf8'));
    const reported = new Set(metrics.registry.getMetricsAsArray().map((metric) => metric.name));
    const panels = dashboard.panels.filter((panel: { type: string }) => panel.type !== 'row');
    expect(panels.length).toBeGreaterThan(10);
    const asked = new Set<string>();
    for (const panel of panels) {
      expect(panel.datasource.uid).toBe(['$', '{datasource}'].join(''));
      for (const target of panel.targets)
        for (const [name] of String(target.expr).matchAll(/\b(?:gehoord|process|nodejs)_[a-z0-9_]+/g))
          asked.add(name.replace(/_(bucket|count|sum)$/, ''));
    }
    for (const name of asked) expect(reported, name).toContain(name);
    // Every Gehoord series has a panel
    for (const name of reported) if (name.startsWith('gehoord_')) expect(asked, name).toContain(name);
  });
});
