import { Alert, Button, NativeSelect, Stack, Table, Tabs, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ComplaintListItem } from '../../../contract/complaints.ts';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { ComplaintHistory } from '../people/ComplaintHistory.tsx';
import { QueryState } from '../people/QueryState.tsx';
import { ApprovalsWaiting } from './ApprovalsWaiting.tsx';
import { AssignDialog } from './AssignDialog.tsx';
import { fetchDepartments, fetchEmployeeRepeatCounts } from './manager-api.ts';

const OPEN = 'new,in_progress,declined_outside_procedure';
/** "Binnenkort": due within two working days, early enough to act without an extension. */
const DUE_SOON_DAYS = 2;
const TAB_IDS = ['queue', 'approvals', 'overdue', 'due-soon', 'repeats'] as const;

/** The manager's view of the team (policy 2.2, 2.3, 2.6): queue, approvals, terms at risk, reassignment. */
export function TeamPage() {
  const { t } = useI18n();
  useDocumentTitle(t.manager.pageTitle);
  const user = useCurrentUser().data;
  const departments = useQuery({ queryKey: ['departments'], queryFn: fetchDepartments });
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [tab, setTab] = useState<string | null>('queue');
  const [assigning, setAssigning] = useState<ComplaintListItem | null>(null);
  const [assigned, setAssigned] = useState<string | null>(null);
  const chosen = departmentId ?? user?.managedDepartmentIds[0] ?? '';
  const scope = chosen ? { departmentId: chosen } : {};
  const reassign = {
    label: t.manager.actions,
    render: (item: ComplaintListItem) => (
      <Button size="compact-sm" variant="outline" onClick={() => setAssigning(item)}>
        {t.manager.reassign}
        <VisuallyHidden> {item.reference}</VisuallyHidden>
      </Button>
    ),
  };
  const tabLabels: Record<(typeof TAB_IDS)[number], string> = {
    queue: t.manager.tabQueue,
    approvals: t.manager.tabApprovals,
    overdue: t.manager.tabOverdue,
    'due-soon': t.manager.tabDueSoon,
    repeats: t.manager.tabRepeats,
  };

  return (
    <Stack gap="md">
      <Title order={1}>{t.manager.title}</Title>
      <QueryState query={departments}>
        {(list) => (
          <NativeSelect
            id="team-department"
            label={t.manager.department}
            value={chosen}
            onChange={(event) => setDepartmentId(event.currentTarget.value)}
            data={[
              { value: '', label: t.manager.allDepartments },
              ...list.filter((d) => d.active).map((d) => ({ value: d.id, label: d.name })),
            ]}
            w={320}
          />
        )}
      </QueryState>
      {assigned && (
        <Alert
          color="#1b5e20"
          variant="outline"
          role="status"
          withCloseButton
          closeButtonLabel={t.manager.close}
          onClose={() => setAssigned(null)}
        >
          {assigned}
        </Alert>
      )}
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          {TAB_IDS.map((id) => (
            <Tabs.Tab key={id} value={id}>
              {tabLabels[id]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="queue" pt="md">
          <ComplaintHistory
            path="/api/complaints"
            params={{ ...scope, status: OPEN, sort: 'due' }}
            caption={t.manager.queueCaption}
            emptyText={t.manager.queueEmpty}
            action={reassign}
            testId="team-queue"
          />
        </Tabs.Panel>
        <Tabs.Panel value="approvals" pt="md">
          <ApprovalsWaiting />
        </Tabs.Panel>
        <Tabs.Panel value="overdue" pt="md">
          <ComplaintHistory
            path="/api/complaints"
            params={{ ...scope, overdue: true, sort: 'due' }}
            caption={t.manager.overdueCaption}
            emptyText={t.manager.overdueEmpty}
            action={reassign}
            testId="team-overdue"
          />
        </Tabs.Panel>
        <Tabs.Panel value="due-soon" pt="md">
          <ComplaintHistory
            path="/api/complaints"
            params={{ ...scope, status: OPEN, dueWithinWorkingDays: DUE_SOON_DAYS, sort: 'due' }}
            caption={t.manager.dueSoonCaption(DUE_SOON_DAYS)}
            emptyText={t.manager.dueSoonEmpty}
            action={reassign}
            testId="team-due-soon"
          />
        </Tabs.Panel>
        <Tabs.Panel value="repeats" pt="md">
          <RepeatCounts />
        </Tabs.Panel>
      </Tabs>
      <AssignDialog
        complaint={assigning}
        onClose={() => setAssigning(null)}
        onAssigned={(reference, handlerName) => {
          setAssigning(null);
          setAssigned(t.manager.assigned(reference, handlerName));
        }}
      />
    </Stack>
  );
}

/** Policy 2.6: visible to the employee's own manager only, as input for their assessment — not a ranking. */
function RepeatCounts() {
  const { t } = useI18n();
  const counts = useQuery({ queryKey: ['manager', 'repeat-counts'], queryFn: fetchEmployeeRepeatCounts });
  return (
    <Stack gap="sm">
      <Text size="sm">{t.manager.repeatsIntro}</Text>
      <QueryState query={counts}>
        {(data) =>
          data.items.length === 0 ? (
            <Text>{t.manager.repeatsEmpty}</Text>
          ) : (
            <Table striped data-testid="repeat-counts" maw={720}>
              <Table.Caption>{t.manager.repeatsCaption}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t.manager.employee}</Table.Th>
                  <Table.Th scope="col">{t.manager.total}</Table.Th>
                  <Table.Th scope="col">{t.manager.causeLate}</Table.Th>
                  <Table.Th scope="col">{t.manager.causeNoAnswer}</Table.Th>
                  <Table.Th scope="col">{t.manager.causePoorAnswer}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((row) => (
                  <Table.Tr key={row.employeeId}>
                    <Table.Th scope="row">{row.employeeName ?? '—'}</Table.Th>
                    <Table.Td>{row.count}</Table.Td>
                    <Table.Td>{row.causes.late}</Table.Td>
                    <Table.Td>{row.causes.no_answer}</Table.Td>
                    <Table.Td>{row.causes.poor_answer}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
    </Stack>
  );
}
