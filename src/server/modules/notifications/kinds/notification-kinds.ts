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
  assigned: { nl: 'Klacht aan u toegewezen', en: 'Complaint assigned to you' },
  reassigned_away: {
    nl: 'Klacht overgedragen aan een andere behandelaar',
    en: 'Complaint handed to another handler',
  },
  approval_requested: { nl: 'Uw akkoord is gevraagd', en: 'Your approval is requested' },
  approval_given: { nl: 'Akkoord gegeven', en: 'Approval given' },
  approval_refused: { nl: 'Akkoord geweigerd', en: 'Approval refused' },
  complainant_message: { nl: 'Nieuw bericht van de klager', en: 'New message from the complainant' },
  new_in_queue: {
    nl: 'Nieuwe klacht in de onverdeelde wachtrij',
    en: 'New complaint in the unassigned queue',
  },
  // issue 26 (decision 051): an adjustment the complainant asked for was not followed
  adjustment_emailed_despite_preference: {
    nl: 'Aanpassing niet gevolgd: e-mail aan een klager die om een ander kanaal vroeg',
    en: 'Adjustment not followed: e-mail to a complainant who asked for another channel',
  },
  adjustment_call_back_missing: {
    nl: 'Aanpassing niet gevolgd: nog niet teruggebeld en de termijn loopt bijna af',
    en: 'Adjustment not followed: not called back yet and the term nearly ends',
  },
  // decision 053: a complainant who asked to be phoned would have had a message: call them back
  call_back_due: {
    nl: 'Bel de klager terug (zie de volgende stappen van de klacht)',
    en: "Call the complainant back (see the complaint's next steps)",
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

/** The outbox view of the administrators (issue 22: the notification of a failed mail links there). */
export const OUTBOX_PATH = '/beheer/uitgaand';

/** Where a notification leads in the staff application; every notification links to a page that exists. */
export function notificationPath(kind: string, complaintId: string | null): string | null {
  if (kind === 'message_failed') return OUTBOX_PATH;
  if (complaintId !== null) return `/klachten/${complaintId}`;
  if (kind === 'improvement_action_overdue') return '/verbeteracties';
  return null;
}
