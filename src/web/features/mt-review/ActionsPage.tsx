import { Checkbox, Group, NativeSelect, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { ACTION_STATUSES, type ActionStatus } from '../../../domain/learning.ts';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { QueryState } from '../people/QueryState.tsx';
import { ActionsTable } from './ActionsTable.tsx';
import { type ActionFilters, fetchActions, mtKeys } from './mt-api.ts';

const STATUSES = Object.keys(ACTION_STATUSES) as ActionStatus[];

/** The register of improvement actions (verbeteracties); the filters live in the address, so a view can be shared. */
export function ActionsPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t.mtReview.registerTitle);
  const [params, setParams] = useSearchParams();
  const status = STATUSES.find((s) => s === params.get('status')) ?? '';
  const mine = params.get('eigen') === 'ja';
  const overdue = params.get('telaat') === 'ja';
  const filters: ActionFilters = {
    ...(status ? { status } : {}),
    ...(mine ? { ownerId: 'me' as const } : {}),
    ...(overdue ? { overdue: true } : {}),
  };
  const actions = useQuery({
    queryKey: mtKeys.actions(filters),
    queryFn: () => fetchActions(filters),
    placeholderData: keepPreviousData,
  });
  const update = (key: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  return (
    <Stack gap="md">
      <Title order={1}>{t.mtReview.registerTitle}</Title>
      <Text>{t.mtReview.registerIntro}</Text>
      <Group component="fieldset" align="flex-end" gap="lg" style={{ border: 0, padding: 0, margin: 0 }}>
        <VisuallyHidden component="legend">{t.mtReview.filtersTitle}</VisuallyHidden>
        <NativeSelect
          id="actions-status"
          label={t.mtReview.status}
          value={status}
          onChange={(event) => update('status', event.currentTarget.value || null)}
          data={[
            { value: '', label: t.mtReview.allStatuses },
            ...STATUSES.map((s) => ({ value: s, label: ACTION_STATUSES[s][locale] })),
          ]}
          w={220}
        />
        <Checkbox
          label={t.mtReview.mineOnly}
          checked={mine}
          onChange={(event) => update('eigen', event.currentTarget.checked ? 'ja' : null)}
          mb={8}
        />
        <Checkbox
          label={t.mtReview.overdueOnly}
          checked={overdue}
          onChange={(event) => update('telaat', event.currentTarget.checked ? 'ja' : null)}
          mb={8}
        />
      </Group>
      <QueryState query={actions}>
        {(list) => (
          <ActionsTable
            actions={list}
            caption={t.mtReview.registerCaption}
            emptyText={t.mtReview.registerEmpty}
            testId="action-register"
          />
        )}
      </QueryState>
    </Stack>
  );
}
