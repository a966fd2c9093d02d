import { z } from 'zod';

export const liveness = z.object({ status: z.literal('ok') }).meta({ id: 'Liveness' });

const jobsCheck = z
  .object({
    status: z.enum(['ok', 'behind', 'not_running', 'unknown']),
    /** Live instances (web with JOBS=in-process, or `npm run worker`) that run the job runner. */
    runners: z.number().int().min(0),
    /** How long the oldest due job has been waiting for a runner; 0 when none waits. */
    lagSeconds: z.number().min(0),
    /** When the most recently started job run finished. */
    lastRunAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ReadinessJobs' });

const outboxCheck = z
  .object({
    status: z.enum(['ok', 'behind', 'failing', 'unknown']),
    /** Messages not yet sent (due now or waiting for a retry). */
    backlog: z.number().int().min(0),
    /** How long the oldest message due for delivery has waited; 0 when none is due. */
    oldestAgeSeconds: z.number().min(0),
    /** Messages whose last delivery attempt failed and that will be retried. */
    failing: z.number().int().min(0),
  })
  .meta({ id: 'ReadinessOutbox' });

/**
 * `down` (503): this instance cannot serve (database, migrations; while it shuts down every request gets 503) — take it out of the
 * pool. `degraded` (200): it serves, but scheduled jobs or outgoing mail are behind — alert, keep sending.
 */
export const readiness = z
  .object({
    status: z.enum(['ready', 'degraded', 'down']),
    checks: z.object({
      database: z.enum(['ok', 'unreachable']),
      migrations: z.enum(['current', 'pending', 'unknown']),
      jobs: jobsCheck.optional(),
      outbox: outboxCheck.optional(),
    }),
    pendingMigrations: z.array(z.string()).optional(),
  })
  .meta({ id: 'Readiness' });

export type Readiness = z.infer<typeof readiness>;
export type ReadinessJobs = z.infer<typeof jobsCheck>;
export type ReadinessOutbox = z.infer<typeof outboxCheck>;
