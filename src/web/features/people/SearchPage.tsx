import { Anchor, Button, Group, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatAddress, searchComplexes, searchPersons, searchUnits } from './people-api.ts';
import { QueryState } from './QueryState.tsx';

const KINDS = ['personen', 'woningen', 'complexen'] as const;
type Kind = (typeof KINDS)[number];
const LIMIT = 50;

type Row = { id: string; href: string; name: string; detail: string };

function useResults(kind: Kind, search: string) {
  const { t } = useI18n();
  return useQuery({
    queryKey: ['search', kind, search],
    queryFn: async (): Promise<{ rows: Row[]; total: number }> => {
      const params = { search, limit: LIMIT };
      if (kind === 'personen') {
        const page = await searchPersons(params);
        return {
          total: page.total,
          rows: page.items.map((p) => ({
            id: p.id,
            href: `/personen/${p.id}`,
            name: p.name,
            detail: [t.people.relations[p.relation], p.phone, p.email].filter(Boolean).join(' · '),
          })),
        };
      }
      if (kind === 'woningen') {
        const page = await searchUnits(params);
        return {
          total: page.total,
          rows: page.items.map((u) => ({
            id: u.id,
            href: `/woningen/${u.id}`,
            name: formatAddress(u),
            detail: u.complexName ? `${u.complexNumber} ${u.complexName}` : '',
          })),
        };
      }
      const page = await searchComplexes(params);
      return {
        total: page.total,
        rows: page.items.map((c) => ({
          id: c.id,
          href: `/complexen/${c.id}`,
          name: `${c.complexNumber} ${c.name}`,
          detail: c.place,
        })),
      };
    },
  });
}

/** Find a person, unit or complex by name, address, postcode or number, and open its page. */
export function SearchPage() {
  const { t } = useI18n();
  useDocumentTitle(t.people.searchPageTitle);
  const [params, setParams] = useSearchParams();
  const kind: Kind = KINDS.find((k) => k === params.get('soort')) ?? 'complexen';
  const search = params.get('q') ?? '';
  const [draft, setDraft] = useState(search);
  const results = useResults(kind, search);
  const kindLabels: Record<Kind, string> = {
    personen: t.people.kindPersons,
    woningen: t.people.kindUnits,
    complexen: t.people.kindComplexes,
  };
  const go = (nextKind: Kind, q: string) => setParams(q ? { soort: nextKind, q } : { soort: nextKind });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    go(kind, draft.trim());
  };

  return (
    <Stack gap="md">
      <Title order={1}>{t.people.searchTitle}</Title>
      <Text>{t.people.searchIntro}</Text>
      {/* biome-ignore lint/a11y/useSemanticElements: a <form role="search"> keeps its form semantics; not every screen reader announces <search> yet */}
      <form onSubmit={onSubmit} role="search" aria-label={t.people.searchTitle} noValidate>
        <Stack gap="sm">
          <SegmentedControl
            aria-label={t.people.searchKind}
            value={kind}
            onChange={(value) => go(value as Kind, search)}
            data={KINDS.map((k) => ({ value: k, label: kindLabels[k] }))}
            w="fit-content"
          />
          <Group align="flex-end">
            <TextInput
              id="search-q"
              label={t.people.searchLabel(kindLabels[kind].toLowerCase())}
              description={t.people.searchHint}
              value={draft}
              onChange={(event) => setDraft(event.currentTarget.value)}
              maxLength={100}
              w={360}
            />
            <Button type="submit">{t.people.searchSubmit}</Button>
          </Group>
        </Stack>
      </form>
      <QueryState query={results}>
        {(data) =>
          data.rows.length === 0 ? (
            <Text role="status">{t.people.searchNone}</Text>
          ) : (
            <>
              <Text role="status">{t.people.searchCount(data.rows.length, data.total)}</Text>
              <Table striped data-testid="search-results">
                <Table.Caption>{t.people.searchCaption(kindLabels[kind])}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t.people.columnName}</Table.Th>
                    <Table.Th scope="col">{t.people.columnDetail}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.rows.map((row) => (
                    <Table.Tr key={row.id}>
                      <Table.Td>
                        <Anchor component={Link} to={row.href}>
                          {row.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{row.detail || '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )
        }
      </QueryState>
    </Stack>
  );
}
