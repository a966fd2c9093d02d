import type { ReportTable } from '../../../../contract/reports.ts';
import {
  type SatisfactionFigures,
  type SatisfactionScore,
  tooFewAnswersText,
} from '../../../../domain/satisfaction-figures.ts';
import { cell, table } from './report-table.ts';

// Customer satisfaction (the policy's title; docs/measures.md "Tevredenheid"): how often each score 1–5 was
// given for the handling and for the outcome — withheld below the minimum number of answers (decision 050).

const countOf = (value: SatisfactionScore, score: number) =>
  value.shown ? (value.distribution[score - 1] ?? 0) : tooFewAnswersText(value.answers);

export function satisfactionTable(satisfaction: SatisfactionFigures): ReportTable {
  return table(
    'satisfaction',
    'Tevredenheid: verdeling van de scores',
    [
      { key: 'handling', label: 'Behandeling', kind: 'count' },
      { key: 'outcome', label: 'Uitkomst', kind: 'count' },
    ],
    [1, 2, 3, 4, 5].map((score) => ({
      key: String(score),
      label: `Score ${score}`,
      kind: null,
      cells: [cell(countOf(satisfaction.handling, score)), cell(countOf(satisfaction.outcome, score))],
    })),
  );
}
