import { sql } from 'kysely';
import { MONITORED_STATUSES } from '../../../domain/index.ts';
import type { Scoped } from '../../db/tenant-scope.ts';

// Background work runs as the owner across organisations, so every query here names its organisation.

/** Suspended organisations are skipped (decision 047): their data is kept, nothing runs for them. */
export async function listOrganizationIds(trx: Scoped): Promise<string[]> {
  const rows = await trx.selectFrom('organization').select('id').where('suspended_at', 'is', null).execute();
  return rows.map((r) => r.id);
}

/** Complaints that may still need someone to act: running terms, waiting approvals, committee cases. */
export async function loadMonitoredComplaints(trx: Scoped, organizationId: string) {
  return trx
    .selectFrom('complaint as c')
    .select([
      'c.id',
      'c.status',
      // policy 2.6: a repeat recorded without an answer term has no due date to watch
      sql<Date | null>`case when c.has_answer_term then c.due_at end`.as('due_at'),
      'c.handler_id',
      'c.responsible_manager_id',
      'c.committee',
      'c.board_track',
      sql<string | null>`c.repeat->>'managingManagerId'`.as('managingManagerId'),
      sql<Date | null>`(
        select e.at from complaint_event e
        where e.complaint_id = c.id and e.type = 'approval_requested'
          and not exists (select 1 from complaint_event g
                          where g.complaint_id = c.id and g.type in ('approval_given', 'approval_refused')
                            and g.payload->>'subject' = e.payload->>'subject' and g.id > e.id)
        order by e.id desc limit 1)`.as('approvalRequestedAt'),
      sql<Date | null>`case when c.legal_advice is null then (
        select max(e.at) from complaint_event e
        where e.complaint_id = c.id and e.type = 'legal_advice_requested') end`.as('legalAdviceRequestedAt'),
    ])
    .where('c.organization_id', '=', organizationId)
    .where('c.status', 'in', [...MONITORED_STATUSES])
    .execute();
}

/** The organisation's term monitor settings (policy 2.5); null when it never changed the defaults. */
export async function findTermMonitorSettings(trx: Scoped, organizationId: string) {
  const row = await trx
    .selectFrom('term_monitor_settings')
    .select(['board_reminder_working_days as boardReminderWorkingDays', 'updated_at as updatedAt'])
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return row ?? null;
}

export async function saveTermMonitorSettings(
  trx: Scoped,
  organizationId: string,
  values: { boardReminderWorkingDays: number },
  updatedBy: string | null,
) {
  await trx
    .insertInto('term_monitor_settings')
    .values({
      organization_id: organizationId,
      board_reminder_working_days: values.boardReminderWorkingDays,
      updated_by: updatedBy,
    })
    .onConflict((oc) =>
      oc.column('organization_id').doUpdateSet({
        board_reminder_working_days: values.boardReminderWorkingDays,
        updated_by: updatedBy,
        updated_at: sql`now()`,
      }),
    )
    .execute();
}

export async function loadOpenImprovementActions(trx: Scoped, organizationId: string) {
  const rows = await trx
    .selectFrom('improvement_action')
    .select(['id', 'owner_id', 'due_on'])
    .where('organization_id', '=', organizationId)
    .where('status', 'not in', ['done', 'dropped'])
    .execute();
  return rows.map((r) => ({ id: r.id, ownerId: r.owner_id, dueOn: r.due_on, open: true }));
}

export async function listActiveUserIdsWithRole(trx: Scoped, organizationId: string, role: string) {
  const rows = await trx
    .selectFrom('staff_user')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('active', '=', true)
    .where(sql<boolean>`${role} = any(roles)`)
    .execute();
  return rows.map((r) => r.id);
}

export type NewNotification = {
  organizationId: string;
  userId: string;
  complaintId: string | null;
  kind: string;
  dedupeKey: string;
  digestedAt?: Date | null;
};

/** Inserts what is new; a notification already made (same person, same key) is skipped. Returns the new ones. */
export async function insertNotifications(trx: Scoped, notifications: NewNotification[]) {
  if (notifications.length === 0) return [];
  return trx
    .insertInto('notification')
    .values(
      notifications.map((n) => ({
        organization_id: n.organizationId,
        user_id: n.userId,
        complaint_id: n.complaintId,
        kind: n.kind,
        dedupe_key: n.dedupeKey,
        digested_at: n.digestedAt ?? null,
      })),
    )
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
    .returning(['id', 'organization_id', 'user_id', 'complaint_id', 'kind', 'dedupe_key'])
    .execute();
}

/** Board notifications not yet announced, locked so a parallel worker skips them (policy 2.5). */
export async function claimUnannouncedBoardNotifications(trx: Scoped) {
  return trx
    .selectFrom('board_notification as b')
    .innerJoin('complaint as c', 'c.id', 'b.complaint_id')
    .select(['b.id', 'b.organization_id', 'b.complaint_id', 'c.reference'])
    .where('b.notified_at', 'is', null)
    .forUpdate('b')
    .skipLocked()
    .execute();
}

export async function markBoardNotificationAnnounced(trx: Scoped, id: string, at: Date) {
  await trx.updateTable('board_notification').set({ notified_at: at }).where('id', '=', id).execute();
}

export async function findStaffContacts(trx: Scoped, userIds: string[]) {
  if (userIds.length === 0) return [];
  return trx
    .selectFrom('staff_user')
    .select(['id', 'name', 'email', 'active'])
    .where('id', 'in', userIds)
    .execute();
}

/** People with notifications not yet in a digest, with what to tell them. */
export async function listUndigested(trx: Scoped, organizationId: string) {
  return trx
    .selectFrom('notification as n')
    .innerJoin('staff_user as u', 'u.id', 'n.user_id')
    .leftJoin('complaint as c', 'c.id', 'n.complaint_id')
    .select(['n.id', 'n.user_id', 'n.kind', 'n.complaint_id', 'c.reference', 'u.email', 'u.name'])
    .where('n.organization_id', '=', organizationId)
    .where('n.digested_at', 'is', null)
    .where('u.active', '=', true)
    .orderBy('n.user_id')
    .orderBy('n.created_at')
    .execute();
}

/** Claims today's digest for one person; false when another run already sent it. */
export async function claimDigest(
  trx: Scoped,
  organizationId: string,
  userId: string,
  day: string,
  count: number,
) {
  const row = await trx
    .insertInto('notification_digest')
    .values({ organization_id: organizationId, user_id: userId, day, notification_count: count })
    .onConflict((oc) => oc.columns(['user_id', 'day']).doNothing())
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function recordDigestMessage(trx: Scoped, userId: string, day: string, outboxMessageId: string) {
  await trx
    .updateTable('notification_digest')
    .set({ outbox_message_id: outboxMessageId })
    .where('user_id', '=', userId)
    .where('day', '=', day)
    .execute();
}

export async function markDigested(trx: Scoped, ids: string[], at: Date) {
  if (ids.length === 0) return;
  await trx.updateTable('notification').set({ digested_at: at }).where('id', 'in', ids).execute();
}

// The signed-in person's own list (application role, row-level security applies).

export async function listForUser(
  trx: Scoped,
  userId: string,
  options: { unreadOnly: boolean; limit: number },
) {
  let query = trx
    .selectFrom('notification as n')
    .leftJoin('complaint as c', 'c.id', 'n.complaint_id')
    .select(['n.id', 'n.kind', 'n.complaint_id', 'c.reference', 'n.created_at', 'n.read_at'])
    .where('n.user_id', '=', userId);
  if (options.unreadOnly) query = query.where('n.read_at', 'is', null);
  return query.orderBy('n.created_at', 'desc').limit(options.limit).execute();
}

export async function countUnread(trx: Scoped, userId: string): Promise<number> {
  const row = await trx
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function markRead(trx: Scoped, userId: string, ids: string[] | 'all', at: Date) {
  let query = trx
    .updateTable('notification')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (ids !== 'all') {
    if (ids.length === 0) return 0;
    query = query.where('id', 'in', ids);
  }
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function findComplaintReferences(trx: Scoped, complaintIds: readonly string[]) {
  if (complaintIds.length === 0) return new Map<string, string>();
  const rows = await trx
    .selectFrom('complaint')
    .select(['id', 'reference'])
    .where('id', 'in', [...complaintIds])
    .execute();
  return new Map(rows.map((r) => [r.id, r.reference]));
}

/** Who asked for the complaint's latest approval (the one a manager gives or refuses now). */
export async function findApprovalRequester(trx: Scoped, complaintId: string): Promise<string | null> {
  const row = await trx
    .selectFrom('complaint_event')
    .select('actor_user_id')
    .where('complaint_id', '=', complaintId)
    .where('type', '=', 'approval_requested')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.actor_user_id ?? null;
}
