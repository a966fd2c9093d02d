import type { ReportTable } from '../../../../contract/reports.ts';
import {
  SECTOR_MEASURES,
  SECTOR_MINIMUM_GROUP,
  type SectorFigures,
  type SectorMeasure,
  sectorMeasureValue,
  sectorOwnTooFewAnswers,
  tooFewAnswersText,
} from '../../../../domain/index.ts';
import type { ComplaintSet } from './report-sets.ts';
import { cell, table } from './report-table.ts';

// Issue 24 (decision 040): the report's section "Vergelijking met de sector" for a corporation that opted in to
// the anonymised sector benchmark: its own figure per measure beside the stored quartiles of the participants.

export const SECTOR_MEASURE_LABELS: Record<SectorMeasure, string> = {
  on_time_share: 'Op tijd beantwoord, geldende termijn (%)',
  per_thousand_units: 'Klachten per 1.000 verhuureenheden',
  committee_per_thousand_units: 'Naar de klachtencommissie per 1.000 verhuureenheden',
  satisfaction_handling: 'Tevredenheid behandeling (gemiddeld, 1–5)',
  repeat_share: 'Herhaalde klachten (%)',
};

/** The sets the sector measures are computed from (the domain's SectorFigures). */
export const SECTOR_SETS = [
  'received',
  'answered',
  'answered_on_time_extended',
  'repeats',
  'committee_referred',
] as const satisfies readonly ComplaintSet[];

export type ScoreSums = Readonly<{ responses: number; handlingSum: number }>;

/** The satisfaction responses as the sector figures need them (the grouped query sums the same in SQL). */
export const scoreSums = (scores: readonly Readonly<{ handling: number }>[]): ScoreSums => ({
  responses: scores.length,
  handlingSum: scores.reduce((sum, s) => sum + s.handling, 0),
});

/** One organisation's sector figures from its report counts, units and satisfaction responses. */
export function sectorFiguresOf(
  counts: Record<(typeof SECTOR_SETS)[number], number>,
  units: number,
  satisfaction: ScoreSums,
): SectorFigures {
  return {
    received: counts.received,
    answered: counts.answered,
    answeredOnTime: counts.answered_on_time_extended,
    repeats: counts.repeats,
    committeeReferred: counts.committee_referred,
    units,
    satisfactionResponses: satisfaction.responses,
    satisfactionHandlingSum: satisfaction.handlingSum,
  };
}

const RATES: readonly SectorMeasure[] = ['on_time_share', 'repeat_share'];

export type StoredSectorFigure = Readonly<{
  measure: string;
  corporations: number | null;
  p25: number | null;
  p50: number | null;
  p75: number | null;
}>;

export function sectorTable(own: SectorFigures, stored: readonly StoredSectorFigure[]): ReportTable {
  const byMeasure = new Map(stored.map((row) => [row.measure, row]));
  return table(
    'sector',
    'Vergelijking met de sector (anoniem)',
    [
      { key: 'own', label: 'Eigen cijfer', kind: 'decimal' },
      { key: 'p25', label: 'Sector P25', kind: 'decimal' },
      { key: 'p50', label: 'Sector mediaan', kind: 'decimal' },
      { key: 'p75', label: 'Sector P75', kind: 'decimal' },
      { key: 'corporations', label: 'Corporaties', kind: 'count' },
      { key: 'note', label: 'Toelichting', kind: 'text' },
    ],
    SECTOR_MEASURES.map((measure) => {
      const row = byMeasure.get(measure);
      const shown = row !== undefined && row.corporations !== null;
      const note =
        row === undefined
          ? 'Nog niet berekend'
          : shown
            ? ''
            : `Niet getoond: minder dan ${SECTOR_MINIMUM_GROUP} deelnemende corporaties met een cijfer`;
      // Shares as percentages: the row mixes figures with a count and a note, so it keeps the columns' kinds
      const scale = (value: number | null) =>
        value === null ? null : RATES.includes(measure) ? value * 100 : value;
      const tooFew = sectorOwnTooFewAnswers(measure, own);
      return {
        key: measure,
        label: SECTOR_MEASURE_LABELS[measure],
        kind: null,
        cells: [
          cell(tooFew === null ? scale(sectorMeasureValue(measure, own)) : tooFewAnswersText(tooFew)),
          cell(shown ? scale(row.p25) : null),
          cell(shown ? scale(row.p50) : null),
          cell(shown ? scale(row.p75) : null),
          cell(shown ? row.corporations : null),
          cell(note),
        ],
      };
    }),
    `Het eigen cijfer naast de kwartielen van de corporaties die meedoen aan de anonieme sectorvergelijking; geen corporatie wordt genoemd. Een sectorcijfer van minder dan ${SECTOR_MINIMUM_GROUP} corporaties wordt niet getoond.`,
  );
}
