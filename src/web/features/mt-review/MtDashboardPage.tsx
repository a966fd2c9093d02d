import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { QueryState } from '../people/QueryState.tsx';
import { SatisfactionSection } from '../reports/SatisfactionSection.tsx';
import { SectorBenchmarkSection } from '../sector-benchmark/SectorBenchmarkSection.tsx';
import { ActionsTable } from './ActionsTable.tsx';
import { FiguresView } from './FiguresView.tsx';
import { useMtAccess } from './mt-access.ts';
import { fetchAgenda, mtKeys } from './mt-api.ts';
import { currentQuarter, previousQuarter } from './quarters.ts';

/** The MT's starting point: this quarter's figures, what waits for a decision, and the open actions. */
export function MtDashboardPage() {
  const { t } = useI18n();
  useDocumentTitle(t.mtReview.dashboardTitle);
  const quarter = currentQuarter();
  const previous = previousQuarter(quarter);
  const agenda = useQuery({ queryKey: mtKeys.agenda(quarter), queryFn: () => fetchAgenda(quarter) });
  const { seesAllReports } = useMtAccess();

  return (
    <Stack gap="lg">
      <Title order={1}>{t.mtReview.dashboardTitle}</Title>
      <Text>{t.mtReview.dashboardIntro(quarter)}</Text>
      <Group gap="lg">
        <Anchor component={Link} to={`/mt/${quarter}`} fw={600}>
          {t.mtReview.agendaLink(quarter)}
        </Anchor>
        <Anchor component={Link} to={`/mt/${previous}`}>
          {t.mtReview.previousAgendaLink(previous)}
        </Anchor>
        <Anchor component={Link} to="/mt/zelfevaluatie">
          {t.selfAssessment.link}
        </Anchor>
      </Group>
      <QueryState query={agenda}>
        {(data) => (
          <Stack gap="lg">
            <section aria-labelledby="mt-summary">
              <Title order={2} id="mt-summary" mb="sm">
                {t.mtReview.summaryTitle}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 3 }} component="dl" m={0} data-testid="mt-summary">
                <Tile
                  label={t.mtReview.openItems}
                  value={data.policyIssues.length + data.exceptions.length}
                />
                <Tile label={t.mtReview.openActions} value={data.openActions.length} />
                <Tile
                  label={t.mtReview.overdueActions}
                  value={data.openActions.filter((a) => a.overdue).length}
                />
              </SimpleGrid>
            </section>
            <section aria-labelledby="mt-figures">
              <Title order={2} id="mt-figures" mb="sm">
                {t.mtReview.figuresTitle(quarter)}
              </Title>
              <FiguresView figures={data.figures} />
            </section>
            {/* issue 24: the last full quarter beside the sector (organisation-wide figures) */}
            {seesAllReports && <SectorBenchmarkSection quarter={previous} />}
            {/* issue 26: the last full quarter's satisfaction figures (decision 050) */}
            {seesAllReports && <SatisfactionSection quarter={previous} />}
            <section aria-labelledby="mt-actions">
              <Title order={2} id="mt-actions" mb="sm">
                {t.mtReview.actionsTitle}
              </Title>
              <ActionsTable
                actions={data.openActions}
                caption={t.mtReview.actionsTitle}
                emptyText={t.mtReview.actionsEmpty}
                testId="mt-open-actions"
              />
              <Anchor component={Link} to="/verbeteracties" mt="sm" display="inline-block">
                {t.mtReview.registerTitle}
              </Anchor>
            </section>
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

function Tile({ label, value }: { label: string; value: number }) {
  return (
    <Paper withBorder p="md">
      <Text component="dt" size="sm">
        {label}
      </Text>
      <Text component="dd" m={0} fz="1.75rem" fw={700}>
        {value}
      </Text>
    </Paper>
  );
}
