import type { Placeholder } from './placeholders.ts';

const COMMON = ['organizationName', 'recipientName', 'reference'] as const satisfies readonly Placeholder[];
const COMPOSER = [
  ...COMMON,
  'receivedDate',
  'handlerName',
  'outcome',
  'compensation',
] as const satisfies readonly Placeholder[];

/**
 * The messages Gehoord sends (issue 8), with the placeholders each may use. `audience` decides the
 * register: complainant letters carry the corporation's framing, internal notices are short.
 */
export const MESSAGE_KINDS = {
  acknowledgement: {
    audience: 'complainant',
    label: { nl: 'Ontvangstbevestiging', en: 'Acknowledgement of receipt' },
    placeholders: [...COMMON, 'receivedDate', 'dueDate', 'statusLink', 'handlerName'],
  },
  acknowledgement_without_answer: {
    audience: 'complainant',
    label: {
      nl: 'Ontvangstbevestiging herhaalde klacht (geen nieuw antwoord)',
      en: 'Acknowledgement of a repeat complaint (no new answer)',
    },
    placeholders: [...COMMON, 'receivedDate', 'statusLink', 'committeeName', 'committeeContact'],
  },
  answer: {
    audience: 'complainant',
    label: { nl: 'Antwoord op de klacht', en: 'Answer to the complaint' },
    placeholders: [...COMMON, 'answerText', 'handlerName', 'statusLink', 'committeeName', 'committeeContact'],
  },
  answer_copy: {
    audience: 'staff',
    label: { nl: 'Antwoord per post (klager heeft geen e-mail)', en: 'Answer by post (no e-mail address)' },
    placeholders: [...COMMON, 'answerText', 'handlerName', 'caseLink'],
  },
  explanation: {
    audience: 'complainant',
    label: { nl: 'Uitleg: buiten de klachtenprocedure', en: 'Explanation: outside the complaints procedure' },
    placeholders: [...COMMON, 'explanationText', 'handlerName'],
  },
  referral: {
    audience: 'complainant',
    label: { nl: 'Doorverwijzing: geen klacht', en: 'Referral: not a complaint' },
    placeholders: [...COMMON, 'referralTarget', 'referralDetail'],
  },
  stand_by_decision: {
    audience: 'complainant',
    label: { nl: 'Wij blijven bij ons besluit', en: 'We stand by our decision' },
    placeholders: [...COMMON, 'answerText', 'handlerName', 'statusLink', 'committeeName', 'committeeContact'],
  },
  last_response: {
    audience: 'complainant',
    label: { nl: 'Laatste reactie in deze zaak', en: 'Last response on this matter' },
    placeholders: [...COMMON, 'answerText', 'handlerName', 'statusLink', 'committeeName', 'committeeContact'],
  },
  extension_notice: {
    audience: 'complainant',
    label: { nl: 'Uitstel van de reactietermijn', en: 'Extension of the term' },
    placeholders: [...COMMON, 'dueDate', 'extensionText'],
  },
  committee_information: {
    audience: 'complainant',
    label: {
      nl: 'Informatie over de regionale klachtencommissie',
      en: 'Regional complaints committee information',
    },
    placeholders: [...COMMON, 'committeeName', 'committeeContact'],
  },
  satisfaction_request: {
    audience: 'complainant',
    label: { nl: 'Tevredenheidsvraag', en: 'Satisfaction request' },
    placeholders: [...COMMON, 'statusLink'],
  },
  progress_in_handling: {
    audience: 'complainant',
    label: { nl: 'Voortgang: uw klacht is in behandeling', en: 'Progress: your complaint is being handled' },
    placeholders: [...COMMON, 'handlerName', 'dueDate', 'statusLink'],
  },
  progress_closed: {
    audience: 'complainant',
    label: { nl: 'Voortgang: uw klacht is afgesloten', en: 'Progress: your complaint has been closed' },
    placeholders: [...COMMON, 'statusLink'],
  },
  progress_committee: {
    audience: 'complainant',
    label: {
      nl: 'Voortgang: uw klacht ligt bij de klachtencommissie',
      en: 'Progress: your complaint is with the complaints committee',
    },
    placeholders: [...COMMON, 'statusLink'],
  },
  progress_withdrawn: {
    audience: 'complainant',
    label: { nl: 'Voortgang: uw klacht is ingetrokken', en: 'Progress: your complaint has been withdrawn' },
    placeholders: [...COMMON],
  },
  progress_reopened: {
    audience: 'complainant',
    label: {
      nl: 'Voortgang: wij behandelen uw klacht opnieuw',
      en: 'Progress: we are handling your complaint again',
    },
    placeholders: [...COMMON, 'statusLink'],
  },
  assignment: {
    audience: 'staff',
    label: { nl: 'Klacht aan u toegewezen', en: 'Complaint assigned to you' },
    placeholders: [...COMMON, 'dueDate', 'caseLink'],
  },
  approval_requested: {
    audience: 'staff',
    label: { nl: 'Akkoord gevraagd', en: 'Approval requested' },
    placeholders: [...COMMON, 'handlerName', 'caseLink'],
  },
  due_soon: {
    audience: 'staff',
    label: { nl: 'Termijn loopt bijna af', en: 'Term due soon' },
    placeholders: [...COMMON, 'dueDate', 'caseLink'],
  },
  overdue: {
    audience: 'staff',
    label: { nl: 'Termijn verstreken', en: 'Term overdue' },
    placeholders: [...COMMON, 'dueDate', 'caseLink'],
  },
  // Issue 22: the officer's standard texts, the middle of an answer (no salutation, no sign-off: the
  // answer's own template has those). `subject` is the name the composer's picker shows.
  answer_text: {
    audience: 'composer',
    label: { nl: 'Standaardtekst antwoord: beoordeeld', en: 'Standard answer text: assessed' },
    placeholders: [...COMPOSER],
  },
  answer_text_apology: {
    audience: 'composer',
    label: {
      nl: 'Standaardtekst antwoord: excuses en vergoeding',
      en: 'Standard answer text: apology and compensation',
    },
    placeholders: [...COMPOSER],
  },
  board_notice: {
    audience: 'staff',
    label: {
      nl: 'Melding aan de directie: vermoeden van een strafbaar feit',
      en: 'Board notice: suspected criminal offence',
    },
    placeholders: [...COMMON, 'caseLink'],
  },
} as const satisfies Record<
  string,
  {
    audience: 'complainant' | 'staff' | 'composer';
    label: { nl: string; en: string };
    placeholders: readonly Placeholder[];
  }
>;

export type MessageKind = keyof typeof MESSAGE_KINDS;
/** The messages whose reader is the complainant: these exist in every tenant language (issue 21). */
export type ComplainantKind = {
  [K in MessageKind]: (typeof MESSAGE_KINDS)[K]['audience'] extends 'complainant' ? K : never;
}[MessageKind];
/** The languages an admin can write their own template in (the complainant's may be any tenant language). */
export type Locale = 'nl' | 'en';
export const LOCALES: readonly Locale[] = ['nl', 'en'];

export type ValuesFor<K extends MessageKind> = Record<
  (typeof MESSAGE_KINDS)[K]['placeholders'][number],
  string
>;

/** The standard texts an officer starts an answer from (issue 22). */
export type ComposerKind = {
  [K in MessageKind]: (typeof MESSAGE_KINDS)[K]['audience'] extends 'composer' ? K : never;
}[MessageKind];

export const COMPOSER_KINDS = (Object.keys(MESSAGE_KINDS) as MessageKind[]).filter(
  (kind) => MESSAGE_KINDS[kind].audience === 'composer',
) as ComposerKind[];

export function isMessageKind(value: string): value is MessageKind {
  return Object.hasOwn(MESSAGE_KINDS, value);
}
