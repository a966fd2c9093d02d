import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { Person } from '../../../contract/reference-data.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { fetchUnit, searchPersons } from '../complaints/complaints-api.ts';

function describePerson(person: Person): string {
  return [person.name, person.phone, person.postalAddress].filter(Boolean).join(' · ');
}

/**
 * Typeahead over name, postcode + house number and phone (the API matches every word somewhere);
 * the chosen person's unit and complex are shown, so the caller can confirm the address.
 */
export function PersonPicker({
  person,
  onChange,
  error,
  onNewPerson,
}: {
  person: Person | null;
  onChange: (person: Person | null) => void;
  error?: string | undefined;
  /** Opens the new caller's fields with what was typed in the search (issue 22). */
  onNewPerson: (searchText: string) => void;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  // What the user typed: the select empties its search on blur (before the new-caller button's click lands).
  const typed = useRef('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const results = useQuery({
    queryKey: ['persons', 'search', debounced],
    queryFn: ({ signal }) => searchPersons(debounced, signal),
    enabled: debounced.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const unit = useQuery({
    queryKey: ['units', person?.unitId],
    queryFn: () => fetchUnit(person?.unitId as string),
    enabled: Boolean(person?.unitId),
    staleTime: 5 * 60_000,
  });
  const found = debounced.length >= 2 ? (results.data?.items ?? []) : [];
  const options = [...(person && !found.some((p) => p.id === person.id) ? [person] : []), ...found];

  return (
    <Stack gap={4}>
      <Select
        id="intake-person"
        // A phone intake starts with who is calling: the cursor is there when the screen opens.
        autoFocus
        label={t.intake.personSearch}
        description={t.intake.personSearchHint}
        searchable
        clearable
        searchValue={search}
        onSearchChange={setSearch}
        onInput={(event) => {
          typed.current = event.currentTarget.value;
        }}
        data={options.map((p) => ({ value: p.id, label: describePerson(p) }))}
        // The server already matched; Mantine must not filter again on the label.
        filter={({ options: all }) => all}
        value={person?.id ?? null}
        onChange={(id) => onChange(options.find((p) => p.id === id) ?? null)}
        nothingFoundMessage={
          debounced.length >= 2 && !results.isFetching ? t.intake.personNoMatch : undefined
        }
        error={error}
        comboboxProps={{ withinPortal: true }}
      />
      {person && (
        <Text size="sm" data-testid="person-details">
          {unit.data
            ? [
                t.intake.personAddress(
                  `${unit.data.street} ${unit.data.houseNumber}${unit.data.houseNumberAddition ?? ''}, ${unit.data.postcode} ${unit.data.place}`,
                ),
                unit.data.complexName ? t.intake.personComplex(unit.data.complexName) : null,
              ]
                .filter(Boolean)
                .join(' · ')
            : person.postalAddress
              ? t.intake.personAddress(person.postalAddress)
              : null}
        </Text>
      )}
      <Group>
        <Button variant="subtle" size="compact-sm" onClick={() => onNewPerson(typed.current)}>
          {t.intake.newPerson}
        </Button>
      </Group>
    </Stack>
  );
}
