import { z } from 'zod';
import { bilingual } from './reference-data.ts';

/** The kinds of entry in the sign-in and account audit log (issue 22: the admin filters on them). */
export const AUTH_EVENT_TYPES = [
  'login_succeeded',
  'login_failed',
  'login_blocked',
  'locked_out',
  'second_factor_failed',
  'second_factor_locked_out',
  'second_factor_blocked',
  'logout',
  'logout_everywhere',
  'password_changed',
  'second_factor_enabled',
  'second_factor_disabled',
  'user_created',
  'user_updated',
  'roles_changed',
  'user_deactivated',
  'user_reactivated',
  'token_created',
  'token_revoked',
  'token_used',
  'setup_completed',
  'sso_login',
  'sso_linked',
  'sso_provisioned',
  'sso_refused',
  'sso_unlinked',
  'sso_settings_changed',
  // issue 22: an administrator's actions on outgoing traffic
  'outbox_retried',
  'webhook_created',
  'webhook_changed',
  'webhook_redelivered',
  // issue 24: an administrator opts in to or out of the anonymised sector benchmark
  'sector_benchmark_changed',
] as const;

export type AuthEventType = (typeof AUTH_EVENT_TYPES)[number];

export const authEvent = z
  .object({
    id: z.number().int(),
    occurredAt: z.iso.datetime(),
    type: z.enum(AUTH_EVENT_TYPES),
    actorUserId: z.uuid().nullable(),
    actorName: z.string().nullable(),
    subjectUserId: z.uuid().nullable(),
    subjectName: z.string().nullable(),
    apiTokenId: z.uuid().nullable(),
    apiTokenName: z.string().nullable(),
    email: z.string().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuthEvent' });

export const authEventQuery = z
  .object({
    type: z.enum(AUTH_EVENT_TYPES).optional(),
    userId: z.uuid().optional().describe('Events by or about this staff member'),
    from: z.iso.date().optional().describe('First day (Dutch time) of the period, inclusive'),
    until: z.iso.date().optional().describe('Last day (Dutch time) of the period, inclusive'),
    before: z.coerce
      .number()
      .int()
      .positive()
      .optional()
      .describe('Cursor: the id of the last event of the previous page'),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .refine((q) => q.from === undefined || q.until === undefined || q.from <= q.until, {
    path: ['until'],
    ...bilingual(
      'Kies een einddatum op of na de begindatum.',
      'Choose an end date on or after the start date.',
    ),
  });

export const authEventPage = z
  .object({ items: z.array(authEvent), nextBefore: z.number().int().nullable() })
  .meta({ id: 'AuthEventPage' });

export type AuthEvent = z.infer<typeof authEvent>;
