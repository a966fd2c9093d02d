import { performance } from 'node:perf_hooks';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { type Database, poolUse } from '../db/database.ts';
import {
  type BacklogFigures,
  jobQueueFigures,
  outboxFigures,
  type PastTermFigures,
  pastTermFigures,
  type QueueFigures,
  webhookFigures,
} from './metrics.repository.ts';

// Prometheus metrics (issue 25, decision 046). Only made when METRICS_TOKEN or METRICS_PORT is set: without
// them nothing is collected. Request figures are counted as requests end; the database figures are read at
// scrape time, all four statements together at most once per `cacheSeconds` however often Prometheus (or
// several Prometheus servers) scrape, so a scrape costs the national set four small index scans a minute.
// Labels are route templates, statuses, queue names and organisation slugs — never an address or a person.

export type Metrics = {
  readonly registry: Registry;
  /** One finished HTTP request: the route template (never the raw URL), its method and status. */
  observeRequest(method: string, route: string, statusCode: number, seconds: number): void;
};

export type MetricsOptions = {
  /** The application pool, whose connections are reported. */
  db: Database;
  /** Owner connection: the figures count across organisations (row-level security keeps the app role out). */
  owner: Database;
  /** The business clock (GEHOORD_CLOCK, decision 042): "past the term" is judged against it. */
  now: () => Date;
  log: { warn(object: object, message: string): void };
  /** How long database figures are reused; default 60 s. */
  cacheSeconds?: number;
};

type Figures = {
  queues: QueueFigures[];
  outbox: BacklogFigures[];
  webhooks: BacklogFigures[];
  pastTerm: PastTermFigures[];
};

export const HTTP_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics(options: MetricsOptions): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const cacheMs = (options.cacheSeconds ?? 60) * 1000;

  const refreshErrors = new Counter({
    name: 'gehoord_metrics_refresh_errors_total',
    help: 'Failed reads of the database figures (the previous figures are reported meanwhile)',
    registers: [registry],
  });
  let snapshot: { at: number; figures: Figures } | null = null;
  let loading: Promise<Figures | null> | null = null;
  const load = async (): Promise<Figures | null> => {
    try {
      const [queues, outbox, webhooks, pastTerm] = await Promise.all([
        jobQueueFigures(options.owner),
        outboxFigures(options.owner),
        webhookFigures(options.owner),
        pastTermFigures(options.owner, options.now()),
      ]);
      const figures = { queues, outbox, webhooks, pastTerm };
      snapshot = { at: performance.now(), figures };
      return figures;
    } catch (error) {
      refreshErrors.inc();
      options.log.warn({ err: error }, 'metrics: could not read the database figures');
      return snapshot?.figures ?? null;
    }
  };
  const figures = (): Promise<Figures | null> => {
    if (snapshot && performance.now() - snapshot.at < cacheMs) return Promise.resolve(snapshot.figures);
    loading ??= load().finally(() => {
      loading = null;
    });
    return loading;
  };

  const httpDuration = new Histogram({
    name: 'gehoord_http_request_duration_seconds',
    help: 'HTTP requests by method, route template and status class',
    labelNames: ['method', 'route', 'status_class'] as const,
    buckets: HTTP_DURATION_BUCKETS,
    registers: [registry],
  });

  new Gauge({
    name: 'gehoord_db_pool_connections',
    help: 'Connections of the application pool: total open, idle, callers waiting for one, and the maximum',
    labelNames: ['pool', 'state'] as const,
    registers: [registry],
    collect() {
      const use = poolUse(options.db);
      this.reset();
      if (!use) return;
      for (const state of ['total', 'idle', 'waiting', 'max'] as const)
        this.set({ pool: 'app', state }, use[state]);
    },
  });

  new Gauge({
    name: 'gehoord_metrics_figures_age_seconds',
    help: 'Age of the database figures reported (they are read at most once per cache period)',
    registers: [registry],
    async collect() {
      await figures();
      this.set(snapshot ? (performance.now() - snapshot.at) / 1000 : Number.NaN);
    },
  });

  /** A gauge filled from the cached figures at scrape time; labels that disappeared are dropped. */
  const fromFigures = <L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
    fill: (figures: Figures, set: (labels: Record<L, string>, value: number) => void) => void,
  ) =>
    new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        const current = await figures();
        this.reset();
        if (current) fill(current, (labels, value) => this.set(labels as never, value));
      },
    });

  fromFigures(
    'gehoord_job_queue_waiting',
    'Jobs due and not started, per pg-boss queue',
    ['queue'],
    (f, set) => {
      for (const q of f.queues) set({ queue: q.queue }, q.waiting);
    },
  );
  fromFigures(
    'gehoord_job_queue_lag_seconds',
    'How long the oldest due job not yet started has been waiting, per queue (0: none waiting)',
    ['queue'],
    (f, set) => {
      for (const q of f.queues) set({ queue: q.queue }, q.lagSeconds);
    },
  );
  fromFigures(
    'gehoord_job_queue_failed',
    'Jobs that failed after their retries and are still kept by pg-boss, per queue',
    ['queue'],
    (f, set) => {
      for (const q of f.queues) set({ queue: q.queue }, q.failed);
    },
  );
  const backlog = (
    prefix: string,
    what: string,
    statuses: readonly string[],
    rows: (f: Figures) => BacklogFigures[],
  ) => {
    fromFigures(`${prefix}`, `${what} not delivered, per status`, ['status'], (f, set) => {
      const found = new Map(rows(f).map((r) => [r.status, r]));
      // Every status is reported, zero included, so an alert on "failed > 0" has a series to look at
      for (const status of statuses) set({ status }, found.get(status)?.count ?? 0);
    });
    fromFigures(
      `${prefix.replace(/_(messages|deliveries)$/, '')}_oldest_age_seconds`,
      `Age of the oldest ${what.toLowerCase()} per status (0: none)`,
      ['status'],
      (f, set) => {
        const found = new Map(rows(f).map((r) => [r.status, r]));
        for (const status of statuses) set({ status }, found.get(status)?.oldestAgeSeconds ?? 0);
      },
    );
  };
  backlog(
    'gehoord_outbox_messages',
    'Outgoing e-mails',
    ['pending', 'sending', 'failed', 'to_post'],
    (f) => f.outbox,
  );
  backlog(
    'gehoord_webhook_deliveries',
    'Webhook deliveries',
    ['pending', 'failed', 'withheld'],
    (f) => f.webhooks,
  );
  fromFigures(
    'gehoord_complaints_past_term',
    'Complaints whose answer term has passed while it runs, per organisation (slug)',
    ['organization'],
    (f, set) => {
      for (const row of f.pastTerm) set({ organization: row.organization }, row.count);
    },
  );

  return {
    registry,
    observeRequest(method, route, statusCode, seconds) {
      httpDuration.observe({ method, route, status_class: `${Math.floor(statusCode / 100)}xx` }, seconds);
    },
  };
}
