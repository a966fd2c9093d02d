import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ComplaintHistory } from './ComplaintHistory.tsx';
import { fetchPerson, fetchUnit, formatAddress } from './people-api.ts';
import { DetailList, QueryState } from './QueryState.tsx';

/** A complainant: contact details, where they live, and every complaint they made. */
export function PersonPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const person = useQuery({ queryKey: ['person', id], queryFn: () => fetchPerson(id) });
  const unitId = person.data?.unitId ?? null;
  const unit = useQuery({
    queryKey: ['unit', unitId],
    queryFn: () => fetchUnit(unitId as string),
    enabled: unitId !== null,
  });
  useDocumentTitle(person.data?.name ?? t.people.personPageTitle);

  return (
    <QueryState query={person}>
      {(data) => (
        <Stack gap="lg">
          <div>
            <Text size="sm">{t.people.personPageTitle}</Text>
            <Title order={1}>{data.name}</Title>
          </div>
          <Paper component="section" withBorder p="md" aria-labelledby="person-details">
            <Title order={2} size="h3" id="person-details" mb="sm">
              {t.people.details}
            </Title>
            <DetailList
              items={[
                [t.people.relation, t.people.relations[data.relation]],
                [t.people.email, data.email ?? '—'],
                [t.people.phone, data.phone ?? '—'],
                [
                  t.people.unit,
                  unitId === null ? (
                    '—'
                  ) : (
                    <Anchor key="unit" component={Link} to={`/woningen/${unitId}`}>
                      {unit.data ? formatAddress(unit.data) : t.people.unitLink}
                    </Anchor>
                  ),
                ],
                [t.people.postalAddress, data.postalAddress ?? '—'],
                [t.people.externalId, data.externalId ?? '—'],
              ]}
            />
          </Paper>
          <section aria-labelledby="person-complaints">
            <Title order={2} size="h3" id="person-complaints" mb="sm">
              {t.people.complaintHistory}
            </Title>
            <Text size="sm" mb="xs">
              {t.people.contactsHint}
            </Text>
            <ComplaintHistory
              path={`/api/persons/${id}/complaints`}
              caption={t.people.complaintsOf(data.name)}
              hide={['complainant']}
              testId="person-complaints"
            />
          </section>
        </Stack>
      )}
    </QueryState>
  );
}
