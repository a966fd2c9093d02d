import { Anchor, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { labelOf } from '../../i18n/code-labels.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ComplaintFilterBar } from './ComplaintFilterBar.tsx';
import { ComplaintHistory } from './ComplaintHistory.tsx';
import { filterParams, NO_FILTERS } from './complaint-filters.ts';
import { fetchComplaintCounts, fetchComplex, formatAddress, searchUnits } from './people-api.ts';
import { DetailList, QueryState } from './QueryState.tsx';

const UNIT_STEP = 25;

/**
 * The complex's complaint folder — what used to be "G:/klachten/<complex>": every complaint about the complex,
 * newest first, with filters, plus its units.
 */
export function ComplexPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const [filters, setFilters] = useState(NO_FILTERS);
  const [unitLimit, setUnitLimit] = useState(UNIT_STEP);
  const complex = useQuery({ queryKey: ['housing-complex', id], queryFn: () => fetchComplex(id) });
  const counts = useQuery({
    queryKey: ['complaint-counts', { housingComplexId: id }],
    queryFn: () => fetchComplaintCounts({ housingComplexId: id }),
  });
  const units = useQuery({
    queryKey: ['units', { housingComplexId: id, limit: unitLimit }],
    queryFn: () => searchUnits({ housingComplexId: id, limit: unitLimit }),
    placeholderData: (previous) => previous,
  });
  const title = complex.data
    ? `${complex.data.complexNumber} ${complex.data.name}`
    : t.people.complexPageTitle;
  useDocumentTitle(title);

  return (
    <QueryState query={complex}>
      {(data) => (
        <Stack gap="lg">
          <div>
            <Text size="sm">{t.people.complexPageTitle}</Text>
            <Title order={1}>{title}</Title>
          </div>
          <Group align="stretch" grow wrap="wrap">
            <Paper component="section" withBorder p="md" aria-labelledby="complex-details" miw={280}>
              <Title order={2} size="h3" id="complex-details" mb="sm">
                {t.people.details}
              </Title>
              <DetailList
                items={[
                  [t.people.complexNumber, data.complexNumber],
                  [t.people.place, data.place],
                  [t.people.externalId, data.externalId ?? '—'],
                  [t.people.unitCount, units.data ? String(units.data.total) : '…'],
                ]}
              />
            </Paper>
            <Paper component="section" withBorder p="md" aria-labelledby="complex-counts" miw={280}>
              <Title order={2} size="h3" id="complex-counts" mb="sm">
                {t.people.countsTitle}
              </Title>
              {counts.data ? (
                <DetailList
                  items={[
                    [t.people.countTotal, String(counts.data.total)],
                    [t.people.countOverdue, String(counts.data.overdue)],
                    ...Object.entries(counts.data.counts)
                      .filter(([, n]) => n > 0)
                      .map(
                        ([status, n]) => [labelOf(t.people.statuses, status), String(n)] as [string, string],
                      ),
                  ]}
                />
              ) : (
                <Text>{counts.isError ? '—' : t.app.loading}</Text>
              )}
            </Paper>
          </Group>
          <section aria-labelledby="complex-complaints">
            <Title order={2} size="h3" id="complex-complaints" mb="sm">
              {t.people.complexFolder}
            </Title>
            <ComplaintFilterBar idPrefix="complex-filter" onApply={setFilters} />
            <Stack mt="md">
              <ComplaintHistory
                path={`/api/housing-complexes/${id}/complaints`}
                params={filterParams(filters)}
                caption={t.people.complaintsOf(title)}
                hide={['complex']}
                testId="complex-complaints"
              />
            </Stack>
          </section>
          <section aria-labelledby="complex-units">
            <Title order={2} size="h3" id="complex-units" mb="sm">
              {t.people.units}
            </Title>
            {units.data && units.data.items.length > 0 ? (
              <>
                <List spacing={2}>
                  {units.data.items.map((u) => (
                    <List.Item key={u.id}>
                      <Anchor component={Link} to={`/woningen/${u.id}`}>
                        {formatAddress(u)}
                      </Anchor>
                    </List.Item>
                  ))}
                </List>
                {units.data.total > units.data.items.length && unitLimit < 200 && (
                  <Button
                    mt="sm"
                    variant="outline"
                    loading={units.isFetching}
                    onClick={() => setUnitLimit((n) => Math.min(200, n + UNIT_STEP))}
                  >
                    {t.people.moreUnits(units.data.items.length, units.data.total)}
                  </Button>
                )}
              </>
            ) : (
              <Text>{units.isPending ? t.app.loading : t.people.noUnits}</Text>
            )}
          </section>
        </Stack>
      )}
    </QueryState>
  );
}
