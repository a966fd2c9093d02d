import type { ReportTable } from '../../../../contract/reports.ts';
import type { SatisfactionSummary } from '../../../../domain/report-measures.ts';
import { cell, table } from './report-table.ts';

// Customer satisfaction (the policy's title; docs/measures.md "Tevredenheid"): how often each score 1–5 was
// given for the handling and for the outcome.

export function satisfactionTable(satisfaction: SatisfactionSummary): ReportTable {
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
      cells: [
        cell(satisfaction.handlingDistribution[score - 1] ?? 0),
        cell(satisfaction.outcomeDistribution[score - 1] ?? 0),
      ],
    })),
  );
}
