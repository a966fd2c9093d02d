import { ActionIcon, Button, Checkbox, Group, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeApiError } from '../../lib/describe-error.ts';
import { deleteSavedView, fetchSavedViews, saveView, workQueueKeys } from './work-queue-api.ts';

/**
 * Named views of the queue, kept on the server (issue 22): my own, and those colleagues shared with my
 * department. Applying one replaces the current filters; only my own can be deleted.
 */
export function SavedFilters({
  currentQuery,
  onApply,
}: {
  currentQuery: string;
  onApply: (query: string) => void;
}) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const views = useQuery({ queryKey: workQueueKeys.savedViews, queryFn: fetchSavedViews });
  const refresh = () => queryClient.invalidateQueries({ queryKey: workQueueKeys.savedViews });
  const save = useMutation({ mutationFn: saveView, onSuccess: refresh });
  const remove = useMutation({ mutationFn: deleteSavedView, onSuccess: refresh });
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onSave = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError(t.work.filterNameRequired);
      return;
    }
    setError(null);
    save.mutate(
      { name: name.trim(), query: currentQuery, shared },
      {
        onSuccess: () => {
          setName('');
          setShared(false);
        },
      },
    );
  };
  const items = views.data?.items ?? [];
  const failure = save.error ?? remove.error;

  return (
    <Group component="section" aria-labelledby="saved-filters-title" gap="xs" align="flex-end" wrap="wrap">
      <Text component="h2" id="saved-filters-title" fw={700} size="sm" m={0} pb={6}>
        {t.work.savedFiltersTitle}:
      </Text>
      {items.length === 0 ? (
        <Text size="sm" pb={6}>
          {t.work.noSavedFilters}
        </Text>
      ) : (
        <Group gap="xs" component="ul" pb={4} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((view) => (
            <Group component="li" key={view.id} gap={2} wrap="nowrap">
              <Button
                size="compact-sm"
                variant={view.query === currentQuery ? 'filled' : 'light'}
                aria-pressed={view.query === currentQuery}
                onClick={() => onApply(view.query)}
              >
                {view.name}
              </Button>
              {view.own ? (
                <ActionIcon
                  variant="subtle"
                  color="gray.7"
                  aria-label={t.work.deleteFilter(view.name)}
                  onClick={() => remove.mutate(view.id)}
                >
                  <span aria-hidden="true">×</span>
                </ActionIcon>
              ) : (
                <Text size="xs" c="gray.7">
                  ({t.work.sharedBy(view.ownerName)})
                </Text>
              )}
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
            error={error ?? (failure ? describeApiError(failure, locale, t) : null)}
            onChange={(event) => setName(event.currentTarget.value)}
          />
          <Checkbox
            size="xs"
            pb={6}
            label={t.work.shareView}
            checked={shared}
            onChange={(event) => setShared(event.currentTarget.checked)}
          />
          <Button type="submit" size="xs" variant="default" loading={save.isPending}>
            {t.work.saveFilter}
          </Button>
        </Group>
      </form>
    </Group>
  );
}
