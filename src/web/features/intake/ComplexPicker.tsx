import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { HousingComplex } from '../../../contract/reference-data.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { fetchUnit } from '../complaints/complaints-api.ts';
import { searchComplexes } from '../people/people-api.ts';

const describeComplex = (c: HousingComplex) => `${c.complexNumber} ${c.name} · ${c.place}`;

/**
 * policy 2.2: the complaint is registered with its housing complex. A chosen unit brings its own complex;
 * without a unit, or when the complaint is about another complex, the complex is searched by number, name or place.
 */
export function ComplexPicker({
  unitId,
  value,
  onChange,
  error,
}: {
  unitId: string | null;
  value: string;
  onChange: (id: string) => void;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  const c = t.intake.complex;
  const [choosing, setChoosing] = useState(false);
  const [chosen, setChosen] = useState<HousingComplex | null>(null);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  // Same query as the person picker's address line: served from its cache.
  const unit = useQuery({
    queryKey: ['units', unitId],
    queryFn: () => fetchUnit(unitId as string),
    enabled: Boolean(unitId),
    staleTime: 5 * 60_000,
  });
  const results = useQuery({
    queryKey: ['housing-complexes', 'search', debounced],
    queryFn: () => searchComplexes({ search: debounced, limit: 8 }),
    enabled: choosing || !unitId || value !== '',
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const unitComplex = unitId ? (unit.data?.complexName ?? null) : null;

  if (unitComplex && value === '' && !choosing)
    return (
      <Group gap="sm" mt="sm" data-testid="intake-complex">
        <Text size="sm">{c.fromUnit(unitComplex)}</Text>
        <Button variant="subtle" size="compact-sm" onClick={() => setChoosing(true)}>
          {c.other}
        </Button>
      </Group>
    );

  const found = results.data?.items ?? [];
  const options = [...(chosen && !found.some((x) => x.id === chosen.id) ? [chosen] : []), ...found];
  return (
    <Stack gap={4} mt="sm" data-testid="intake-complex">
      <Select
        id="intake-complex"
        label={`${c.label} ${t.complaint.optional}`}
        description={unitComplex ? c.otherHint(unitComplex) : c.hint}
        // Opened on request: the cursor goes where the choice is made.
        autoFocus={choosing}
        searchable
        clearable
        searchValue={search}
        onSearchChange={setSearch}
        data={options.map((x) => ({ value: x.id, label: describeComplex(x) }))}
        // The server already matched; Mantine must not filter again on the label.
        filter={({ options: all }) => all}
        value={value || null}
        onChange={(id) => {
          setChosen(options.find((x) => x.id === id) ?? null);
          onChange(id ?? '');
        }}
        nothingFoundMessage={debounced && !results.isFetching ? c.noMatch : undefined}
        error={error}
        comboboxProps={{ withinPortal: true }}
      />
    </Stack>
  );
}
