// Every value a template may use. A template naming anything else is refused when it is saved, so a
// typo never reaches a complainant as a blank. `example` fills the admin preview.
export const PLACEHOLDERS = {
  organizationName: {
    nl: 'Naam van de corporatie',
    en: 'Name of the corporation',
    example: 'Woonstichting De Maas',
  },
  recipientName: { nl: 'Naam van de ontvanger', en: 'Name of the recipient', example: 'mevrouw De Vries' },
  reference: { nl: 'Kenmerk van de klacht', en: 'Complaint reference', example: 'K-2026-00042' },
  receivedDate: { nl: 'Datum van ontvangst', en: 'Date received', example: '26 november 2026' },
  dueDate: { nl: 'Uiterste reactiedatum', en: 'Date by which we respond', example: '10 december 2026' },
  statusLink: {
    nl: 'Link om de status te volgen',
    en: 'Link to follow the status',
    example: 'https://klachten.example.nl/klacht/status/…',
  },
  answerText: {
    nl: 'Tekst van het antwoord',
    en: 'Text of the answer',
    example: 'Wij hebben de lekkage op 2 december verholpen.',
  },
  explanationText: {
    nl: 'Uitleg bij de grond',
    en: 'Explanation of the ground',
    example: 'Voor de huurverhoging is er een aparte bezwaarprocedure.',
  },
  referralTarget: { nl: 'Waarheen wij verwijzen', en: 'Where we refer to', example: 'Reparatieverzoeken' },
  referralDetail: {
    nl: 'Toelichting bij de verwijzing',
    en: 'Referral detail',
    example: 'Bel 0800-1234 of meld het in de app.',
  },
  extensionText: {
    nl: 'Toelichting bij het uitstel',
    en: 'Explanation of the extension',
    example: 'Wij wachten op het rapport van de aannemer.',
  },
  committeeName: {
    nl: 'Naam van de regionale klachtencommissie',
    en: 'Name of the regional complaints committee',
    example: 'Regionale Klachtencommissie Maasland',
  },
  committeeContact: {
    nl: 'Zo bereikt u de regionale klachtencommissie (adres, website)',
    en: 'How to reach the regional complaints committee (address, website)',
    example: 'Postbus 100, 2600 AC Delft\nhttps://www.klachtencommissie.example.nl',
  },
  handlerName: { nl: 'Naam van de behandelaar', en: 'Name of the handler', example: 'Eva Jansen' },
  outcome: {
    nl: 'Oordeel over de klacht (gegrond, deels gegrond, ongegrond)',
    en: 'Verdict on the complaint (justified, partly, not justified)',
    example: 'gegrond',
  },
  compensation: {
    nl: 'Toegezegde vergoeding (alleen als de leidinggevende akkoord gaf)',
    en: 'Promised compensation (only when the manager approved it)',
    example: '€ 150,00',
  },
  caseLink: {
    nl: 'Link naar de klacht in Gehoord',
    en: 'Link to the complaint in Gehoord',
    example: 'https://gehoord.example.nl/klachten/…',
  },
} as const;

export type Placeholder = keyof typeof PLACEHOLDERS;

export function isPlaceholder(name: string): name is Placeholder {
  return Object.hasOwn(PLACEHOLDERS, name);
}
