import { ActionIcon, Button, Group, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSavedFilters } from './saved-filters.ts';

/** Named filter sets kept in this browser; applying one replaces the current filters. */
export function SavedFilters({
  userId,
  currentQuery,
  onApply,
}: {
  userId: string;
  currentQuery: string;
  onApply: (query: string) => void;
}) {
  const { t } = useI18n();
  const saved = useSavedFilters(userId);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  const onSave = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError(t.work.filterNameRequired);
      return;
    }
    saved.save({ name: name.trim(), query: currentQuery });
    setName('');
    setError(null);
  };

  return (
    <Group component="section" aria-labelledby="saved-filters-title" gap="xs" align="flex-end" wrap="wrap">
      <Text component="h2" id="saved-filters-title" fw={700} size="sm" m={0} pb={6}>
        {t.work.savedFiltersTitle}:
      </Text>
      {saved.filters.length === 0 ? (
        <Text size="sm" pb={6}>
          {t.work.noSavedFilters}
        </Text>
      ) : (
        <Group gap="xs" component="ul" pb={4} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {saved.filters.map((filter) => (
            <Group component="li" key={filter.name} gap={2} wrap="nowrap">
              <Button
                size="compact-sm"
                variant={filter.query === currentQuery ? 'filled' : 'light'}
                aria-pressed={filter.query === currentQuery}
                onClick={() => onApply(filter.query)}
              >
                {filter.name}
              </Button>
              <ActionIcon
                variant="subtle"
                color="gray.7"
                aria-label={t.work.deleteFilter(filter.name)}
                onClick={() => saved.remove(filter.name)}
              >
                <span aria-hidden="true">×</span>
              </ActionIcon>
            </Group>
          ))}
        </Group>
      )}
      <form onSubmit={onSave} noValidate>
        <Group align="flex-end" gap="xs">
          <TextInput
            size="xs"
            label={t.work.filterName}
            value={name}
            error={error}
            onChange={(event) => setName(event.currentTarget.value)}
          />
          <Button type="submit" size="xs" variant="default">
            {t.work.saveFilter}
          </Button>
        </Group>
      </form>
    </Group>
  );
}
