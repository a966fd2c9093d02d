import { sql } from 'kysely';
import type { EmailMode, NotificationTopic, StaffNotificationLocale } from '../../../domain/index.ts';
import type { Scoped } from '../../db/tenant-scope.ts';

// Issue 22: each person's e-mail choices for their notifications (migration 072).

export async function findPreferenceRows(trx: Scoped, userIds: readonly string[]) {
  if (userIds.length === 0) return { settings: [], topics: [] };
  const settings = await trx
    .selectFrom('notification_setting')
    .select(['user_id', 'email_mode', 'locale'])
    .where('user_id', 'in', [...userIds])
    .execute();
  const topics = await trx
    .selectFrom('notification_topic_setting')
    .select(['user_id', 'topic', 'email_mode'])
    .where('user_id', 'in', [...userIds])
    .execute();
  return { settings, topics };
}

export async function savePreferences(
  trx: Scoped,
  organizationId: string,
  userId: string,
  values: {
    overall: EmailMode | null;
    locale: StaffNotificationLocale;
    byTopic: Partial<Record<NotificationTopic, EmailMode>>;
  },
) {
  await trx
    .insertInto('notification_setting')
    .values({
      organization_id: organizationId,
      user_id: userId,
      email_mode: values.overall,
      locale: values.locale,
    })
    .onConflict((oc) =>
      oc
        .column('user_id')
        .doUpdateSet({ email_mode: values.overall, locale: values.locale, updated_at: sql`now()` }),
    )
    .execute();
  await trx.deleteFrom('notification_topic_setting').where('user_id', '=', userId).execute();
  const topics = Object.entries(values.byTopic).filter(([, mode]) => mode !== undefined);
  if (topics.length > 0)
    await trx
      .insertInto('notification_topic_setting')
      .values(
        topics.map(([topic, mode]) => ({
          organization_id: organizationId,
          user_id: userId,
          topic,
          email_mode: mode as EmailMode,
        })),
      )
      .execute();
}

/** The members of a department and its manager: who picks up its unassigned queue (policy 1.3, 2.1). */
export async function listActiveDepartmentMemberIds(
  trx: Scoped,
  organizationId: string,
  departmentId: string,
) {
  const rows = await trx
    .selectFrom('staff_user')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('active', '=', true)
    .where((eb) =>
      eb.or([
        eb('department_id', '=', departmentId),
        eb(
          'id',
          'in',
          eb
            .selectFrom('department')
            .select('manager_user_id')
            .where('id', '=', departmentId)
            .where('manager_user_id', 'is not', null),
        ),
      ]),
    )
    .execute();
  return rows.map((r) => r.id);
}
