import { Button, Group, Paper, Stack, Tabs, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { QueueFilterForm } from './QueueFilterForm.tsx';
import { QueueTable } from './QueueTable.tsx';
import { filterQueryString, type QueueParams, readQueueParams, toQueueFilters } from './queue-params.ts';
import { SavedFilters } from './SavedFilters.tsx';
import { StatusCounts } from './StatusCounts.tsx';

/** The work queue: my complaints, my department's (managers), or all, with filters kept in the address. */
export function WorkPage() {
  const { t } = useI18n();
  useDocumentTitle(t.work.pageTitle);
  const user = useCurrentUser().data;
  const [search, setSearch] = useSearchParams();
  if (!user) return null;
  const params = readQueueParams(search, user);
  const filters = toQueueFilters(params, user);

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
    setSearch(next, { replace: true });
  };

  // One content for every tab; Mantine renders it only in the active panel.
  const content = (
    <Stack gap="sm">
      <Paper withBorder p="sm">
        <QueueFilterForm params={params} onChange={update} onReset={() => replaceFilters('')} />
      </Paper>
      <StatusCounts filters={filters} selected={params.status} onSelect={(status) => update({ status })} />
      <SavedFilters userId={user.id} currentQuery={filterQueryString(search)} onApply={replaceFilters} />
      <QueueTable filters={filters} />
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
        <Tabs.List aria-label={t.work.tabsLabel}>
          <Tabs.Tab value="mine">{t.work.tabMine}</Tabs.Tab>
          {user.managedDepartmentIds.length > 0 && (
            <Tabs.Tab value="department">{t.work.tabDepartment}</Tabs.Tab>
          )}
          <Tabs.Tab value="all">{t.work.tabAll}</Tabs.Tab>
        </Tabs.List>
        {(['mine', 'department', 'all'] as const)
          .filter((tab) => tab !== 'department' || user.managedDepartmentIds.length > 0)
          .map((tab) => (
            <Tabs.Panel key={tab} value={tab} pt="md">
              {content}
            </Tabs.Panel>
          ))}
      </Tabs>
    </Stack>
  );
}
