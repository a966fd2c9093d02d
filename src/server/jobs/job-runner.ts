import { PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import { serverNow } from '../clock.ts';
import { createDatabase, type Database } from '../db/database.ts';
import { registerSubscribers } from '../events/register-subscribers.ts';
import { startWebhookWorker } from '../modules/integrations/webhook-delivery.service.ts';
import { themeJobs } from '../modules/learning/themes.jobs.ts';
import { notificationJobs } from '../modules/notifications/notifications.jobs.ts';
import { privacyJobs } from '../modules/privacy/privacy.jobs.ts';
import type { PrivacyDeps } from '../modules/privacy/retention.service.ts';
import { sectorJobs } from '../modules/reports/sector.jobs.ts';
import { inSpan } from '../observability/spans.ts';
import { insertJobRun } from './job-run.repository.ts';

// Scheduled work on PostgreSQL with pg-boss (docs/decisions/008-job-runner.md): cron slots run once across
// instances, jobs retry with backoff, and what they do is idempotent so a retry or a restart repeats nothing.

export type ScheduledJob = {
  name: string;
  /** Cron in Europe/Amsterdam; the handlers themselves skip days off (working-day calendar). */
  cron: string;
  run: (owner: Database, now: Date) => Promise<unknown>;
};

/** Every module's scheduled jobs (`<module>/<module>.jobs.ts`); retention only with its file store and ledger. */
export function scheduledJobs(publicUrl: string, privacy?: PrivacyDeps): ScheduledJob[] {
  return [
    ...(privacy ? privacyJobs(privacy) : []),
    ...notificationJobs({ publicUrl }),
    ...sectorJobs(),
    ...themeJobs(),
  ];
}

export type JobRunner = {
  /** Runs a scheduled job now, outside its cron slot (for an administrator or a test). */
  trigger(name: string): Promise<void>;
  stop(): Promise<void>;
};

export async function startJobRunner(options: {
  ownerUrl: string;
  publicUrl: string;
  logger: Logger;
  jobs?: ScheduledJob[];
  /** File store and erasure ledger for the retention job; without them it is not scheduled. */
  privacy?: Omit<PrivacyDeps, 'log'>;
}): Promise<JobRunner> {
  const { logger } = options;
  // A job that changes a complaint publishes its events like a request does (decision 029)
  registerSubscribers();
  const owner = createDatabase(options.ownerUrl, {
    poolSize: 3,
    log: logger,
    applicationName: 'gehoord-jobs',
  });
  const boss = new PgBoss({
    connectionString: options.ownerUrl,
    schema: 'pgboss',
    application_name: 'gehoord-boss',
    max: 3,
  });
  boss.on('error', (error) => logger.error({ err: error }, 'job runner error'));
  await boss.start();
  const privacy = options.privacy && { ...options.privacy, log: logger };
  for (const job of options.jobs ?? scheduledJobs(options.publicUrl, privacy)) {
    await boss.createQueue(job.name, {
      retryLimit: 5,
      retryDelay: 30,
      retryBackoff: true,
      retryDelayMax: 900,
    });
    await boss.schedule(job.name, job.cron, null, { tz: 'Europe/Amsterdam' });
    await boss.work(job.name, async () => {
      const startedAt = new Date();
      try {
        // The job's business "now" is the server clock (GEHOORD_CLOCK, decision 042); the run log keeps real time
        // A span per run (decision 046): the job's SQL is traced under it when tracing is on
        const result = await inSpan(`job ${job.name}`, { 'gehoord.job': job.name }, () =>
          job.run(owner, serverNow()),
        );
        logger.info({ job: job.name, result }, 'job done');
        await insertJobRun(owner, { job: job.name, startedAt, outcome: 'done', result, error: null });
        return result;
      } catch (error) {
        // Recorded for the admin view, then rethrown so pg-boss retries it with backoff
        logger.error({ err: error, job: job.name }, 'job failed');
        await insertJobRun(owner, {
          job: job.name,
          startedAt,
          outcome: 'failed',
          result: null,
          error: String(error),
        }).catch(() => undefined);
        throw error;
      }
    });
  }
  // Webhooks go out within seconds, not on a cron slot; SKIP LOCKED lets several workers share the queue
  const webhooks = startWebhookWorker(owner, {
    publicUrl: options.publicUrl,
    onError: (error) => logger.error({ err: error }, 'webhook delivery error'),
  });
  logger.info('job runner started');
  return {
    async trigger(name: string) {
      await boss.send(name, {});
    },
    async stop() {
      await webhooks.stop();
      await boss.stop({ graceful: true, timeout: 10_000 });
      await owner.destroy();
    },
  };
}
