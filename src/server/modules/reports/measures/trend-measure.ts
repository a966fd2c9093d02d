import type { ReportTable } from '../../../../contract/reports.ts';
import { monthsOf, rate } from '../../../../domain/report-measures.ts';
import { groupLabel } from '../document/report-labels.ts';
import type { Breakdown } from './measures.repository.ts';
import type { ReportScope } from './report-sets.ts';
import { cell, drillFor, table } from './report-table.ts';

// The monthly trend (policy 3.2): received, answered and the on-time rate per Amsterdam calendar month of
// each set's own date (docs/measures.md, "Verloop per maand").

export type MonthlyCounts = Readonly<{ received: Breakdown; answered: Breakdown; onTime: Breakdown }>;

const countIn = (rows: Breakdown, month: string) => rows.find((r) => r.key === month)?.n ?? 0;

export function trendTable(scope: ReportScope, monthly: MonthlyCounts): ReportTable {
  return table(
    'monthly',
    'Verloop per maand',
    [
      { key: 'received', label: 'Ontvangen', kind: 'count' },
      { key: 'answered', label: 'Beantwoord', kind: 'count' },
      { key: 'on_time_original_rate', label: 'Op tijd (%)', kind: 'rate' },
    ],
    monthsOf(scope.period).map((month) => {
      const answered = countIn(monthly.answered, month);
      return {
        key: month,
        label: groupLabel('month', month, null),
        kind: null,
        cells: [
          cell(
            countIn(monthly.received, month),
            drillFor(scope, 'received', { dimension: 'month', key: month }),
          ),
          cell(answered, drillFor(scope, 'answered', { dimension: 'month', key: month })),
          cell(
            rate(countIn(monthly.onTime, month), answered),
            drillFor(scope, 'answered_on_time_original', { dimension: 'month', key: month }),
          ),
        ],
      };
    }),
  );
}
