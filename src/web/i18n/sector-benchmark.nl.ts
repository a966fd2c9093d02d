import type { SectorMeasure } from '../../domain/sector-benchmark.ts';

/** Issue 24: the anonymised sector benchmark on the dashboard and the administrator's opt-in. */
export const sectorBenchmarkNl = {
  title: (period: string) => `Vergelijking met de sector, ${period}`,
  intro:
    'Uw eigen cijfers naast die van de andere deelnemende corporaties: de mediaan en het kwartielbereik (P25–P75). Geen corporatie wordt genoemd of is herkenbaar.',
  invitationTitle: 'Doe mee aan de sectorvergelijking',
  invitation:
    'Zie hoe uw corporatie het doet naast andere corporaties: op tijd beantwoord, klachten per 1.000 woningen, verwijzingen naar de klachtencommissie, tevredenheid en herhaalde klachten. Alleen corporaties die meedoen tellen mee en niemand wordt genoemd. Een beheerder zet deelname aan bij Beheer → Organisatie.',
  measure: 'Maatstaf',
  own: 'Eigen cijfer',
  p25: 'P25',
  median: 'Mediaan sector',
  p75: 'P75',
  noOwnValue: 'geen gegevens',
  withheld: (minimum: number) =>
    `Niet getoond: minder dan ${minimum} deelnemende corporaties hebben een cijfer, dan zou een corporatie herkenbaar kunnen zijn.`,
  pending: 'Nog niet berekend; de sectorcijfers worden elk uur bijgewerkt.',
  corporations: (n: number) => `${n} corporaties`,
  computedAt: (at: string) => `Sectorcijfers berekend op ${at}.`,
  measures: {
    on_time_share: 'Op tijd beantwoord (geldende termijn)',
    per_thousand_units: 'Klachten per 1.000 woningen',
    committee_per_thousand_units: 'Naar de klachtencommissie per 1.000 woningen',
    satisfaction_handling: 'Tevredenheid over de behandeling (1–5)',
    repeat_share: 'Herhaalde klachten (aandeel)',
  } satisfies Record<SectorMeasure, string>,
  settingTitle: 'Sectorvergelijking',
  settingIntro:
    'Doet uw corporatie mee, dan tellen haar cijfers per kwartaal anoniem mee in de sectorvergelijking en ziet het MT de eigen cijfers naast de mediaan en kwartielen van de deelnemers. Er gaan geen klachten of namen naar andere corporaties; een sectorcijfer van minder dan vijf corporaties wordt niet getoond. Wijzigingen komen in het auditlog en tellen mee vanaf de volgende berekening (elk uur).',
  settingLabel: 'Meedoen aan de anonieme sectorvergelijking',
  saved: 'De keuze is opgeslagen.',
};

export type SectorBenchmarkMessages = typeof sectorBenchmarkNl;
