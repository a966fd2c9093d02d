import { DEFAULT_EMAIL_MODE, type EmailMode, type NotificationTopic } from '../../../domain/index.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization } from '../../db/tenant-scope.ts';
import type { StaffPrincipal } from '../../http/principal.ts';
import { preferencesOf } from './notification-delivery.service.ts';
import { savePreferences } from './notification-preference.repository.ts';

// Issue 22: the signed-in person's own e-mail choices for notifications (the account page).

export type PreferencesInput = {
  overall: EmailMode | null;
  byTopic: Partial<Record<NotificationTopic, EmailMode>>;
  locale: 'nl' | 'en';
};

export function getNotificationPreferences(db: Database, staff: StaffPrincipal) {
  return inOrganization(db, staff.organizationId, async (trx) => {
    const own = (await preferencesOf(trx, [staff.userId])).get(staff.userId);
    return {
      overall: own?.overall ?? null,
      byTopic: own?.byTopic ?? {},
      locale: own?.locale ?? 'nl',
      defaults: DEFAULT_EMAIL_MODE,
    };
  });
}

export async function updateNotificationPreferences(
  db: Database,
  staff: StaffPrincipal,
  input: PreferencesInput,
) {
  await inOrganization(db, staff.organizationId, (trx) =>
    savePreferences(trx, staff.organizationId, staff.userId, input),
  );
  return getNotificationPreferences(db, staff);
}
