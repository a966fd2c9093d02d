import { AUTH_EVENT_TYPES } from '../../../contract/audit.ts';
import type { Scoped } from '../../db/tenant-scope.ts';

export { AUTH_EVENT_TYPES };
export type AuthEventType = (typeof AUTH_EVENT_TYPES)[number];

export type AuthEventInput = {
  organizationId: string;
  type: AuthEventType;
  actorUserId?: string | null;
  subjectUserId?: string | null;
  apiTokenId?: string | null;
  email?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  details?: Record<string, unknown>;
};

/** Who did what, when and from where — for admins (Staff identity: audit). Never passwords or codes. */
export async function recordAuthEvent(trx: Scoped, event: AuthEventInput): Promise<void> {
  await trx
    .insertInto('auth_event')
    .values({
      organization_id: event.organizationId,
      type: event.type,
      actor_user_id: event.actorUserId ?? null,
      subject_user_id: event.subjectUserId ?? null,
      api_token_id: event.apiTokenId ?? null,
      email: event.email ?? null,
      ip: event.ip ?? null,
      user_agent: event.userAgent?.slice(0, 400) ?? null,
      details: JSON.stringify(event.details ?? {}),
    })
    .execute();
}

export async function listAuthEvents(
  trx: Scoped,
  filter: {
    type?: AuthEventType;
    userId?: string;
    from?: Date;
    until?: Date;
    beforeId?: number;
    limit: number;
  },
) {
  let query = trx
    .selectFrom('auth_event as e')
    .leftJoin('staff_user as actor', 'actor.id', 'e.actor_user_id')
    .leftJoin('staff_user as subject', 'subject.id', 'e.subject_user_id')
    .leftJoin('api_token as t', 't.id', 'e.api_token_id')
    .select([
      'e.id',
      'e.occurred_at as occurredAt',
      'e.type',
      'e.actor_user_id as actorUserId',
      'actor.name as actorName',
      'e.subject_user_id as subjectUserId',
      'subject.name as subjectName',
      'e.api_token_id as apiTokenId',
      't.name as apiTokenName',
      'e.email',
      'e.ip',
      'e.user_agent as userAgent',
      'e.details',
    ])
    .orderBy('e.id', 'desc')
    .limit(filter.limit);
  if (filter.type) query = query.where('e.type', '=', filter.type);
  if (filter.userId) {
    const userId = filter.userId;
    query = query.where((eb) =>
      eb.or([eb('e.actor_user_id', '=', userId), eb('e.subject_user_id', '=', userId)]),
    );
  }
  if (filter.from) query = query.where('e.occurred_at', '>=', filter.from);
  if (filter.until) query = query.where('e.occurred_at', '<', filter.until);
  if (filter.beforeId !== undefined) query = query.where('e.id', '<', filter.beforeId);
  return query.execute();
}
