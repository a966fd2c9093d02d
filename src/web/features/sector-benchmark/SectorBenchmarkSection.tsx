import { Alert, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { SectorBenchmark } from '../../../contract/sector-benchmark.ts';
import { tooFewAnswersText } from '../../../domain/satisfaction-figures.ts';
import type { SectorMeasure } from '../../../domain/sector-benchmark.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDateTime } from '../complaints/format.ts';
import { QueryState } from '../people/QueryState.tsx';
import { fetchSectorBenchmark, sectorKeys } from './sector-benchmark-api.ts';

type Measures = Extract<SectorBenchmark, { optedIn: true }>['measures'];

const SHARES: readonly SectorMeasure[] = ['on_time_share', 'repeat_share'];

/**
 * Issue 24: the corporation's own figures beside the sector's quartiles for a quarter, or an invitation to take
 * part. Shown to those who see every report (the MT's dashboard).
 */
export function SectorBenchmarkSection({ quarter }: { quarter: string }) {
  const { t, locale } = useI18n();
  const s = t.sectorBenchmark;
  const benchmark = useQuery({
    queryKey: sectorKeys.benchmark(quarter),
    queryFn: () => fetchSectorBenchmark(quarter),
  });
  return (
    <section aria-labelledby="sector-benchmark" data-testid="sector-benchmark">
      <Title order={2} id="sector-benchmark" mb="sm">
        {s.title(quarter)}
      </Title>
      <QueryState query={benchmark}>
        {(data) =>
          data.optedIn ? (
            <Stack gap="xs">
              <Text>{s.intro}</Text>
              <BenchmarkTable measures={data.measures} caption={s.title(quarter)} />
              {data.computedAt && (
                <Text size="sm">{s.computedAt(formatDateTime(data.computedAt, locale))}</Text>
              )}
            </Stack>
          ) : (
            <Paper withBorder p="md" data-testid="sector-invitation">
              <Title order={3} size="h4" mb="xs">
                {s.invitationTitle}
              </Title>
              <Text>{s.invitation}</Text>
            </Paper>
          )
        }
      </QueryState>
    </section>
  );
}

function BenchmarkTable({ measures, caption }: { measures: Measures; caption: string }) {
  const { t, locale } = useI18n();
  const s = t.sectorBenchmark;
  const format = (measure: SectorMeasure, value: number | null) => {
    if (value === null) return s.noOwnValue;
    const tag = locale === 'nl' ? 'nl-NL' : 'en-GB';
    return SHARES.includes(measure)
      ? value.toLocaleString(tag, { style: 'percent', maximumFractionDigits: 1 })
      : value.toLocaleString(tag, { maximumFractionDigits: 2 });
  };
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table withTableBorder striped aria-label={caption}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{s.measure}</Table.Th>
            <Table.Th scope="col">{s.own}</Table.Th>
            <Table.Th scope="col">{s.p25}</Table.Th>
            <Table.Th scope="col">{s.median}</Table.Th>
            <Table.Th scope="col">{s.p75}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {measures.map((m) => (
            <Table.Tr key={m.measure} data-measure={m.measure}>
              <Table.Th scope="row">{s.measures[m.measure]}</Table.Th>
              <Table.Td>
                {m.ownTooFewAnswers === null
                  ? format(m.measure, m.own)
                  : tooFewAnswersText(m.ownTooFewAnswers, locale === 'nl' ? 'nl' : 'en')}
              </Table.Td>
              {m.sector.status === 'shown' ? (
                <>
                  <Table.Td>{format(m.measure, m.sector.p25)}</Table.Td>
                  <Table.Td>
                    {format(m.measure, m.sector.p50)}{' '}
                    <Text span size="xs">
                      ({s.corporations(m.sector.corporations)})
                    </Text>
                  </Table.Td>
                  <Table.Td>{format(m.measure, m.sector.p75)}</Table.Td>
                </>
              ) : (
                <Table.Td colSpan={3}>
                  <Alert variant="transparent" p={0} color="gray">
                    {m.sector.status === 'withheld' ? s.withheld(m.sector.minimum) : s.pending}
                  </Alert>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
