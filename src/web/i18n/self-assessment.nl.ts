/** Issue 26: the annual self-assessment screen (decision 050). */
export const selfAssessmentNl = {
  link: 'Zelfevaluatie klachtbehandeling',
  title: 'Zelfevaluatie klachtbehandeling',
  intro:
    'Eén klik toetst het jaar aan de Woningwet (art. 55b), het voorbeeldreglement voor de klachtencommissie en de Complaint Handling Code 2024 van de Britse Housing Ombudsman, met het bewijs uit Gehoord en wat ontbreekt.',
  year: 'Jaar',
  make: (year: number) => `Zelfevaluatie ${year} maken`,
  remake: (year: number) => `Zelfevaluatie ${year} opnieuw maken`,
  notMade: 'Voor dit jaar is nog geen zelfevaluatie gemaakt.',
  noAccess: 'Alleen het MT, de directie en beheerders maken en publiceren de zelfevaluatie.',
  summary: (met: number, partly: number, notMet: number, notMeasurable: number) =>
    `Voldaan: ${met} · Deels voldaan: ${partly} · Niet voldaan: ${notMet} · Niet meetbaar: ${notMeasurable}`,
  requirement: 'Eis',
  status: 'Oordeel',
  evidence: 'Bewijs uit Gehoord',
  missing: 'Wat ontbreekt',
  noEvidence: 'Gehoord heeft hier geen gegevens over.',
  source: 'Bron',
  sectionNote: 'Let op',
  publish: 'Publiceren op het klachtenportaal (voor huurders)',
  publishedAt: (when: string) => `Gepubliceerd op ${when}.`,
  notPublished: 'Niet gepubliceerd. Opnieuw maken trekt een publicatie in.',
  publicLink: 'Openbare pagina bekijken',
  pdf: 'PDF downloaden',
  made: (when: string, version: string) => `Gemaakt op ${when} met eisenlijst ${version}.`,
  statuses: {
    met: 'Voldaan',
    partly: 'Deels voldaan',
    not_met: 'Niet voldaan',
    not_measurable: 'Niet meetbaar',
  },
};
export type SelfAssessmentMessages = typeof selfAssessmentNl;
