import type { ReportTable } from '../../../../contract/reports.ts';
import { ACTION_STATUSES, toLocalDate } from '../../../../domain/index.ts';
import { isActionOverdueOn, type ReportPeriod } from '../../../../domain/report-measures.ts';
import type { ReportAction } from './measures.repository.ts';
import { cell, table } from './report-table.ts';
import type { ActionFigures } from './summary-measures.ts';

// Improvement actions of the period (policy 2.2, 3.1): started, done, overdue, and the list itself.

/** Started and done in the period; overdue as it stands at the end of the period, or today while it runs. */
export function countActions(
  actions: readonly ReportAction[],
  period: ReportPeriod,
  now: Date,
): ActionFigures {
  const today = toLocalDate(now);
  // biome-ignore lint/complexity/useMathMinMax: these are ISO date strings; Math.min would turn them into NaN
  const endDay = today < period.until ? today : period.until;
  return {
    opened: actions.filter((a) => a.createdOn >= period.from).length,
    done: actions.filter(
      (a) =>
        a.status === 'done' &&
        a.completedOn !== null &&
        a.completedOn >= period.from &&
        a.completedOn < period.until,
    ).length,
    overdue: actions.filter((a) =>
      isActionOverdueOn({ dueOn: a.dueOn, status: a.status, completedOn: a.completedOn }, endDay),
    ).length,
  };
}

export function actionsTable(actions: readonly ReportAction[]): ReportTable {
  return table(
    'improvement_actions',
    'Verbeteracties',
    [
      { key: 'status', label: 'Status', kind: 'text' },
      { key: 'due_on', label: 'Streefdatum', kind: 'date' },
      { key: 'linked', label: 'Gekoppelde klachten', kind: 'count' },
    ],
    actions.map((a) => ({
      key: a.id,
      label: a.title,
      kind: null,
      cells: [
        cell(ACTION_STATUSES[a.status as keyof typeof ACTION_STATUSES]?.nl ?? a.status),
        cell(a.dueOn),
        cell(a.linked),
      ],
    })),
    'Gestart in de periode of aan het begin ervan nog niet afgerond (beleid 2.2, 3.1).',
  );
}
