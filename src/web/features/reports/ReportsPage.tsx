import { Anchor, Card, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { reportCharts } from '../../../contract/report-charts.ts';
import { displayCell } from '../../../contract/report-format.ts';
import type { ReportDocument } from '../../../contract/reports.ts';
import { COMPLAINT_CATEGORIES } from '../../../domain/complaint-category.ts';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { appNow } from '../../lib/app-clock.ts';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { QueryState } from '../people/QueryState.tsx';
import { ChartCard } from './ChartCard.tsx';
import { DrillModal } from './DrillModal.tsx';
import { ReportJobButton } from './ReportJobButton.tsx';
import { type DrillRequest, ReportTableView } from './ReportTableView.tsx';
import {
  fetchDepartments,
  fetchReport,
  type ReportFilter,
  recentQuarters,
  reportQuery,
} from './reports-api.ts';

const SEES_ALL = ['management_team', 'board', 'management_assistant'];
const KPIS = [
  ['received', 'kpiReceived'],
  ['answered', 'kpiAnswered'],
  ['on_time_original_rate', 'kpiOnTime'],
  ['median_working_days', 'kpiMedian'],
  ['per_thousand_units', 'kpiPerThousand'],
] as const;

/** `/rapportages`: the quarter or year at a glance, charts with tables, every table, exports (policy 2.2, 3.2). */
export function ReportsPage() {
  const { t } = useI18n();
  useDocumentTitle(t.reports.pageTitle);
  const user = useCurrentUser().data;
  const seesAll = user?.roles.some((role) => SEES_ALL.includes(role)) ?? false;
  const quarters = useMemo(() => recentQuarters(), []);
  const thisYear = appNow().getFullYear();
  const [filter, setFilter] = useState<ReportFilter>({
    kind: 'quarterly',
    quarter: quarters[0] as string,
    year: thisYear,
    departmentId: '',
    category: '',
  });
  const departments = useQuery({ queryKey: ['departments'], queryFn: fetchDepartments });
  const departmentOptions = (departments.data ?? []).filter(
    (d) => seesAll || user?.managedDepartmentIds.includes(d.id),
  );
  const effective: ReportFilter = {
    ...filter,
    departmentId: seesAll
      ? filter.departmentId
      : filter.departmentId || (user?.managedDepartmentIds[0] ?? ''),
  };
  const report = useQuery({
    queryKey: ['report', effective],
    queryFn: () => fetchReport(effective),
    enabled: user !== undefined,
  });
  const [drill, setDrill] = useState<DrillRequest | null>(null);
  const set = (change: Partial<ReportFilter>) => setFilter((current) => ({ ...current, ...change }));

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t.reports.title}</Title>
        <Text c="dimmed">{t.reports.intro}</Text>
      </div>
      <Card
        withBorder
        component="form"
        aria-label={t.reports.filters}
        onSubmit={(event) => event.preventDefault()}
      >
        <Group align="flex-end" gap="md">
          <NativeSelect
            id="report-kind"
            label={t.reports.periodKind}
            value={filter.kind}
            onChange={(event) => set({ kind: event.currentTarget.value as ReportFilter['kind'] })}
            data={[
              { value: 'quarterly', label: t.reports.quarterly },
              { value: 'annual', label: t.reports.annual },
            ]}
          />
          {filter.kind === 'quarterly' ? (
            <NativeSelect
              id="report-quarter"
              label={t.reports.quarter}
              value={filter.quarter}
              onChange={(event) => set({ quarter: event.currentTarget.value })}
              data={quarters}
            />
          ) : (
            <NativeSelect
              id="report-year"
              label={t.reports.year}
              value={String(filter.year)}
              onChange={(event) => set({ year: Number(event.currentTarget.value) })}
              data={[0, 1, 2, 3, 4].map((back) => String(thisYear - back))}
            />
          )}
          <NativeSelect
            id="report-department"
            label={t.reports.department}
            value={effective.departmentId}
            onChange={(event) => set({ departmentId: event.currentTarget.value })}
            data={[
              ...(seesAll ? [{ value: '', label: t.reports.wholeOrganization }] : []),
              ...departmentOptions.map((d) => ({ value: d.id, label: d.name })),
            ]}
          />
          <NativeSelect
            id="report-category"
            label={t.reports.category}
            value={filter.category}
            onChange={(event) => set({ category: event.currentTarget.value })}
            data={[
              { value: '', label: t.reports.allCategories },
              ...Object.entries(COMPLAINT_CATEGORIES).map(([value, c]) => ({
                value,
                label: `${c.number}. ${c.label}`,
              })),
            ]}
            w={320}
          />
        </Group>
      </Card>
      <QueryState query={report}>
        {(document) => (
          <ReportBody document={document} filter={effective} seesAll={seesAll} onDrill={setDrill} />
        )}
      </QueryState>
      <DrillModal request={drill} onClose={() => setDrill(null)} />
    </Stack>
  );
}

function ReportBody({
  document,
  filter,
  seesAll,
  onDrill,
}: {
  document: ReportDocument;
  filter: ReportFilter;
  seesAll: boolean;
  onDrill: (request: DrillRequest) => void;
}) {
  const { t } = useI18n();
  const charts = useMemo(() => reportCharts(document), [document]);
  const summary = document.tables.find((table) => table.id === 'summary');
  const query = reportQuery(filter);
  const exportUrl = (format: string) => `/api/reports/${filter.kind}/export?${query}&format=${format}`;
  const complexes =
    document.tables.find((table) => table.id === 'by_complex')?.rows.filter((r) => r.key !== null) ?? [];
  const [complexId, setComplexId] = useState('');
  const [from, setFrom] = useState(document.period.from);
  const [until, setUntil] = useState(document.period.until);
  const chosenComplex = complexId || (complexes[0]?.key ?? '');

  return (
    <Stack gap="lg">
      <section aria-labelledby="at-a-glance">
        <Title order={2} id="at-a-glance" size="h3" mb="xs">
          {t.reports.atAGlance} · {document.period.label}
          {document.department ? ` · ${document.department.name}` : ''}
        </Title>
        <SimpleGrid cols={{ base: 2, md: 5 }}>
          {KPIS.map(([key, labelKey]) => {
            const row = summary?.rows.find((r) => r.key === key);
            const cell = row?.cells[0];
            const text = row && cell ? displayCell(cell, row.kind ?? 'count') : '–';
            return (
              <Card key={key} withBorder padding="sm" data-testid={`kpi-${key}`}>
                <Text size="sm" c="dimmed">
                  {t.reports[labelKey]}
                </Text>
                {cell?.drill ? (
                  <Anchor
                    component="button"
                    type="button"
                    fz="1.6rem"
                    fw={700}
                    aria-label={t.reports.drillOpen(t.reports[labelKey], text)}
                    onClick={() => onDrill({ label: t.reports[labelKey], drill: cell.drill as string })}
                  >
                    {text}
                  </Anchor>
                ) : (
                  <Text fz="1.6rem" fw={700}>
                    {text}
                  </Text>
                )}
              </Card>
            );
          })}
        </SimpleGrid>
      </section>

      <section aria-labelledby="report-charts">
        <Title order={2} id="report-charts" size="h3" mb="xs">
          {t.reports.charts}
        </Title>
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          {charts.map((chart) => (
            <ChartCard key={chart.id} chart={chart} document={document} onDrill={onDrill} />
          ))}
        </SimpleGrid>
      </section>

      <section aria-labelledby="report-exports">
        <Title order={2} id="report-exports" size="h3" mb="xs">
          {t.reports.exports}
        </Title>
        <Group gap="lg">
          {filter.kind === 'quarterly' ? (
            <>
              <Anchor href={exportUrl('pdf')} download>
                {t.reports.exportPdf}
              </Anchor>
              <Anchor href={exportUrl('xlsx')} download>
                {t.reports.exportXlsx}
              </Anchor>
            </>
          ) : (
            <Stack gap="xs">
              <Text size="sm">{t.reports.jobHint}</Text>
              {(['pdf', 'xlsx'] as const).map((format) => (
                <ReportJobButton
                  key={format}
                  label={t.reports.makeFile(format === 'pdf' ? t.reports.exportPdf : t.reports.exportXlsx)}
                  input={{
                    kind: 'annual',
                    year: filter.year,
                    departmentId: filter.departmentId || null,
                    category: filter.category || undefined,
                    format,
                  }}
                />
              ))}
            </Stack>
          )}
          <Anchor href={exportUrl('csv')} download>
            {t.reports.exportCsv}
          </Anchor>
        </Group>
      </section>

      {seesAll && complexes.length > 0 && (
        <section aria-labelledby="report-dossier">
          <Title order={2} id="report-dossier" size="h3" mb="xs">
            {t.reports.dossier}
          </Title>
          <Text size="sm" mb="xs">
            {t.reports.dossierHint}
          </Text>
          <Group align="flex-end" gap="md">
            <NativeSelect
              id="dossier-complex"
              label={t.reports.complex}
              value={chosenComplex}
              onChange={(event) => setComplexId(event.currentTarget.value)}
              data={complexes.map((row) => ({ value: row.key as string, label: row.label }))}
            />
            <TextInput
              id="dossier-from"
              type="date"
              label={t.reports.from}
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
            />
            <TextInput
              id="dossier-until"
              type="date"
              label={t.reports.until}
              value={until}
              onChange={(e) => setUntil(e.currentTarget.value)}
            />
            <ReportJobButton
              label={t.reports.makeDossier}
              input={{ kind: 'dossier', housingComplexId: chosenComplex, from, until }}
            />
          </Group>
        </section>
      )}

      <section aria-labelledby="report-tables">
        <Title order={2} id="report-tables" size="h3">
          {t.reports.tables}
        </Title>
        {document.tables.map((table) => (
          <ReportTableView key={table.id} table={table} onDrill={onDrill} />
        ))}
      </section>
    </Stack>
  );
}
