import { z } from 'zod';

export const liveness = z.object({ status: z.literal('ok') }).meta({ id: 'Liveness' });

export const readiness = z
  .object({
    status: z.enum(['ready', 'unavailable']),
    checks: z.object({
      database: z.enum(['ok', 'unreachable']),
      migrations: z.enum(['current', 'pending', 'unknown']),
    }),
    pendingMigrations: z.array(z.string()).optional(),
  })
  .meta({ id: 'Readiness' });

export type Readiness = z.infer<typeof readiness>;
