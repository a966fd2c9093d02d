import { Badge, Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CorporationSummary } from '../../../contract/platform.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeApiError } from '../../lib/describe-error.ts';
import { QueryState } from '../people/QueryState.tsx';
import { fetchCorporations, platformKeys, setSuspended } from './platform-api.ts';

/** Every corporation with counts (numbers only); suspend and resume. */
export function CorporationList() {
  const { t, locale } = useI18n();
  const p = t.platform;
  const queryClient = useQueryClient();
  const corporations = useQuery({ queryKey: platformKeys.corporations, queryFn: fetchCorporations });
  const toggle = useMutation({
    mutationFn: (c: CorporationSummary) => setSuspended(c.id, c.suspendedAt === null),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: platformKeys.corporations }),
  });
  return (
    <section aria-labelledby="corporations-title">
      <Text component="h2" id="corporations-title" fw={700} size="xl" mb="sm">
        {p.listTitle}
      </Text>
      {toggle.isError && <ErrorSummary message={describeApiError(toggle.error, locale, t)} attempt={1} />}
      <QueryState query={corporations}>
        {({ items }) => (
          <Table striped withTableBorder>
            <Table.Caption>{p.listCaption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{p.name}</Table.Th>
                <Table.Th scope="col">{p.hostnames}</Table.Th>
                <Table.Th scope="col">{p.staffAccounts}</Table.Th>
                <Table.Th scope="col">{p.complaintsThisYear}</Table.Th>
                <Table.Th scope="col">{p.state}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{p.actions}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row">
                    {c.name}{' '}
                    <Text span c="dimmed">
                      ({c.slug})
                    </Text>
                  </Table.Th>
                  <Table.Td>{c.hostnames.join(', ') || '—'}</Table.Td>
                  <Table.Td>{c.staffAccounts}</Table.Td>
                  <Table.Td>{c.complaintsThisYear}</Table.Td>
                  <Table.Td>
                    <Badge color={c.suspendedAt ? 'red.9' : '#1b5e20'} variant="outline" tt="none">
                      {c.suspendedAt ? p.suspended : p.active}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      loading={toggle.isPending && toggle.variables?.id === c.id}
                      onClick={() => toggle.mutate(c)}
                      aria-label={`${c.suspendedAt ? p.resume : p.suspend}: ${c.name}`}
                    >
                      {c.suspendedAt ? p.resume : p.suspend}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
    </section>
  );
}
