import { SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { satisfactionScoreShown, tooFewAnswersText } from '../../../domain/satisfaction-figures.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { QuarterFigures } from './mt-api.ts';

type Count = QuarterFigures['byCategory'][number];

const euro = (cents: number, locale: string) =>
  new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(
    cents / 100,
  );

/** A quarter's figures (policy 3.2): key numbers and a bar table per breakdown, readable without the bars. */
export function FiguresView({
  figures,
  headingLevel = 2,
}: {
  figures: QuarterFigures;
  headingLevel?: 2 | 3;
}) {
  const { t, locale } = useI18n();
  const fmt = (n: number | null, digits = 1) =>
    n === null
      ? t.mtReview.notApplicable
      : n.toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: digits });
  // decision 050: no score on fewer than the minimum number of answers
  const satisfaction = !figures.satisfaction
    ? t.mtReview.noSatisfaction
    : !satisfactionScoreShown(figures.satisfaction.responses)
      ? tooFewAnswersText(figures.satisfaction.responses, locale === 'nl' ? 'nl' : 'en')
      : t.mtReview.satisfactionValue(
          fmt(figures.satisfaction.averageHandling),
          fmt(figures.satisfaction.averageOutcome),
          figures.satisfaction.responses,
        );
  const rows: [string, string][] = [
    [t.mtReview.received, String(figures.received)],
    [t.mtReview.answered, String(figures.answered)],
    [t.mtReview.answeredOnTime, String(figures.answeredOnTime)],
    [
      t.mtReview.onTimeRate,
      figures.onTimeRate === null ? t.mtReview.notApplicable : `${fmt(figures.onTimeRate * 100)}%`,
    ],
    [t.mtReview.repeats, String(figures.repeats)],
    [t.mtReview.compensation, euro(figures.compensationPaidCents, locale)],
    [t.mtReview.satisfaction, satisfaction],
  ];
  return (
    <Stack gap="md">
      <Table maw={640} data-testid="key-figures">
        <Table.Caption>{t.mtReview.keyFiguresCaption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.mtReview.figure}</Table.Th>
            <Table.Th scope="col">{t.mtReview.value}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" fw={400}>
                {label}
              </Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <BarTable title={t.mtReview.byCategory} counts={figures.byCategory} level={headingLevel + 1} />
        <BarTable title={t.mtReview.byDepartment} counts={figures.byDepartment} level={headingLevel + 1} />
        <BarTable title={t.mtReview.byComplex} counts={figures.byComplex} level={headingLevel + 1} />
        <BarTable
          title={t.mtReview.outsideProcedure}
          counts={figures.outsideProcedureByGround}
          level={headingLevel + 1}
        />
      </SimpleGrid>
    </Stack>
  );
}

/** Counts as a table; the bar is decoration (hidden from screen readers), the number says it all. */
function BarTable({ title, counts, level }: { title: string; counts: Count[]; level: number }) {
  const { t } = useI18n();
  const max = Math.max(1, ...counts.map((c) => c.count));
  return (
    <section aria-label={title}>
      <Title order={level as 3 | 4} size="h4" mb="xs">
        {title}
      </Title>
      {counts.length === 0 ? (
        <Text size="sm">{t.mtReview.noneInQuarter}</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.mtReview.group}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t.mtReview.count}
              </Table.Th>
              <Table.Th scope="col" w="40%">
                {t.mtReview.share}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {counts.map((c) => (
              <Table.Tr key={c.key ?? 'none'}>
                <Table.Th scope="row" fw={400}>
                  {c.label || t.mtReview.unknownGroup}
                </Table.Th>
                <Table.Td ta="right">{c.count}</Table.Td>
                <Table.Td>
                  <div
                    aria-hidden="true"
                    style={{
                      width: `${(c.count / max) * 100}%`,
                      minWidth: 2,
                      height: '0.75rem',
                      borderRadius: 2,
                      background: 'var(--accent)',
                    }}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}
