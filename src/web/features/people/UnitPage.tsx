import { Anchor, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ComplaintHistory } from './ComplaintHistory.tsx';
import { fetchUnit, formatAddress, searchPersons } from './people-api.ts';
import { DetailList, QueryState } from './QueryState.tsx';

/** A unit (verhuureenheid): its address, complex, who lives there, and the complaints about it. */
export function UnitPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const unit = useQuery({ queryKey: ['unit', id], queryFn: () => fetchUnit(id) });
  const residents = useQuery({
    queryKey: ['persons', { unitId: id }],
    queryFn: () => searchPersons({ unitId: id, limit: 50 }),
  });
  const address = unit.data ? formatAddress(unit.data) : t.people.unitPageTitle;
  useDocumentTitle(address);

  return (
    <QueryState query={unit}>
      {(data) => (
        <Stack gap="lg">
          <div>
            <Text size="sm">{t.people.unitPageTitle}</Text>
            <Title order={1}>{address}</Title>
          </div>
          <Paper component="section" withBorder p="md" aria-labelledby="unit-details">
            <Title order={2} size="h3" id="unit-details" mb="sm">
              {t.people.details}
            </Title>
            <DetailList
              items={[
                [
                  t.people.complex,
                  data.housingComplexId ? (
                    <Anchor key="complex" component={Link} to={`/complexen/${data.housingComplexId}`}>
                      {data.complexNumber} {data.complexName}
                    </Anchor>
                  ) : (
                    '—'
                  ),
                ],
                [t.people.externalId, data.externalId ?? '—'],
                [
                  t.people.residents,
                  residents.data && residents.data.items.length > 0 ? (
                    <List key="residents" listStyleType="none" spacing={2}>
                      {residents.data.items.map((person) => (
                        <List.Item key={person.id}>
                          <Anchor component={Link} to={`/personen/${person.id}`}>
                            {person.name}
                          </Anchor>{' '}
                          ({t.people.relations[person.relation]})
                        </List.Item>
                      ))}
                    </List>
                  ) : (
                    '—'
                  ),
                ],
              ]}
            />
          </Paper>
          <section aria-labelledby="unit-complaints">
            <Title order={2} size="h3" id="unit-complaints" mb="sm">
              {t.people.complaintHistory}
            </Title>
            <ComplaintHistory
              path={`/api/units/${id}/complaints`}
              caption={t.people.complaintsOf(address)}
              hide={['complex']}
              testId="unit-complaints"
            />
          </section>
        </Stack>
      )}
    </QueryState>
  );
}
