import { Badge, Button, Group, NativeSelect, Paper, Stack, Tabs, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { departmentQueueScope } from '../../../domain/index.ts';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { fetchDepartments } from '../complaints/complaints-api.ts';
import { QueueFilterForm } from './QueueFilterForm.tsx';
import { QueueTable } from './QueueTable.tsx';
import {
  actorOf,
  availableTabs,
  filterQueryString,
  type QueueParams,
  readQueueParams,
  toCountFilters,
  toQueueFilters,
} from './queue-params.ts';
import { REFRESH_MS } from './refresh.ts';
import { SavedFilters } from './SavedFilters.tsx';
import { StatusCounts } from './StatusCounts.tsx';
import { fetchQueueCounts, workQueueKeys } from './work-queue-api.ts';

/** The work queue: my complaints, my department's, its unassigned ones, or all; filters kept in the address. */
export function WorkPage() {
  const { t } = useI18n();
  useDocumentTitle(t.work.pageTitle);
  const user = useCurrentUser().data;
  const [search, setSearch] = useSearchParams();
  const picksAny = user != null && departmentQueueScope(actorOf(user)).kind === 'any';
  const departments = useQuery({
    queryKey: ['departments'],
    queryFn: fetchDepartments,
    enabled: picksAny,
  });
  const active = (departments.data ?? []).filter((d) => d.active);
  const params = user ? readQueueParams(search, user, active[0]?.id ?? '') : null;
  const countFilters = params ? toCountFilters(params) : {};
  const counts = useQuery({
    queryKey: workQueueKeys.tabCounts(countFilters),
    queryFn: () => fetchQueueCounts(countFilters),
    enabled: params !== null,
    refetchInterval: REFRESH_MS,
    refetchOnWindowFocus: true,
  });
  if (!user || !params) return null;
  const filters = toQueueFilters(params);
  const tabs = availableTabs(user, params.dept);

  const update = (changes: Partial<Record<keyof QueueParams, string | boolean>>) =>
    setSearch(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value === '' || value === false || (key === 'sort' && value === 'due')) next.delete(key);
          else next.set(key, String(value));
        }
        return next;
      },
      { replace: true },
    );
  const replaceFilters = (query: string) => {
    const next = new URLSearchParams(query);
    if (params.tab !== 'mine') next.set('tab', params.tab);
    if (search.get('dept')) next.set('dept', params.dept);
    setSearch(next, { replace: true });
  };
  const countOf = (tab: (typeof tabs)[number]) => counts.data?.[tab] ?? null;
  const labels = {
    mine: t.work.tabMine,
    department: t.work.tabDepartment,
    unassigned: t.work.tabUnassigned,
    all: t.work.tabAll,
  };

  // One content for every tab; Mantine renders it only in the active panel.
  const content = (
    <Stack gap="sm">
      {picksAny && (params.tab === 'department' || params.tab === 'unassigned') && (
        <NativeSelect
          label={t.work.department}
          maw={320}
          value={params.dept}
          onChange={(event) => update({ dept: event.currentTarget.value })}
          data={active.map((d) => ({ value: d.id, label: d.name }))}
        />
      )}
      <Paper withBorder p="sm">
        <QueueFilterForm params={params} onChange={update} onReset={() => replaceFilters('')} />
      </Paper>
      <StatusCounts filters={filters} selected={params.status} onSelect={(status) => update({ status })} />
      <SavedFilters currentQuery={filterQueryString(search)} onApply={replaceFilters} />
      <QueueTable filters={filters} user={user} />
    </Stack>
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Title order={1}>{t.work.title}</Title>
        <Button component={Link} to="/klachten/nieuw">
          {t.work.newComplaint}
        </Button>
      </Group>
      <Tabs
        value={params.tab}
        onChange={(tab) => update({ tab: tab === 'mine' ? '' : (tab ?? '') })}
        keepMounted={false}
      >
        <Tabs.List aria-label={t.work.tabsLabel} data-testid="queue-tabs">
          {tabs.map((tab) => (
            <Tabs.Tab
              key={tab}
              value={tab}
              rightSection={
                countOf(tab) === null ? undefined : (
                  <Badge size="sm" variant="filled" color="gray.8" data-testid={`tab-count-${tab}`}>
                    {counts.data?.isLowerBound ? t.work.countAtLeast(countOf(tab) ?? 0) : countOf(tab)}
                  </Badge>
                )
              }
            >
              {labels[tab]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((tab) => (
          <Tabs.Panel key={tab} value={tab} pt="md">
            {content}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
