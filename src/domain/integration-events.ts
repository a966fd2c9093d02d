// What integrations (the corporation's CRM, policy 1.4) hear about; stable names for webhooks and the feed.
export const INTEGRATION_EVENT_TYPES = {
  'complaint.registered': 'Klacht geregistreerd',
  'complaint.triaged': 'Klacht beoordeeld (klacht, geen klacht of buiten de procedure)',
  'complaint.assigned': 'Behandelaar toegewezen',
  'complaint.contact_logged': 'Contactmoment vastgelegd',
  'complaint.answered': 'Klacht beantwoord',
  'complaint.closed': 'Klacht afgesloten',
  'complaint.repeat_linked': 'Herhaalde klacht gekoppeld',
  'complaint.committee_referral': 'Voorgelegd aan de klachtencommissie',
  'satisfaction.received': 'Tevredenheid ontvangen',
  'improvement_action.changed': 'Verbeteractie gewijzigd',
} as const;
export type IntegrationEventType = keyof typeof INTEGRATION_EVENT_TYPES;

const FROM_TIMELINE: Record<string, IntegrationEventType> = {
  registered: 'complaint.registered',
  accept_as_complaint: 'complaint.triaged',
  refer_as_not_a_complaint: 'complaint.triaged',
  decline_outside_procedure: 'complaint.triaged',
  assign_handler: 'complaint.assigned',
  contact_logged: 'complaint.contact_logged',
  answer: 'complaint.answered',
  send_explanation: 'complaint.answered',
  letter_posted: 'complaint.answered',
  close: 'complaint.closed',
  record_without_answer_duty: 'complaint.closed',
  withdraw: 'complaint.closed',
  refer_to_committee: 'complaint.committee_referral',
  satisfaction_received: 'satisfaction.received',
  satisfaction_recorded: 'satisfaction.received',
};

/** The integration event a timeline event stands for, if any (internal notes and decisions stay inside). */
export function integrationEventForTimeline(timelineType: string): IntegrationEventType | null {
  return FROM_TIMELINE[timelineType] ?? null;
}
