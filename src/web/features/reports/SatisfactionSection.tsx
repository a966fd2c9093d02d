import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { SATISFACTION_MINIMUM_ANSWERS } from '../../../domain/satisfaction-figures.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { QueryState } from '../people/QueryState.tsx';
import { DrillModal } from './DrillModal.tsx';
import { type DrillRequest, ReportTableView } from './ReportTableView.tsx';
import { fetchReport } from './reports-api.ts';

const SHOWN = ['satisfaction_overall', 'satisfaction_by_quarter', 'satisfaction_by_department'];

/**
 * Issue 26: the satisfaction figures of a quarter on the MT dashboard — the same tables as the quarterly report
 * (decision 050), so the dashboard and the report cannot disagree. For those who see every report.
 */
export function SatisfactionSection({ quarter }: { quarter: string }) {
  const { t } = useI18n();
  const s = t.satisfactionFigures;
  const [drill, setDrill] = useState<DrillRequest | null>(null);
  const filter = { kind: 'quarterly' as const, quarter, year: 0, departmentId: '', category: '' };
  const report = useQuery({ queryKey: ['report', filter], queryFn: () => fetchReport(filter) });
  return (
    <section aria-labelledby="satisfaction-figures" data-testid="satisfaction-figures">
      <Title order={2} id="satisfaction-figures" mb="sm">
        {s.title(quarter)}
      </Title>
      <Text mb="xs">{s.intro(SATISFACTION_MINIMUM_ANSWERS)}</Text>
      <QueryState query={report}>
        {(document) => (
          <Stack gap="xs">
            {SHOWN.map((id) => document.tables.find((table) => table.id === id))
              .filter((table) => table !== undefined)
              .map((table) => (
                <ReportTableView key={table.id} table={table} onDrill={setDrill} />
              ))}
            <Anchor component={Link} to="/rapportages">
              {s.reportLink}
            </Anchor>
          </Stack>
        )}
      </QueryState>
      <DrillModal request={drill} onClose={() => setDrill(null)} />
    </section>
  );
}
