import { REMINDER_KINDS, type ReminderKind } from '../../../../domain/index.ts';

/** Notifications that are not term reminders: raised by other modules for the people who must act. */
const OTHER_KINDS: Record<string, { nl: string; en: string }> = {
  criminal_suspicion: { nl: 'Vermoeden van een strafbaar feit', en: 'Suspected criminal offence' },
  board_criminal_suspicion: { nl: 'Vermoeden van een strafbaar feit', en: 'Suspected criminal offence' },
  policy_finding_for_manager: {
    nl: 'Beleid klopt niet of ontbreekt: kies MT-agenda of zelf beslissen',
    en: 'Policy wrong or missing: choose the MT agenda or decide yourself',
  },
  webhook_disabled: {
    nl: 'Webhook uitgeschakeld na herhaalde fouten',
    en: 'Webhook switched off after repeated failures',
  },
  low_satisfaction: {
    nl: 'Lage tevredenheid: de klager is niet tevreden over de behandeling',
    en: 'Low satisfaction: the complainant is not satisfied with the handling',
  },
  message_failed: {
    nl: 'E-mail kon niet worden bezorgd (zie Beheer › Uitgaande berichten)',
    en: 'E-mail could not be delivered (see Admin › Outbox)',
  },
};

/**
 * The in-app list and the daily digest name a notification the same way; an unknown kind shows as words, never
 * as a raw code (issue 22).
 */
export function notificationTitle(kind: string): { nl: string; en: string } {
  const words = kind.replaceAll('_', ' ');
  return OTHER_KINDS[kind] ?? REMINDER_KINDS[kind as ReminderKind] ?? { nl: words, en: words };
}
