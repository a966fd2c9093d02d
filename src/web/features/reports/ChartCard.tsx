import { Button, Card, Loader, Stack } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import type { ChartSpec } from '../../../contract/report-charts.ts';
import type { ReportDocument } from '../../../contract/reports.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type DrillRequest, ReportTableView } from './ReportTableView.tsx';

const ReportChart = lazy(() => import('./ReportChart.tsx'));

/** A chart with its table as the accessible alternative, one button apart. */
export function ChartCard({
  chart,
  document,
  onDrill,
}: {
  chart: ChartSpec;
  document: ReportDocument;
  onDrill: (request: DrillRequest) => void;
}) {
  const { t } = useI18n();
  const [asTable, setAsTable] = useState(false);
  const table = document.tables.find((candidate) => candidate.id === chart.tableId);
  const headingId = `chart-${chart.id}`;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <h3 id={headingId} style={{ fontSize: '1rem', margin: 0 }}>
          {chart.title}
        </h3>
        {asTable && table ? (
          <ReportTableView table={table} onDrill={onDrill} />
        ) : (
          <Suspense fallback={<Loader size="sm" aria-label={t.reports.chartLoading} />}>
            <ReportChart
              chart={chart}
              label={t.reports.chartLabel(chart.title)}
              height={chart.id === 'on_time' ? 220 : 280}
            />
          </Suspense>
        )}
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() => setAsTable((value) => !value)}
          aria-pressed={asTable}
          style={{ alignSelf: 'flex-start' }}
        >
          {asTable ? t.reports.showChart : t.reports.showTable}
        </Button>
      </Stack>
    </Card>
  );
}
